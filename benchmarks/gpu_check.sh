#!/usr/bin/env bash
# The whole GPU table in one command, for the first time a GPU is at hand (about 8 minutes on one H100):
#   - seconds and peak memory of one guided sample at 256, 512 and 1024, the recommended fast settings against the official
#     defaults (benchmarks/animate.py: the whole model with random weights, through `animate`);
#   - peak memory of fine-tuning the 512 model, our memory setup against plain fp32 (benchmarks/finetune_memory.py).
# Each benchmark's human-readable lines go to the terminal; its closing JSON line also goes to benchmarks/results/gpu.jsonl.
#     bash benchmarks/gpu_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results/gpu.jsonl
mkdir -p "$(dirname "$out")" && : > "$out"
run() {   # run a benchmark under a time limit; keep its last line (the JSON) in $out
    local limit=$1; shift
    echo "== $*"
    if ! timeout "$limit" python "$@" | tee /dev/stderr | tail -n 1 >> "$out"; then echo "   (failed or over ${limit} s)"; fi
}
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || { echo "no NVIDIA GPU found"; exit 1; }
run 120 benchmarks/animate.py --device cuda --variant 256
run 150 benchmarks/animate.py --device cuda --variant 512
run 200 benchmarks/animate.py --device cuda --variant 1024
run 120 benchmarks/finetune_memory.py --device cuda --variant 512 --steps 2
echo "results: $out"
