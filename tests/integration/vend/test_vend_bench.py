"""``starpos vend bench`` runs end to end on a small store (the numbers are in benchmarks.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from starpos.devices.sm.embedded import running_endpoint


@pytest.mark.slow
@pytest.mark.bench
def test_vend_bench_reports_every_step(run_starpos: Any) -> None:
    ran = run_starpos("vend", "bench", "--customers", "300", "--vends", "12", "--json", timeout=300)
    assert ran.returncode == 0, ran.stderr
    report = json.loads(ran.stdout)
    assert report["vends"] == 12
    assert set(report["steps"]) >= {"store_checks", "pending_commit", "module_token"}
    assert Decimal(report["full_vend"]["p95"]) >= Decimal(report["full_vend"]["p50"]) > 0
    assert running_endpoint() is None  # the bench stopped the emulator it started
