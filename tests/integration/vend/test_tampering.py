"""Issue 17 §4, "Tampering shows": each edit an insider makes with sqlite3 on a copy of a real
store (real vends through the module on a pty) is detected and named by
``starpos audit verify``.

Before: lowering a sale's amounts, forging a token or moving kWh between two customers
passed (nothing compared the ``vends`` rows with their audit entries), and so did cutting
the chain back with ``audit_head`` moved, or rewriting an entry with every later hash
recomputed (the chain was anchored nowhere).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import GENESIS_HASH, canonical_json, entry_hash
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.db.models import AuditEntry, AuditHead
from starpos.devices.sm.driver import SecureModule
from starpos.vending import VendRequest, sell
from tests.integration.vend.vend_world import World
from tests.support.processes import REPO_ROOT, child_env, starpos_command

Edit = Callable[[sqlite3.Connection, list[str]], None]


def verify() -> dict[str, Any]:
    done = subprocess.run(
        starpos_command("audit", "verify", "--json"),
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
        cwd=REPO_ROOT,
    )
    assert done.returncode in (0, 2), done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


@pytest.fixture
def store(world: World, data_dir: Path) -> tuple[Path, list[str]]:
    """Three real sales for three customers; the pristine database file kept aside."""
    bills = []
    with open_configured_module() as access:
        for meter in world.meters[:3]:
            request = VendRequest(meter.number, Decimal("50.00"), "CASH1")
            bills.append(sell(world.database, access, request).bill_number)
    world.database.close()
    pristine = data_dir.parent / "pristine.db"
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(data_dir / DATABASE_FILE, pristine)
    return pristine, bills


def tampered(data_dir: Path, pristine: Path, bills: list[str], edit: Edit) -> dict[str, Any]:
    shutil.copy(pristine, data_dir / DATABASE_FILE)
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        edit(connection, bills)
    return verify()


def _findings(report: dict[str, Any]) -> set[tuple[str, str, str | None, str | None]]:
    return {
        (f["record"], f["field"], f["ledger"], f["audited"]) for f in report["ledger"]["findings"]
    }


def _lower(column: str) -> Edit:
    def edit(connection: sqlite3.Connection, bills: list[str]) -> None:
        # Money is stored in cents (scaled integers) on SQLite: 10.00 less.
        connection.execute(
            f"UPDATE vends SET {column} = {column} - 1000 WHERE bill_number = ?", (bills[0],)
        )

    return edit


def test_the_untouched_store_verifies_against_its_module(
    store: tuple[Path, list[str]], data_dir: Path
) -> None:
    report = verify()
    assert report["intact"] is True, report
    assert report["ledger"] == {
        "agrees": True,
        "sales": 3,
        "token_operations": 0,
        "findings": [],
    }
    assert report["module_asked"] is True
    assert report["anchor"]["agrees"] is True
    assert report["anchor"]["source"].startswith("module ")


@pytest.mark.parametrize("column", ["net_amount", "amount", "tendered"])
def test_a_lowered_amount_is_named(
    store: tuple[Path, list[str]], data_dir: Path, column: str
) -> None:
    pristine, bills = store
    with sqlite3.connect(pristine) as connection:
        (before,) = connection.execute(
            f"SELECT {column} FROM vends WHERE bill_number = ?", (bills[0],)
        ).fetchone()
    report = tampered(data_dir, pristine, bills, _lower(column))
    assert report["intact"] is False
    (finding,) = [f for f in report["ledger"]["findings"] if f["field"] == column]
    assert finding["record"] == f"vend:{bills[0]}"
    assert Decimal(finding["audited"]) == Decimal(before) / 100
    assert Decimal(finding["ledger"]) == Decimal(before) / 100 - 10


def test_a_forged_token_is_named(store: tuple[Path, list[str]], data_dir: Path) -> None:
    pristine, bills = store

    def forge(connection: sqlite3.Connection, bills: list[str]) -> None:
        connection.execute(
            "UPDATE vend_tokens SET token = '12345678901234567890' WHERE vend_id = "
            "(SELECT id FROM vends WHERE bill_number = ?)",
            (bills[1],),
        )

    report = tampered(data_dir, pristine, bills, forge)
    (finding,) = report["ledger"]["findings"]
    assert finding["record"] == f"vend:{bills[1]}" and finding["field"] == "token"
    assert finding["ledger"] == "12345678901234567890"
    assert finding["audited"] != finding["ledger"] and len(finding["audited"]) == 20


def test_kwh_moved_between_two_customers_is_named(
    store: tuple[Path, list[str]], data_dir: Path
) -> None:
    pristine, bills = store

    def move(connection: sqlite3.Connection, bills: list[str]) -> None:
        for bill, sign in ((bills[0], "-"), (bills[1], "+")):  # 50 kWh (tenths on SQLite)
            connection.execute(
                f"UPDATE vends SET energy_kwh = energy_kwh {sign} 500, "
                f"token_kwh = token_kwh {sign} 500 WHERE bill_number = ?",
                (bill,),
            )

    report = tampered(data_dir, pristine, bills, move)
    named = {(f["record"], f["field"]) for f in report["ledger"]["findings"]}
    assert named == {
        (f"vend:{bills[0]}", "energy_kwh"),
        (f"vend:{bills[0]}", "token_kwh"),
        (f"vend:{bills[1]}", "energy_kwh"),
        (f"vend:{bills[1]}", "token_kwh"),
    }
    for finding in report["ledger"]["findings"]:
        moved = Decimal(finding["ledger"]) - Decimal(finding["audited"])
        assert abs(moved) == Decimal(50)


def test_a_sale_given_to_another_customer_is_named(
    store: tuple[Path, list[str]], data_dir: Path
) -> None:
    pristine, bills = store

    def swap(connection: sqlite3.Connection, bills: list[str]) -> None:
        connection.execute(
            "UPDATE vends SET customer_id = (SELECT customer_id FROM vends WHERE bill_number = ?)"
            " WHERE bill_number = ?",
            (bills[1], bills[0]),
        )

    report = tampered(data_dir, pristine, bills, swap)
    assert [(f["record"], f["field"]) for f in report["ledger"]["findings"]] == [
        (f"vend:{bills[0]}", "customer")
    ]


def test_a_deleted_sale_is_named(store: tuple[Path, list[str]], data_dir: Path) -> None:
    pristine, bills = store

    def delete(connection: sqlite3.Connection, bills: list[str]) -> None:
        (vend_id,) = connection.execute(
            "SELECT id FROM vends WHERE bill_number = ?", (bills[2],)
        ).fetchone()
        connection.execute("DELETE FROM vend_tokens WHERE vend_id = ?", (vend_id,))
        connection.execute("DELETE FROM vend_charges WHERE vend_id = ?", (vend_id,))
        connection.execute("DELETE FROM vends WHERE id = ?", (vend_id,))

    report = tampered(data_dir, pristine, bills, delete)
    assert _findings(report) == {(f"vend:{bills[2]}", "row", None, "audited")}


def _unlock_audit_log(connection: sqlite3.Connection) -> None:
    for action in ("update", "delete"):
        connection.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{action}")


def _rechain(path: Path, start: int) -> None:
    """Recompute every hash from entry ``start`` on and move the head: what an insider who
    read starpos/audit/log.py does so that the chain verifies again."""
    with Database.open(f"sqlite:///{path}") as database, database.unit_of_work() as uow:
        session = uow.session
        previous = session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.id == start - 1))
        previous = previous or GENESIS_HASH
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.id >= start).order_by(AuditEntry.id)
        ).all()
        last = start - 1
        for entry in rows:
            entry.previous_hash = previous
            entry.entry_hash = entry_hash(entry)
            previous, last = entry.entry_hash, entry.id
        head = session.get(AuditHead, 1)
        assert head is not None
        head.last_id, head.last_hash = last, previous
        uow.commit()


def test_cutting_the_chain_back_disagrees_with_the_module(
    store: tuple[Path, list[str]], data_dir: Path
) -> None:
    pristine, bills = store

    def cut(connection: sqlite3.Connection, bills: list[str]) -> None:
        _unlock_audit_log(connection)
        # The last sale's entries go (and the sale with them), the head moved back.
        (first,) = connection.execute(
            "SELECT min(id) FROM audit_log WHERE subject = ?", (f"vend:{bills[2]}",)
        ).fetchone()
        connection.execute("DELETE FROM audit_log WHERE id >= ?", (first,))
        (vend_id,) = connection.execute(
            "SELECT id FROM vends WHERE bill_number = ?", (bills[2],)
        ).fetchone()
        for table in ("vend_tokens", "vend_charges"):
            connection.execute(f"DELETE FROM {table} WHERE vend_id = ?", (vend_id,))
        connection.execute("DELETE FROM vends WHERE id = ?", (vend_id,))
        (last_id, last_hash) = connection.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        connection.execute(
            "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", (last_id, last_hash)
        )

    report = tampered(data_dir, pristine, bills, cut)
    assert report["problems"] == [] and report["ledger"]["agrees"] is True  # it fools both
    anchor = report["anchor"]
    assert anchor["agrees"] is False and anchor["problem"] == "cut"
    assert anchor["chain_entries"] < anchor["anchored_entry"]
    assert report["intact"] is False


def test_a_rewritten_history_disagrees_with_the_module(
    store: tuple[Path, list[str]], data_dir: Path
) -> None:
    pristine, bills = store

    def rewrite(connection: sqlite3.Connection, bills: list[str]) -> None:
        _unlock_audit_log(connection)
        connection.execute(
            "UPDATE vends SET net_amount = net_amount - 1000, tendered = tendered - 1000 "
            "WHERE bill_number = ?",
            (bills[0],),
        )
        (entry_id, text) = connection.execute(
            "SELECT id, details FROM audit_log WHERE subject = ? ORDER BY id LIMIT 1",
            (f"vend:{bills[0]}",),
        ).fetchone()
        details = json.loads(text)
        for key in ("net", "net_amount", "tendered"):
            details[key] = str(Decimal(details[key]) - 10)
        connection.execute(
            "UPDATE audit_log SET details = ? WHERE id = ?", (canonical_json(details), entry_id)
        )
        rewritten.append(entry_id)

    rewritten: list[int] = []
    shutil.copy(pristine, data_dir / DATABASE_FILE)
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        rewrite(connection, bills)
    _rechain(data_dir / DATABASE_FILE, rewritten[0])
    report = verify()
    assert report["problems"] == [] and report["ledger"]["agrees"] is True  # it fools both
    anchor = report["anchor"]
    assert anchor["agrees"] is False and anchor["problem"] == "rewritten"
    assert report["intact"] is False


def test_the_text_report_names_the_bill_the_field_and_both_values(
    store: tuple[Path, list[str]], data_dir: Path
) -> None:
    pristine, bills = store
    shutil.copy(pristine, data_dir / DATABASE_FILE)
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        _lower("net_amount")(connection, bills)
    done = subprocess.run(
        starpos_command("audit", "verify"),
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
        cwd=REPO_ROOT,
    )
    assert done.returncode == 2
    assert f"vend:{bills[0]}: net_amount is 40.00 in the ledger but 50.00 in the audit log." in (
        done.stdout
    )
    assert done.stderr.strip().splitlines() == [
        "starpos: The books do NOT verify: 1 problem(s), listed above. Keep a copy of the "
        "database and tell the administrator; starpos audit verify --json lists every problem."
    ]


def test_the_module_holds_the_head_the_last_sale_sent(
    store: tuple[Path, list[str]], data_dir: Path, world: World
) -> None:
    with SecureModule(world.url, credential=world.emulator.credential) as module:
        anchor = module.audit_anchor()
    pristine, bills = store
    with sqlite3.connect(pristine) as connection:
        (pending_id,) = connection.execute(
            "SELECT min(id) FROM audit_log WHERE subject = ?", (f"vend:{bills[2]}",)
        ).fetchone()
        (anchored_hash,) = connection.execute(
            "SELECT entry_hash FROM audit_log WHERE id = ?", (pending_id,)
        ).fetchone()
    assert anchor is not None
    # The head with the last sale's own PENDING entry: that sale cannot be cut out unseen.
    assert (anchor.entry_count, anchor.head_hash) == (pending_id, anchored_hash)
