#!/usr/bin/env bash
# Set up StarPOS on a fresh machine and run its main job on embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export STARPOS_DATA_DIR="${STARPOS_DATA_DIR:-$PWD/.demo-data}"
exec .venv/bin/starpos demo run "$@"
