"""Benchmark of the counter's meter lookup on a bulk-built store (numbers: `starpos db bench`).

Run with ``pytest -m bench --benchmark-enable tests/integration/store``; the full-size run
(100,000 customers, 1,000,000 vends) is ``starpos db bench`` (docs/benchmarks.md).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from starpos.bench.store import build, measure_lookups
from starpos.bootstrap.database import open_database
from starpos.masterdata.meter_lookup import lookup_meter


@pytest.mark.bench
@pytest.mark.slow
def test_meter_lookup_on_a_bulk_store(benchmark: Any, data_dir: Path) -> None:
    with open_database() as database:
        numbers, before, after = build(
            database, 5_000, 20_000, 3, data_dir / "starpos.db", lambda _text: None
        )
        assert len(numbers) == 5_000
        assert after > before  # the vends take room
        rng = random.Random(5)

        def lookup() -> str | None:
            with database.reading() as session:
                return lookup_meter(session, rng.choice(numbers)).customer_code

        found: Callable[[], str | None] = lookup
        assert benchmark(found) is not None
        wall, cpu = measure_lookups(database, numbers, 300, 1)
        assert len(wall) == len(cpu) == 300
