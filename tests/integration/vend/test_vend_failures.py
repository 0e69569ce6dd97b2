"""The module says no after the PENDING row exists, or another module is connected."""

from __future__ import annotations

import json
import shutil
import signal
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.db.engine import DATABASE_FILE
from starpos.db.enums import VendState
from starpos.db.unit_of_work import DatabaseBusyError
from starpos.devices.sm.errors import SmKeyNotActiveError
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.vending import VendRequest, prepare, recover, sell, token_ledger
from starpos.vending.crash_points import AFTER_PENDING
from starpos.vending.errors import TokenNotRecordedError, VendFailedError
from tests.integration.vend.test_vend_kills import starpos, vend
from tests.integration.vend.vend_world import (
    World,
    demo_keys,
    module_balance,
    sellable_meters,
    start_module,
    use_module,
    vend_rows,
)


def test_a_module_refusal_books_the_vend_failed_and_costs_nothing(
    data_dir: Path, tmp_path: Path, seeded_database_file: Path, tables_path: Path
) -> None:
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    # Keys that become active tomorrow: only SM?TC checks activation, after PENDING.
    keys = demo_keys(activation=date.today() + timedelta(days=1))
    emulator = start_module(tmp_path, tables_path, keys=keys)
    try:
        use_module(emulator.url)
        before = module_balance(emulator.url)
        with open_database() as database:
            meter = sellable_meters(database)[0]
            with open_configured_module() as access, pytest.raises(VendFailedError) as caught:
                sell(database, access, VendRequest(meter.number, Decimal("30"), "CASH1"))
            (row,) = vend_rows(database)
        assert row["state"] is VendState.FAILED and row["tokens"] == []
        assert row["bill"] in str(caught.value)
        assert "not active" in str(caught.value)
        assert module_balance(emulator.url) == before
        reconciled = starpos("vend", "reconcile", "--json")
        assert json.loads(reconciled.stdout)["agrees"] is True
    finally:
        emulator.stop()


@pytest.mark.slow
def test_recovery_leaves_another_modules_vends_pending(
    world: World, tmp_path: Path, tables_path: Path
) -> None:
    killed = vend(world.meters[0].number, **{ENVIRONMENT_VARIABLE: AFTER_PENDING})
    assert killed.returncode == -signal.SIGKILL
    other = start_module(tmp_path / "other", tables_path, module_id="99887766")
    try:
        use_module(other.url)
        report = json.loads(starpos("vend", "recover", "--json").stdout)
        (row,) = vend_rows(world.database)
        assert report["waiting_for_other_module"] == {"20261122": [row["bill"]]}
        assert row["state"] is VendState.PENDING
    finally:
        other.stop()
    use_module(world.url)
    report = json.loads(starpos("vend", "recover", "--json").stdout)
    (row,) = vend_rows(world.database)
    assert report["failed"] == [row["bill"]] and row["state"] is VendState.FAILED


def test_a_refusal_the_vend_did_not_live_to_book_is_settled_failed(
    data_dir: Path, tmp_path: Path, seeded_database_file: Path, tables_path: Path
) -> None:
    # What a crash between the module's "no" and the FAILED commit leaves behind: a PENDING
    # row whose request the module answered with a refusal (GL?RR has it).
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    keys = demo_keys(activation=date.today() + timedelta(days=1))
    emulator = start_module(tmp_path, tables_path, keys=keys)
    try:
        use_module(emulator.url)
        with open_database() as database, open_configured_module() as access:
            meter = sellable_meters(database)[0]
            request = VendRequest(meter.number, Decimal("30"), "CASH1")
            with access.exclusive() as module:
                prepared = prepare(database, module, request)
                pending = token_ledger.open_pending(database, prepared)
                with pytest.raises(SmKeyNotActiveError):
                    module.issue_credit_token(
                        pending.key_ref,
                        0,
                        pending.tid,
                        pending.amount_tenths,
                        anchor=pending.anchor,
                    )
                report = recover(database, module)
            (row,) = vend_rows(database)
        assert report.failed == [pending.bill_number]
        assert row["state"] is VendState.FAILED
    finally:
        emulator.stop()


def test_a_database_failure_at_the_token_commit_leaves_it_for_recovery(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*_: object, **__: object) -> None:
        raise DatabaseBusyError()

    meter = world.meters[0]
    with open_configured_module() as access:
        with monkeypatch.context() as patched:
            patched.setattr(token_ledger, "record_token", busy)
            # The module made the token; the store could not record it (issue 17, §5).
            with pytest.raises(TokenNotRecordedError) as caught:
                sell(world.database, access, VendRequest(meter.number, Decimal("30"), "CASH1"))
        (row,) = vend_rows(world.database)
        assert row["state"] is VendState.PENDING
        assert "recovered at the next start" in str(caught.value)
        with access.exclusive() as module:
            report = recover(world.database, module)
    (row,) = vend_rows(world.database)
    assert report.recovered == [row["bill"]]
    assert row["state"] is VendState.ISSUED and len(row["tokens"]) == 1
    made = [e["token"] for e in world.emulator.events() if e["event"] == "credit_token"]
    assert made == row["tokens"]
