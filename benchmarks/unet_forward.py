"""U-Net forward time: the fast path (fused SDPA attention, bf16 autocast where the CPU has bf16 instructions) against the plain
official-style path (plain-math attention: einsum, softmax, einsum; fp32), in one run, with each path's achieved fraction of the
matmul peak of its dtype measured in the same run.

CPU, student size (default):  python benchmarks/unet_forward.py
GPU, full size:               python benchmarks/unet_forward.py --variant 512 --device cuda
The last line is the result as JSON.
"""
import argparse, json, statistics, time
import torch
from torch.utils.flop_counter import FlopCounterMode
from dynamicrafter.config import UNetConfig, get_config
from dynamicrafter.unet import UNet3D
from dynamicrafter.attention import attention_backend

LATENT = {'student': (32, 32), '256': (32, 32), '512': (40, 64), '1024': (72, 128)}
DTYPES = {'fp32': torch.float32, 'fp16': torch.float16, 'bf16': torch.bfloat16}

def build(variant):
    "The U-Net config: 'student' = the official one with model_channels 64 (context 1024 kept)."
    return UNetConfig(model_channels=64) if variant == 'student' else get_config(variant).unet

def fast_dtype(device:str)->str:
    "bf16 on a CPU with bf16 instructions (AVX512-BF16, AMX), fp32 on other CPUs, bf16 on a GPU."
    if device != 'cpu': return 'bf16'
    return 'bf16' if torch.ops.mkldnn._is_mkldnn_bf16_supported() else 'fp32'

def sync(device):
    if device == 'cuda': torch.cuda.synchronize()

def matmul_peak(device, dtype, n=4096, runs=3)->float:
    "GFLOP/s of the best of `runs` n×n matmuls in `dtype`: the peak a forward's linear algebra can hope for."
    a, b = torch.randn(n, n, device=device, dtype=dtype), torch.randn(n, n, device=device, dtype=dtype)
    best = float('inf')
    for _ in range(runs + 1):
        sync(device); start = time.perf_counter(); a @ b; sync(device); best = min(best, time.perf_counter() - start)
    return 2 * n ** 3 / best / 1e9

def time_forward(unet, inputs, device, dtype, runs):
    "Median seconds of `runs` forwards (after one warm-up) under autocast to `dtype`."
    times = []
    with torch.no_grad(), torch.autocast(device_type=device, dtype=dtype, enabled=dtype != torch.float32):
        for i in range(runs + 1):
            sync(device); start = time.perf_counter(); unet(*inputs); sync(device)
            if i: times.append(time.perf_counter() - start)
    return statistics.median(times), times

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--variant', default='student', choices=list(LATENT))
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--dtype', choices=list(DTYPES), help='autocast dtype of the fast path (default: bf16 where supported)')
    parser.add_argument('--frames', type=int, default=16)
    parser.add_argument('--batch', type=int, default=1)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--threads', type=int, default=2, help='CPU threads')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    cfg = build(args.variant)
    unet = UNet3D(cfg).to(args.device).eval()
    (h, w), b, t = LATENT[args.variant], args.batch, args.frames
    inputs = (torch.randn(b, 8, t, h, w, device=args.device), torch.randint(0, 1000, (b,), device=args.device),
              torch.randn(b, 77 + 16 * t, cfg.context_dim, device=args.device), torch.full((b,), cfg.default_fs, device=args.device))
    with torch.no_grad(), FlopCounterMode(display=False) as counter: unet(*inputs)
    gflop = counter.get_total_flops() / 1e9
    paths = {'plain': ('math', 'fp32'), 'fast': ('sdpa', args.dtype or fast_dtype(args.device))}
    peaks = {dtype: matmul_peak(args.device, DTYPES[dtype]) for dtype in {d for _, d in paths.values()}}
    params = sum(p.numel() for p in unet.parameters()) / 1e6
    print(f'U-Net {args.variant} ({params:.1f} M params, {gflop:.1f} GFLOP a forward), batch {b}, {t} frames, latent {h}x{w}, '
          f'{args.device}, {torch.get_num_threads()} threads, {args.runs} runs; matmul peak '
          + ', '.join(f'{d} {p:.0f} GFLOP/s' for d, p in peaks.items()))
    results = {}
    for name, (backend, dtype) in paths.items():
        if args.device == 'cuda': torch.cuda.reset_peak_memory_stats()
        with attention_backend(backend):
            median, times = time_forward(unet, inputs, args.device, DTYPES[dtype], args.runs)
        results[name] = dict(seconds=median, runs=times, attention=backend, dtype=dtype, gflops=gflop / median,
                             fraction_of_peak=gflop / median / peaks[dtype])
        extra = f', peak memory {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB' if args.device == 'cuda' else ''
        print(f'{name:5s} ({backend} attention, {dtype}): median {median:.3f} s (runs: {", ".join(f"{s:.3f}" for s in times)}), '
              f'{gflop / median:.0f} GFLOP/s = {gflop / median / peaks[dtype]:.0%} of the {dtype} matmul peak{extra}')
    ratio = results['plain']['seconds'] / results['fast']['seconds']
    print(f'fast / plain: {ratio:.2f}x')
    print(json.dumps({'benchmark': 'unet_forward', 'variant': args.variant, 'device': args.device, 'fast_s': results['fast']['seconds'],
                      'plain_s': results['plain']['seconds'], 'ratio': ratio, 'gflop': gflop, 'matmul_peak_gflops': peaks,
                      'paths': results}))

if __name__ == '__main__':
    main()
