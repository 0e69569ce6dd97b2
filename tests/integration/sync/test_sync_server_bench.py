"""``starpos server bench`` at a tiny size: it fills an empty PostgreSQL store, starts its
server, pushes from several counters at once and then at an offered pace, pulls a snapshot
and changes, and every sale it sends is booked without a finding (docs/benchmarks.md has
the full-size numbers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.sync.sync_world import run_starpos

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_the_server_bench_runs_end_to_end(empty_postgres_url: str, data_dir: Path) -> None:
    ran = run_starpos(
        data_dir, "server", "bench", "--counters", "3", "--sales", "4", "--batch", "5",
        "--customers", "60", "--changes", "7", "--offered", "30", "--offered-seconds", "2",
        "--offered-batch", "3", "--json",
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    report = json.loads(ran.stdout)
    uplink, paced, downlink = report["uplink"], report["paced"], report["downlink"]
    assert (uplink["counters"], uplink["sales"], uplink["events"]) == (3, 12, 36)
    assert uplink["findings"] == {}
    assert float(uplink["events_per_second"]) > 0 and float(uplink["raw_events_per_second"]) > 0
    # Whom the run measured: the processor time a push cost the server and the counters.
    for part in (uplink, paced):
        assert float(part["server_cpu_ms_per_push"]) > 0
        assert float(part["counters_cpu_ms_per_push"]) > 0
    # 30 events/s for 2 s: 60 events, so 7 whole sales a counter (63), pushed 3 at a time.
    assert (paced["offered_events_per_second"], paced["events"], paced["pushes"]) == (30, 63, 21)
    assert 0 < float(paced["ack_p50_ms"]) <= float(paced["ack_p95_ms"])
    assert downlink["snapshot_rows"] > 120  # the customers, their meters, the master data
    assert (downlink["changes"], downlink["incremental_rows"]) == (7, 7)

    again = run_starpos(data_dir, "server", "bench", "--customers", "60")
    assert again.returncode == 2 and "already holds" in again.stderr
