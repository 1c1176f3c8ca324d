#!/usr/bin/env python
"""Fine-tune the shipped toy for interpolation and looping; write the U-Net the package ships.

    python scripts/train_toy_interp.py --out runs/toy_interp        # 1000 steps; then copy runs/toy_interp/toy_interp_unet.safetensors
                                                                   # to dynamicrafter/assets/
An interrupted run continues from its newest checkpoint when started again with the same --out.
"""
import argparse, torch
from dynamicrafter.toy import train_toy_interp, TOY_INTERP_STEPS

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', default='runs/toy_interp', help='output folder')
    parser.add_argument('--steps', type=int, default=TOY_INTERP_STEPS)
    parser.add_argument('--threads', type=int, default=2, help='torch CPU threads')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(train_toy_interp(args.out, steps=args.steps))

if __name__ == '__main__': main()
