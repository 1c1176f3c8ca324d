"""Quality against U-Net calls: DDIM and the multistep ODE solvers (DPM-Solver++(2M), UniPC) on the shipped toy model.

Held-out synthetic clips and metrics as in `toy_quality.py` (its `evaluate`): direction accuracy, first-frame PSNR, clean frames
(`aligned_psnr`, frames 2..t) and residual background noise. Rows:
- at the toy's defaults (s_txt 1, i.e. no guidance, one U-Net evaluation per step): DDIM 50 / 25 / 10 (the toy's η = 1),
  DDIM 50 again from other seeds (the seed-to-seed spread), DDIM 50 at η = 0 (the ODE the solvers solve) and each ODE solver at
  25 / 15 / 10 / 8 / 6 steps (η = 0);
- at s_txt 2 (guidance: two evaluations per step), where a guidance interval can save calls: DDIM 50, each solver at 10 / 6
  steps without and with the interval of Kynkäänniemi et al. 2024 (σ in (0.28, 5.42], their SD-XL interval, turned into timesteps).
`calls` is U-Net evaluations per clip (a batched call of two branches counts two). The default the data support is the row with the
fewest calls that is nowhere worse than DDIM 50 (at s_txt 1, η = 1) by more than the seed-to-seed spread.

    python benchmarks/solvers.py --n 8                       # about 25 min on 1 thread of a busy 2-core CPU
    python benchmarks/solvers.py --n 4 --quick               # a smoke test
"""
import argparse, json, time
import torch
from dynamicrafter.diffusion import ddim_timesteps
from dynamicrafter.pipeline import default_model
from dynamicrafter.toy import held_out_clips
from toy_quality import evaluate

METRICS = ('direction_accuracy', 'first_frame_psnr', 'aligned_psnr', 'background_noise')

def sigma_interval(schedule, sigma_low=0.28, sigma_high=5.42)->tuple:
    "(t_low, t_high): the timesteps whose σ = √((1 − ᾱ)/ᾱ) lies in (sigma_low, sigma_high]."
    ᾱ = schedule.alphas_cumprod
    σ = ((1 - ᾱ) / ᾱ).sqrt()                                       # inf at a zero-terminal-SNR end
    inside = ((σ > sigma_low) & (σ <= sigma_high)).nonzero()[:, 0]
    return int(inside.min()), int(inside.max())

def unet_calls(steps, spacing, branches, interval=None)->int:
    "U-Net evaluations per clip: `branches` per step inside the interval (every step without one), one outside."
    return sum(branches if interval is None or interval[0] <= t <= interval[1] else 1 for t in ddim_timesteps(steps, spacing).tolist())

def matches(row, reference, spread)->bool:
    "No metric of `row` worse than `reference` by more than the seed-to-seed spread (being better is fine)."
    worse = {k: (row[k] - reference[k]) if k == 'background_noise' else (reference[k] - row[k]) for k in METRICS}
    return all(worse[k] <= spread[k] for k in METRICS)

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--n', type=int, default=12, help='held-out clips')
    parser.add_argument('--threads', type=int, default=1)
    parser.add_argument('--quick', action='store_true', help='fewer rows (a smoke test)')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model = default_model()
    d = model.config.sampling
    items = held_out_clips(model.config, args.n)
    interval = sigma_interval(model.schedule)
    solver_steps, guided_steps = ((10, 6), (6,)) if args.quick else ((25, 15, 10, 8, 6), (10, 6))
    plan = [('ddim', 50, d.eta, d.s_txt, None, 0), ('ddim', 50, d.eta, d.s_txt, None, 10_000), ('ddim', 25, d.eta, d.s_txt, None, 0),
            ('ddim', 10, d.eta, d.s_txt, None, 0), ('ddim', 50, 0.0, d.s_txt, None, 0)]
    plan += [(solver, steps, 0.0, d.s_txt, None, 0) for solver in ('dpmpp_2m', 'unipc') for steps in solver_steps]
    plan += [('ddim', 50, d.eta, 2.0, None, 0)] + [(solver, steps, 0.0, 2.0, iv, 0) for solver in ('dpmpp_2m', 'unipc')
                                                    for steps in guided_steps for iv in (None, interval)]
    rows, start = [], time.time()
    for solver, steps, eta, s_txt, iv, first_seed in plan:
        metrics, _ = evaluate(model, items, steps, s_txt, eta, True, first_seed=first_seed, solver=solver, guidance_interval=iv)
        rows.append(dict(solver=solver, steps=steps, eta=eta, s_txt=s_txt, interval=iv, seeds='B' if first_seed else 'A',
                         calls=unet_calls(steps, d.spacing, 1 if s_txt == 1 else 2, iv), **{k: metrics[k] for k in METRICS}))
        print(f"{solver:9s} {steps:3d} steps  s_txt {s_txt:g}  interval {str(iv):11s} seeds {rows[-1]['seeds']}  calls {rows[-1]['calls']:3d}  " +
              '  '.join(f'{k} {metrics[k]:.3f}' for k in METRICS) + f'  ({time.time() - start:.0f} s)', flush=True)
    reference, other_seeds = rows[0], rows[1]
    spread = {k: abs(reference[k] - other_seeds[k]) for k in METRICS}
    matching = [r for r in rows[2:] if r['s_txt'] == d.s_txt and matches(r, reference, spread)]
    default = min(matching, key=lambda r: r['calls']) if matching else reference
    print('\n| solver | steps | η | s_txt | guidance interval | U-Net calls | direction | first frame | clean frames | noise /255 |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for r in rows:
        print(f"| {r['solver']}{' (other seeds)' if r['seeds'] == 'B' else ''} | {r['steps']} | {r['eta']:g} | {r['s_txt']:g} | "
              f"{'t ' + str(r['interval'][0]) + '–' + str(r['interval'][1]) if r['interval'] else 'all steps'} | {r['calls']} | "
              f"{100 * r['direction_accuracy']:.1f} % | {r['first_frame_psnr']:.2f} dB | {r['aligned_psnr']:.2f} dB | {r['background_noise']:.2f} |")
    print('\nseed-to-seed spread of DDIM 50:', {k: round(v, 3) for k, v in spread.items()})
    print(json.dumps(dict(n=args.n, interval=interval, spread=spread, default=dict(solver=default['solver'], steps=default['steps'],
                                                                                   calls=default['calls']),
                          rows=rows, seconds=round(time.time() - start, 1))))

if __name__ == '__main__': main()
