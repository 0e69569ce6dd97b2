#!/usr/bin/env bash
# Set up everything the tests need (system packages included) and run the whole suite:
# ruff, mypy (strict for the core packages, see pyproject.toml), then pytest. Extra arguments
# go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/ruff check starpos tests
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
