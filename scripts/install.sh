#!/usr/bin/env bash
# Installs dynamicrafter for development: the CPU torch wheels first (so pip never pulls another torch), then the package.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install "torch==2.14.1" "torchvision==0.29.1"
python -m pip install -e ".[dev]"
