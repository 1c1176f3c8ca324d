"""A whole sample, end to end: the recommended fast settings against the official defaults, in one run, and what the fast
settings cost in quality on the trained toy.

official: 50 DDIM steps (η = 1), one U-Net call per guidance branch, plain-math attention, fp32 (the official sampler's way)
fast:     12 DDIM steps (η = 1), SDPA attention, bf16 autocast where the device has it (`fast_dtype`), the guidance branches
          batched into one call on a GPU only (on a CPU a batch of three costs three times one)

CPU (default):
  quality: the shipped toy animates `--n` held-out clips with both settings, three times (clip i: seed + i for each seed of
           `SEEDS`), scored as Table 3 is (`evaluate_variant`): FVD, KVD, PIC, CLIP-SIM, direction, first-frame PSNR, clean
           frames (`aligned_psnr`, frames 2-8) and residual background noise. A metric passes where the fast settings' mean over
           the seeds is no worse than the official one's by more than the official settings' own seed-to-seed range.
  speed:   one sample of a student-size model (the official 512 U-Net with model_channels 64, and P; random weights), 16 frames,
           latent 32x32, three guidance branches (s_txt 7.5, s_img 5.0, guidance rescale 0.7, trailing spacing), each setting in
           its own subprocess so that its peak memory (max RSS) is its own.
    python benchmarks/animate.py
    python benchmarks/animate.py --no-timing --fast-steps 10     # the quality check alone, other fast steps
GPU: the whole model of `--variant` with random weights through `animate`, both settings:
    python benchmarks/animate.py --device cuda --variant 512
The last line is the result as JSON.
"""
import argparse, json, resource, subprocess, sys, time
import torch
from dynamicrafter.attention import attention_backend
from dynamicrafter.config import UNetConfig, QueryTransformerConfig, Config, get_config
from dynamicrafter.core import fast_dtype
from dynamicrafter.model import DynamiCrafter
from dynamicrafter.sampler import sample
from dynamicrafter.pipeline import animate, default_model
from dynamicrafter.toy import held_out_clips
from dynamicrafter.ablations import evaluate_variant

FAST_STEPS = 12     # the recommendation; on the toy every count down to 4 matches the official 50 (benchmarks/README.md)
SEEDS = (0, 10_000, 20_000)

def settings(name:str, device:str, fast_steps:int=FAST_STEPS)->dict:
    "The sampling options and attention backend of 'official' or 'fast' on `device`."
    if name == 'official': return dict(steps=50, dtype='fp32', batch_branches=False, attention='math')
    return dict(steps=fast_steps, dtype=fast_dtype(device), batch_branches=device == 'cuda', attention='sdpa')

def toy_quality(name, clips, fast_steps)->dict:
    "The toy's Table 3 metrics over `clips` under setting `name`, for each of `SEEDS` (clip i: seed + i), and seconds per clip."
    model, options = default_model(), settings(name, 'cpu', fast_steps)
    start, per_seed = time.perf_counter(), []
    with attention_backend(options.pop('attention')):
        for seed in SEEDS: per_seed.append(evaluate_variant(model, clips, model, seed=seed, **options)[0])
    mean = {k: sum(m[k] for m in per_seed) / len(per_seed) for k in per_seed[0]}
    spread = {k: max(m[k] for m in per_seed) - min(m[k] for m in per_seed) for k in per_seed[0]}
    return dict(mean=mean, spread=spread, seconds_per_clip=(time.perf_counter() - start) / len(clips) / len(SEEDS))

def student_sample(name, threads, fast_steps)->float:
    "Seconds of one three-branch sample of the student-size U-Net + P on the CPU under setting `name`."
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    s = settings(name, 'cpu', fast_steps)
    model = DynamiCrafter(Config(diffusion=get_config('512').diffusion, unet=UNetConfig(model_channels=64),
                                query_transformer=QueryTransformerConfig())).eval()
    b, t, h, w, d = 1, 16, 32, 32, 1024
    with torch.no_grad(): image_tokens = model.query_transformer(torch.randn(2, 257, 1280))   # P of a "real" and a "grey" image
    text, empty, concat = torch.randn(b, 77, d), torch.randn(b, 77, d), torch.randn(b, 4, t, h, w)
    branch = lambda words, tokens: {'context': torch.cat([words, tokens[None]], 1), 'concat': concat}
    cond, uncond, uncond_image = branch(text, image_tokens[0]), branch(empty, image_tokens[1]), branch(empty, image_tokens[0])
    x_T = torch.randn(b, 4, t, h, w)
    start = time.perf_counter()
    with attention_backend(s['attention']), torch.autocast('cpu', dtype=torch.bfloat16, enabled=s['dtype'] == 'bf16'):
        sample(model, x_T, cond, uncond, uncond_image, steps=s['steps'], s_txt=7.5, s_img=5.0, guidance_rescale=0.7,
               spacing='uniform_trailing', fs=24, progress=False, batch_branches=s['batch_branches'])
    return time.perf_counter() - start

