"""U-Net forward time: fused SDPA attention vs the plain-math (einsum + softmax) reference path.

CPU, student size (default):  python benchmarks/unet_forward.py
GPU, full size:               python benchmarks/unet_forward.py --variant 512 --device cuda --dtype bf16
"""
import argparse, statistics, time
from dataclasses import replace
import torch
from dynamicrafter.config import UNetConfig, get_config
from dynamicrafter.unet import UNet3D
from dynamicrafter.attention import attention_backend

LATENT = {'student': (32, 32), '256': (32, 32), '512': (40, 64), '1024': (72, 128)}

def build(variant):
    "The U-Net config: 'student' = the official one with model_channels 64 (context 1024 kept)."
    return UNetConfig(model_channels=64) if variant == 'student' else get_config(variant).unet

def time_forward(unet, inputs, device, dtype, runs):
    "Median seconds of `runs` forwards (after one warm-up)."
    autocast = torch.autocast(device_type=device, dtype=dtype, enabled=dtype != torch.float32)
    times = []
    with torch.no_grad(), autocast:
        for i in range(runs + 1):
            if device == 'cuda': torch.cuda.synchronize()
            start = time.perf_counter()
            unet(*inputs)
            if device == 'cuda': torch.cuda.synchronize()
            if i: times.append(time.perf_counter() - start)
    return statistics.median(times), times

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--variant', default='student', choices=list(LATENT))
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--dtype', default=None, choices=['fp32', 'fp16', 'bf16'], help='autocast dtype (default: fp32 on CPU, fp16 on GPU)')
    parser.add_argument('--frames', type=int, default=16)
    parser.add_argument('--batch', type=int, default=1)
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args()
    dtype = {'fp32': torch.float32, 'fp16': torch.float16, 'bf16': torch.bfloat16}[args.dtype or ('fp32' if args.device == 'cpu' else 'fp16')]
    torch.manual_seed(0)
    cfg = build(args.variant)
    unet = UNet3D(cfg).to(args.device).eval()
    (h, w), b, t = LATENT[args.variant], args.batch, args.frames
    inputs = (torch.randn(b, 8, t, h, w, device=args.device), torch.randint(0, 1000, (b,), device=args.device),
              torch.randn(b, 77 + 16 * t, cfg.context_dim, device=args.device), torch.full((b,), cfg.default_fs, device=args.device))
    params = sum(p.numel() for p in unet.parameters()) / 1e6
    print(f'U-Net {args.variant} ({params:.1f} M params), batch {b}, {t} frames, latent {h}x{w}, {args.device}, '
          f'{str(dtype).split(".")[1]}, {torch.get_num_threads()} threads, {args.runs} runs')
    for backend in ('sdpa', 'math'):
        with attention_backend(backend):
            median, times = time_forward(unet, inputs, args.device, dtype, args.runs)
        extra = f', peak memory {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB' if args.device == 'cuda' else ''
        print(f'{backend:5s}: median {median:.3f} s  (runs: {", ".join(f"{s:.3f}" for s in times)}){extra}')
        if args.device == 'cuda': torch.cuda.reset_peak_memory_stats()

if __name__ == '__main__':
    main()
