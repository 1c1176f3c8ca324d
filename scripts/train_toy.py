#!/usr/bin/env python
"""Rebuild the toy DynamiCrafter from nothing (micro CLIP, micro autoencoder, text-to-video prior, three stages).

    python scripts/train_toy.py --out runs/toy            # the real run (times of each part go to runs/toy/toy_training.json)
    python scripts/train_toy.py --out runs/toy_quick --quick    # smoke test: 2 steps per part

An interrupted run continues where it stopped when started again with the same --out.
"""
import argparse, json, torch
from dynamicrafter.toy import train_toy, TOY_STEPS, QUICK_STEPS

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', default='runs/toy', help='output folder')
    parser.add_argument('--quick', action='store_true', help='2 steps per part: checks that everything runs')
    for part, steps in TOY_STEPS.items():
        parser.add_argument(f'--{part}-steps', type=int, default=None, help=f'steps of the {part} part (default {steps})')
    parser.add_argument('--batch-size', type=int, default=None, help="clips per diffusion step (default: train_toy's)")
    parser.add_argument('--lr', type=float, default=None, help="AdamW learning rate of the diffusion stages (default: train_toy's)")
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--threads', type=int, default=2, help='torch CPU threads')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    steps = dict(QUICK_STEPS if args.quick else TOY_STEPS)
    steps.update({part: getattr(args, f'{part}_steps') for part in TOY_STEPS if getattr(args, f'{part}_steps') is not None})
    options = {k: v for k, v in dict(batch_size=2 if args.quick else args.batch_size, lr=args.lr).items() if v is not None}
    result = train_toy(args.out, steps=steps, seed=args.seed, **options)
    print(json.dumps(result, indent=1))

if __name__ == '__main__': main()
