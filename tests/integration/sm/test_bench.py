"""The SM?TC round-trip benchmark runs end to end (its numbers go to docs/benchmarks.md)."""

from __future__ import annotations

import pytest

from starpos.bench.sm import run_benchmark
from tests.support.data_files import SAMPLE_TABLES


@pytest.mark.bench
@pytest.mark.slow
def test_token_round_trip_benchmark_runs() -> None:
    result = run_benchmark(30, SAMPLE_TABLES)
    # What is checked here is that it measured something real; speed targets are read from
    # `starpos sm bench`, never asserted (the machine is shared and noisy).
    assert result.count == 30 and 0 < result.p50_ms <= result.p95_ms <= result.max_ms
    assert result.tokens_per_s > 0