def full_sample(name, variant, device, fast_steps)->float:
    "Seconds of one full-size `animate` call (random weights) on `device` under setting `name`, after a 2-step warm-up."
    torch.manual_seed(0)
    model = DynamiCrafter(get_config(variant)).eval()
    image = torch.rand(3, model.config.sampling.height, model.config.sampling.width) * 2 - 1
    options = settings(name, device, fast_steps)
    backend = options.pop('attention')
    options |= dict(s_txt=7.5, s_img=5.0, device=device, progress=False, decode_chunk_size=4)
    with attention_backend(backend):
        animate(image, 'a warm-up', model, **{**options, 'steps': 2})
        torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
        start = time.perf_counter()
        animate(image, 'a benchmark', model, **options)
        torch.cuda.synchronize()
        return time.perf_counter() - start

def child(args):
    "Time one setting in this process and print its seconds and peak memory as JSON."
    if args.device == 'cpu':
        seconds, peak = student_sample(args.setting, args.threads, args.fast_steps), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    else: seconds, peak = full_sample(args.setting, args.variant, args.device, args.fast_steps), torch.cuda.max_memory_allocated() / 2**30
    print(json.dumps({'seconds': seconds, 'peak_gib': peak}))

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--variant', default='512', choices=['256', '512', '1024', '512_interp'], help='GPU only (the CPU runs the student size)')
    parser.add_argument('--n', type=int, default=16, help='held-out toy clips for the quality check (CPU; 0: skip it)')
    parser.add_argument('--threads', type=int, default=2, help='CPU threads')
    parser.add_argument('--fast-steps', type=int, default=FAST_STEPS, help='DDIM steps of the fast settings')
    parser.add_argument('--no-timing', action='store_true', help='the quality check only')
    parser.add_argument('--setting', choices=['official', 'fast'], help=argparse.SUPPRESS)   # internal: time one setting here
    args = parser.parse_args()
    if args.n == 1: parser.error('--n must be 0 (no quality check) or at least 2 (FVD needs two clips)')
    if args.setting: return child(args)
    torch.set_num_threads(args.threads)
    print(f"fast: {settings('fast', args.device, args.fast_steps)}\nofficial: {settings('official', args.device)}")
    quality = {}
    if args.device == 'cpu' and args.n:
        clips = held_out_clips(default_model().config, args.n)
        quality = {name: toy_quality(name, clips, args.fast_steps) for name in ('official', 'fast')}
        official, fast = quality['official'], quality['fast']
        lower_is_better = ('fvd', 'kvd', 'background_noise')
        worse = {k: (official['mean'][k] - fast['mean'][k]) * (-1 if k in lower_is_better else 1) for k in fast['mean']}  # > 0: fast worse
        quality['within_spread'] = {k: worse[k] <= official['spread'][k] + 1e-9 for k in worse}
        print(f"toy, {args.n} held-out clips, mean over seeds {SEEDS} (official's seed-to-seed range):")
        for k in fast['mean']:
            print(f"  {k:17s} official {official['mean'][k]:8.3f} ({official['spread'][k]:.3f})   fast {fast['mean'][k]:8.3f}"
                  f"   {'within' if quality['within_spread'][k] else 'OUTSIDE'}")
        print(f"  seconds a clip: official {official['seconds_per_clip']:.2f}, fast {fast['seconds_per_clip']:.2f}")
    if args.no_timing: return print(json.dumps({'benchmark': 'animate', 'fast_settings': settings('fast', args.device, args.fast_steps),
                                                'quality': quality}))
    what = 'student U-Net + P, 16 frames, latent 32x32, three branches' if args.device == 'cpu' else f'{args.variant}, random weights'
    timed = {}
    for name in ('official', 'fast'):
        out = subprocess.run([sys.executable, __file__, '--setting', name] + sys.argv[1:], capture_output=True, text=True)
        if out.returncode: sys.exit(out.stderr)
        timed[name] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{what}, {name:8s}: {timed[name]['seconds']:.1f} s per sample, peak memory {timed[name]['peak_gib']:.2f} GiB")
    ratio = timed['official']['seconds'] / timed['fast']['seconds']
    print(f"fast / official: {ratio:.2f}x less wall time")
    print(json.dumps({'benchmark': 'animate', 'device': args.device, 'variant': 'student' if args.device == 'cpu' else args.variant,
                      'fast_s': timed['fast']['seconds'], 'plain_s': timed['official']['seconds'], 'ratio': ratio,
                      'fast_peak_gib': timed['fast']['peak_gib'], 'plain_peak_gib': timed['official']['peak_gib'],
                      'fast_settings': settings('fast', args.device, args.fast_steps), 'quality': quality}))

if __name__ == '__main__':
    main()
