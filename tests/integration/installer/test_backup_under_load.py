"""Backups taken while two terminals keep selling (``starpos vend`` child processes in a
loop on the embedded module emulator): each is a store that passes SQLite's integrity check
and the audit chain, and restoring the last one, once the selling stopped, loses no token
the module made: each is in the restored store or named in the report."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.backup.restore import check_backup
from starpos.bootstrap.backup import backup_now
from tests.integration.installer.store_world import (
    CASHIER_PASSWORD,
    StoreWorld,
    vend_command,
    world_in,
)
from tests.support.processes import REPO_ROOT, child_env, starpos_command


@pytest.fixture
def store_world(data_dir: Path, seeded_database_file: Path) -> Iterator[StoreWorld]:
    """The vend tests' seeded demo (tests/fixtures/demo_store.py) sold through the
    embedded emulator of this data folder."""
    with world_in(data_dir, seeded_database_file) as world:
        yield world


pytestmark = pytest.mark.slow

VENDS_PER_TERMINAL = 8


def terminal(meters: list[str], sold: list[dict[str, object]], failures: list[str]) -> None:
    """A cashier selling one vend after another, each a ``starpos vend`` process."""
    for number in range(VENDS_PER_TERMINAL):
        done = subprocess.run(
            vend_command(meters[number % len(meters)], "40"),
            input=CASHIER_PASSWORD,
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(),
            cwd=REPO_ROOT,
        )
        if done.returncode == 0:
            sold.append(json.loads(done.stdout))
        else:
            failures.append(done.stderr)


def test_backups_under_load_are_whole_and_a_restore_loses_no_token(
    store_world: StoreWorld,
) -> None:
    sold: list[dict[str, object]] = []
    failures: list[str] = []
    halves = (store_world.meters[:6], store_world.meters[6:12])
    terminals = [threading.Thread(target=terminal, args=(m, sold, failures)) for m in halves]
    for thread in terminals:
        thread.start()
    reports = []
    while any(thread.is_alive() for thread in terminals):
        reports.append(backup_now())  # verified after writing: integrity and audit chain
        time.sleep(0.3)
    for thread in terminals:
        thread.join()
    assert failures == []
    assert len(sold) == 2 * VENDS_PER_TERMINAL
    assert len(reports) >= 3
    taken_while_selling = [r for r in reports if 0 < r.store.vends < len(sold)]
    assert taken_while_selling, [r.store.vends for r in reports]
    for report in reports:
        checked = check_backup(report.folder)  # read back as a restore would
        assert checked.summary.audit.intact
        assert checked.summary.audit.entries == report.store.audit.entries

    seconds = sorted(r.seconds for r in reports)
    print(
        f"\n{len(reports)} backups while {len(sold)} vends were sold: "
        f"{seconds[len(seconds) // 2]:.2f} s median (max {seconds[-1]:.2f} s), "
        f"{sum(bool(r.store.pending) for r in reports)} caught a vend in progress"
    )
    last_while_selling = taken_while_selling[-1]
    done = subprocess.run(
        starpos_command("db", "restore", str(last_while_selling.folder), "--json"),
        capture_output=True,
        text=True,
        timeout=300,
        env=child_env(),
        cwd=REPO_ROOT,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    restored_bills = set(report["settled_from_replaced_store"])
    listed = {vend["bill"]: vend["token"] for vend in report["missing"]}
    in_store = _tokens_in(store_world.folder / "starpos.db")
    for sale in sold:  # every token the module made is in the restored store or named
        bill, token = str(sale["bill_number"]), str(sale["token"])
        assert in_store.get(bill) == token or listed.get(bill) == token, bill
    assert report["in_doubt"] == []
    assert report["fully_named"] is True
    made_since = sum((Decimal(str(v["token_kwh"])) for v in report["missing"]), Decimal("0.0"))
    assert Decimal(str(report["unaccounted_kwh"])) == made_since
    assert restored_bills <= set(in_store)


def _tokens_in(store: Path) -> dict[str, str]:
    import sqlite3

    connection = sqlite3.connect(store)
    try:
        rows = connection.execute(
            "SELECT bill_number, token FROM vends JOIN vend_tokens ON vend_id = vends.id"
        ).fetchall()
    finally:
        connection.close()
    return {str(bill): str(token) for bill, token in rows}
