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
# Four workers on two cores: most of a test's time is spent waiting on child processes,
# ptys, sockets and PostgreSQL, not computing (docs/decisions.md TST-02). The card tests
# still take the vpcd readers one at a time (TST-01).
# The slowest tests are listed at the end: what to look at when the run grows.
.venv/bin/python -m pytest -n "${STARPOS_TEST_WORKERS:-4}" --dist worksteal --durations=25 "$@"
