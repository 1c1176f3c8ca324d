"""Seconds and peak memory per sample: the fast path of `animate` / `ddim_sample` vs the plain eager fp32 path, in the same run.

fast : one batched U-Net call per step for all guidance branches, fused SDPA attention (+ bf16 autocast, encoder offload,
       chunked VAE decode on a GPU)
plain: one U-Net call per branch (as the official sampler), plain-math attention (einsum + softmax), fp32

CPU, student size (default): U-Net with model_channels 64 (official otherwise, context 1024) and P, random weights, random text
context, 16 frames, latent 32x32, 10 multi-condition DDIM steps (s_img != s_txt: three branches):
    python benchmarks/animate.py
GPU, full size (the whole model with random weights, 50 steps, guidance, through `animate`):
    python benchmarks/animate.py --device cuda --variant 512
    python benchmarks/animate.py --device cuda --variant 1024 --dtype bf16
Each path runs in its own subprocess, so the CPU peak memory (max RSS) of one does not hide the other's.
"""
import argparse, json, resource, subprocess, sys, time
from types import SimpleNamespace
import torch
from dynamicrafter.attention import attention_backend
from dynamicrafter.config import UNetConfig, QueryTransformerConfig, Config, get_config
from dynamicrafter.model import DynamiCrafter
from dynamicrafter.sampler import ddim_sample
from dynamicrafter.pipeline import animate

PATHS = {'fast': dict(batch_branches=True, attention='sdpa'), 'plain': dict(batch_branches=False, attention='math')}

def student_sample(path, steps, threads, compile=False):
    "One 10-step multi-condition sample of the student-size U-Net + P on the CPU; returns seconds."
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = DynamiCrafter(Config(diffusion=get_config('512').diffusion, unet=UNetConfig(model_channels=64),
                                query_transformer=QueryTransformerConfig())).eval()
    b, t, h, w, d = 1, 16, 32, 32, 1024
    image_tokens = model.query_transformer(torch.randn(2, 257, 1280)).detach()     # P of a "real" and a "grey" CLIP image
    text, empty = torch.randn(b, 77, d), torch.randn(b, 77, d)
    concat = torch.randn(b, 4, t, h, w)
    branch = lambda words, tokens: {'context': torch.cat([words, tokens[None]], 1), 'concat': concat}
    cond, uncond, uncond_image = branch(text, image_tokens[0]), branch(empty, image_tokens[1]), branch(empty, image_tokens[0])
    x_T = torch.randn(b, 4, t, h, w)
    sampler = SimpleNamespace(unet=torch.compile(model.unet), schedule=model.schedule) if compile and path == 'fast' else model
    sample = lambda steps: ddim_sample(sampler, x_T, cond, uncond, uncond_image, steps=steps, s_txt=7.5, s_img=5.0, guidance_rescale=0.7,
                                       spacing='uniform_trailing', fs=24, progress=False, batch_branches=PATHS[path]['batch_branches'])
    with attention_backend(PATHS[path]['attention']):
        if sampler is not model: sample(1)                    # compile outside the timing
        start = time.perf_counter()
        sample(steps)
        return time.perf_counter() - start

def full_sample(path, variant, steps, dtype, device, compile):
    "One full-size `animate` call (random weights) on `device`, after a warm-up; returns seconds."
    torch.manual_seed(0)
    model = DynamiCrafter(get_config(variant)).eval()
    image = torch.rand(3, *[getattr(model.config.sampling, k) for k in ('height', 'width')]) * 2 - 1
    fast = path == 'fast'
    if fast:                                                   # half-precision weights, as `from_pretrained` loads them for CUDA
        for part in DynamiCrafter.PARTS: getattr(model, part).to({'bf16': torch.bfloat16, 'fp16': torch.float16}[dtype])
    options = dict(steps=steps, s_txt=7.5, s_img=5.0, device=device, progress=False, batch_branches=fast,
                   dtype=dtype if fast else 'fp32', offload=fast, decode_chunk_size=4 if fast else 16, compile=compile and fast)
    with attention_backend(PATHS[path]['attention']):
        animate(image, 'a warm-up', model, **{**options, 'steps': 2})
        torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
        start = time.perf_counter()
        animate(image, 'a benchmark', model, **options)
        torch.cuda.synchronize()
        return time.perf_counter() - start

def child(args):
    "Run one path and print its seconds and peak memory as JSON."
    if args.device == 'cpu':
        seconds = student_sample(args.path, args.steps or 10, args.threads, args.compile)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20          # KiB → GiB (Linux)
    else:
        seconds = full_sample(args.path, args.variant, args.steps or 50, args.dtype, args.device, args.compile)
        peak = torch.cuda.max_memory_allocated() / 2**30
    print(json.dumps({'path': args.path, 'seconds': seconds, 'peak_gib': peak}))

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--variant', default='512', choices=['256', '512', '1024', '512_interp'], help='GPU only (the CPU runs the student size)')
    parser.add_argument('--steps', type=int, help='DDIM steps (default: 10 on the CPU, 50 on a GPU)')
    parser.add_argument('--dtype', default='bf16', choices=['bf16', 'fp16'], help='autocast dtype of the fast path on a GPU')
    parser.add_argument('--compile', action='store_true', help='torch.compile the U-Net in the fast path')
    parser.add_argument('--threads', type=int, default=2, help='CPU threads')
    parser.add_argument('--path', choices=list(PATHS), help=argparse.SUPPRESS)   # internal: run one path in this process
    args = parser.parse_args()
    if args.path: return child(args)
    what = (f'student U-Net + P, 16 frames, latent 32x32, {args.steps or 10} multi-cond steps, {args.threads} threads'
            + (', fast path compiled' if args.compile else '')
            if args.device == 'cpu' else f'{args.variant} full model, {args.steps or 50} steps, fast path {args.dtype}')
    print(f'{what} ({args.device}, torch {torch.__version__})')
    results = {}
    for path in PATHS:
        out = subprocess.run([sys.executable, __file__, '--path', path] + sys.argv[1:], capture_output=True, text=True)
        if out.returncode: sys.exit(out.stderr)
        results[path] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{path:5s}: {results[path]['seconds']:.1f} s per sample, peak memory {results[path]['peak_gib']:.2f} GiB")
    ratio = results['plain']['seconds'] / results['fast']['seconds']
    print(f"speed-up: {ratio:.2f}x")
    print(json.dumps({'benchmark': 'animate', 'device': args.device, 'variant': None if args.device == 'cpu' else args.variant,
                      'fast_s': results['fast']['seconds'], 'plain_s': results['plain']['seconds'], 'ratio': ratio,
                      'fast_peak_gib': results['fast']['peak_gib'], 'plain_peak_gib': results['plain']['peak_gib']}))

if __name__ == '__main__':
    main()
