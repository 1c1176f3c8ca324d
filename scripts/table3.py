#!/usr/bin/env python
"""Train and score the paper's Table 3 ablations (and Figure 6's one-stage run) at toy scale; write the results.

    python scripts/table3.py --out runs/table3                 # every variant, 64 held-out clips
    python scripts/table3.py --out runs/table3_quick --quick   # smoke test: 2 steps per part, 4 clips

An interrupted run continues where it stopped when started again with the same --out. The numbers go to
benchmarks/results/table3.json (one entry per column of Table 3; "Ours" once per seed) and a picture of the
first held-out clip per variant to benchmarks/results/table3_frames.png; notebook 17 draws them.
"""
import argparse, json
from pathlib import Path
import torch
from dynamicrafter.ablations import ABLATION_STEPS, VARIANTS, table3, table3_json, save_frames

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', default='runs/table3', help='checkpoints and per-variant results')
    parser.add_argument('--results', default='benchmarks/results', help='where table3.json and table3_frames.png go')
    parser.add_argument('--n', type=int, default=64, help='held-out clips')
    parser.add_argument('--variants', nargs='+', default=list(VARIANTS), help=f'which of {list(VARIANTS)}')
    parser.add_argument('--quick', action='store_true', help='2 steps per part and 4 clips: checks that everything runs')
    parser.add_argument('--threads', type=int, default=2, help='torch CPU threads')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    steps = {part: 2 for part in ABLATION_STEPS} if args.quick else None
    results = table3(args.out, args.variants, 4 if args.quick else args.n, steps)
    out = Path(args.results); out.mkdir(parents=True, exist_ok=True)
    summary = table3_json(results, steps)
    (out/'table3.json').write_text(json.dumps(summary, indent=1, ensure_ascii=False) + '\n')
    save_frames(results, out/'table3_frames.png')
    print(json.dumps({k: v for k, v in summary.items() if k != 'Figure 6'}, indent=1, ensure_ascii=False))

if __name__ == '__main__': main()
