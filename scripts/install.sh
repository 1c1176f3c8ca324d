#!/usr/bin/env bash
# Installs dynamicrafter for development: the pinned torch and torchvision first (pip's default build for this platform,
# so the package never pulls another torch), then the package with its development and demo dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install "torch==2.14.1" "torchvision==0.29.1"
python -m pip install -e ".[dev]"
