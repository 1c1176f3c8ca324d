#!/usr/bin/env python
"""Train the toy video feature extractor (I3D's stand-in for FVD and KVD on the synthetic world) and write it as a package asset.

    python scripts/train_video_features.py                      # the real run: dynamicrafter/assets/toy_video_features.safetensors
    python scripts/train_video_features.py --steps 2 --clips 8 --out runs/features.safetensors   # smoke test

Prints the training time, the file size and the accuracy of each label on held-out clips (seed 1, put through `disorder`).
"""
import argparse, json, time, torch
from pathlib import Path
from dynamicrafter.data import SyntheticVideos
from dynamicrafter.metrics import train_video_features, save_video_features, label_accuracy

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', default=str(Path(__file__).parents[1]/'dynamicrafter'/'assets'/'toy_video_features.safetensors'))
    parser.add_argument('--steps', type=int, default=3000)
    parser.add_argument('--batch-size', type=int, default=32)
    parser.add_argument('--clips', type=int, default=4096, help='the pool of synthetic clips the batches are drawn from')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--threads', type=int, default=1, help='torch CPU threads (1 is fastest where the cores are shared)')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    start = time.time()
    net = train_video_features(args.steps, batch_size=args.batch_size, clips=args.clips, seed=args.seed)
    seconds = time.time() - start
    save_video_features(net, args.out)
    accuracy = label_accuracy(net, SyntheticVideos(n=512, frames=8, size=32, seed=1))
    print(json.dumps(dict(steps=args.steps, train_seconds=round(seconds, 1), bytes=Path(args.out).stat().st_size,
                          held_out_accuracy={k: round(v, 3) for k, v in accuracy.items()}), indent=1))

if __name__ == '__main__': main()
