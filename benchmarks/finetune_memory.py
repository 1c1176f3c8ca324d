"""Peak memory of fine-tuning steps: our memory setup vs a plain fp32 run, in the same run, each through `dynamicrafter.trainer.train`.

ours : bf16 autocast (Accelerate mixed precision) and gradient checkpointing in every ResBlock and transformer block
plain: fp32, no checkpointing
Both train the joint stage as the released code does (whole U-Net + P, the encoders frozen), at batch 1, on clips of the
variant's sampling size (16 frames of 320x512 for 512), with AdamW. The weights are random: memory does not depend on them.

GPU, the issue-8 target (the 512 fine-tune at batch 1 on one 80 GB card):
    python benchmarks/finetune_memory.py --device cuda --variant 512
    python benchmarks/finetune_memory.py --device cuda --variant 1024 --steps 2
CPU, a check that the script runs (peak memory = max RSS):
    python benchmarks/finetune_memory.py --variant tiny
Each path runs in its own subprocess, so the peak of one does not hide the other's. A path that runs out of GPU memory
reports the fact and the memory it had reached.
"""
import argparse, json, resource, subprocess, sys, tempfile, time
import torch
from dynamicrafter.config import get_config
from dynamicrafter.data import SyntheticVideos
from dynamicrafter.trainer import TrainConfig, build_model, train

PATHS = {'ours': dict(mixed_precision='bf16', gradient_checkpointing=True),
         'plain': dict(mixed_precision='no', gradient_checkpointing=False)}

def fine_tune(path, variant, steps, device):
    "`steps` joint-stage steps at batch 1 through `train`, with its checkpoint at the end; returns seconds (None: out of memory)."
    sampling = get_config(variant).sampling
    data = SyntheticVideos(n=steps, frames=sampling.frames, size=(sampling.height, sampling.width), frame_stride=sampling.fs_range)
    with tempfile.TemporaryDirectory() as out:
        tc = TrainConfig(model=variant, stage='joint_whole_unet', steps=steps, batch_size=1, lr=1e-5, output_dir=out,
                         save_every=steps, keep_checkpoints=1, cpu=device == 'cpu', **PATHS[path])
        model = build_model(tc)
        start = time.perf_counter()
        try: train(model, data, tc, progress=False)
        except torch.cuda.OutOfMemoryError: return None
        return time.perf_counter() - start

def child(args):
    "Run one path and print its seconds and peak memory as JSON."
    torch.set_num_threads(args.threads)
    seconds = fine_tune(args.path, args.variant, args.steps, args.device)
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20 if args.device == 'cpu'    # KiB → GiB (Linux)
            else torch.cuda.max_memory_allocated() / 2**30)
    print(json.dumps({'path': args.path, 'seconds': seconds, 'peak_gib': peak, 'out_of_memory': seconds is None}))

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--device', default='cpu', choices=['cpu', 'cuda'])
    parser.add_argument('--variant', default='tiny', help="a get_config name: '512' (on a GPU), 'tiny' (CPU check), …")
    parser.add_argument('--steps', type=int, default=3, help='optimiser steps per path (the checkpoint at the end is included)')
    parser.add_argument('--threads', type=int, default=2, help='CPU threads')
    parser.add_argument('--path', choices=list(PATHS), help=argparse.SUPPRESS)   # internal: run one path in this process
    args = parser.parse_args()
    if args.path: return child(args)
    s = get_config(args.variant).sampling
    print(f'{args.variant}: joint stage, batch 1, {s.frames} frames of {s.height}x{s.width}, {args.steps} steps '
          f'({args.device}, torch {torch.__version__})')
    results = {}
    for path in PATHS:
        out = subprocess.run([sys.executable, __file__, '--path', path] + sys.argv[1:], capture_output=True, text=True)
        if out.returncode: sys.exit(out.stderr)
        r = results[path] = json.loads(out.stdout.strip().splitlines()[-1])
        speed = 'out of memory' if r['out_of_memory'] else f"{r['seconds']:.1f} s for the steps and the checkpoint"
        print(f"{path:5s} ({', '.join(f'{k} {v}' for k, v in PATHS[path].items())}): peak memory {r['peak_gib']:.2f} GiB, {speed}")
    print(json.dumps({'benchmark': 'finetune_memory', 'device': args.device, 'variant': args.variant, **results}))

if __name__ == '__main__':
    main()
