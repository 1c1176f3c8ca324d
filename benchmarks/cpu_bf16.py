"""bf16 autocast on the CPU against float32, in one run: the speed of a U-Net forward and what it costs in quality.

- Speed: the median of `--runs` forwards of the student-size U-Net (the official 512 config with model_channels 64, 16 frames,
  latent 32×32) in float32 and under `torch.autocast('cpu', torch.bfloat16)`, interleaved, and the largest difference of the two
  outputs relative to the output's scale.
- Quality: the shipped toy animates `--n` held-out clips both ways (`animate(dtype='bf16')`, same seeds) and both are scored with
  the Table 3 metrics (`dynamicrafter.ablations.evaluate_variant`).
bf16 pays on CPUs with native bf16 instructions (AVX512-BF16, AMX); `torch.ops.mkldnn._is_mkldnn_bf16_supported()` says
whether this one has them.

    python benchmarks/cpu_bf16.py --runs 3 --n 16
"""
import argparse, json, statistics, time
import torch
from dynamicrafter.config import UNetConfig
from dynamicrafter.unet import UNet3D
from dynamicrafter.toy import held_out_clips
from dynamicrafter.ablations import evaluate_variant
from dynamicrafter.pipeline import default_model

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--n', type=int, default=16, help='held-out clips for the quality check (0: skip it)')
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    unet = UNet3D(UNetConfig(model_channels=64)).eval()
    for p in unet.parameters():                                              # no zero-initialised layers: a real output to compare
        if p.dim() > 1 and not p.any(): torch.nn.init.normal_(p, std=0.02)
    inputs = (torch.randn(1, 8, 16, 32, 32), torch.tensor([500]), torch.randn(1, 77 + 256, 1024), torch.tensor([24]))
    times, outputs = {'fp32': [], 'bf16': []}, {}
    with torch.no_grad():
        for run in range(args.runs + 1):                                      # interleaved; run 0 warms up
            for name in times:
                with torch.autocast('cpu', dtype=torch.bfloat16, enabled=name == 'bf16'):
                    start = time.perf_counter(); outputs[name] = unet(*inputs).float(); seconds = time.perf_counter() - start
                if run: times[name].append(seconds)
    median = {k: statistics.median(v) for k, v in times.items()}
    error = float((outputs['bf16'] - outputs['fp32']).abs().max() / outputs['fp32'].abs().max())
    print(f"bf16 instructions: {torch.ops.mkldnn._is_mkldnn_bf16_supported()}, {args.threads} threads")
    for k, v in times.items(): print(f"U-Net forward {k}: median {median[k]:.3f} s (runs: {', '.join(f'{t:.3f}' for t in v)})")
    print(f"speed-up {median['fp32'] / median['bf16']:.2f}x, largest output difference {error:.2e} of the output's range")
    quality = {}
    if args.n:
        model, clips = default_model(), held_out_clips(default_model().config, args.n)
        for name in ('fp32', 'bf16'):
            start = time.perf_counter()
            metrics, _ = evaluate_variant(model, clips, model, dtype=name)
            quality[name] = {k: round(v, 3) for k, v in metrics.items()} | {'seconds': round(time.perf_counter() - start, 1)}
            print(f"toy, {args.n} clips, {name}: {quality[name]}")
    print(json.dumps(dict(median_seconds=median, speedup=round(median['fp32'] / median['bf16'], 2), max_relative_error=error, toy=quality)))

if __name__ == '__main__': main()
