"""The audit log is append-only and its hash chain finds a changed, removed or cut entry."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from starpos.audit.log import (
    GENESIS_HASH,
    Actor,
    AuditChainBrokenError,
    AuditKind,
    AuditReport,
    append,
    entry_hash,
    verify,
)
from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.models import AuditEntry
from starpos.db.unit_of_work import DatabaseFailedError


def _fill(database: Database, count: int = 5) -> None:
    with database.unit_of_work() as uow:
        for number in range(count):
            append(
                uow.session,
                AuditKind.VEND,
                subject=f"vend:V{number:04d}",
                details={"amount": Decimal("10.50") + number, "kwh": Decimal("12.3")},
                actor=Actor("OP1", "SP1", "T1"),
            )
        uow.commit()


def _tamper(database: Database, data_dir: Path, *statements: str) -> None:
    """What someone with the file (or the server's superuser) could do: drop the guard
    triggers and edit the rows."""
    if database.engine.dialect.name == "postgresql":
        with database.engine.begin() as connection:
            connection.exec_driver_sql("DROP TRIGGER audit_log_append_only ON audit_log")
            for statement in statements:
                connection.exec_driver_sql(statement)
        return
    connection = sqlite3.connect(data_dir / "starpos.db")
    with connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            connection.execute(statement)
    connection.close()


def _report(database: Database) -> AuditReport:
    with database.reading() as session:
        return verify(session)


def test_an_untouched_chain_verifies(database: Database) -> None:
    _fill(database)
    report = _report(database)
    assert report.intact
    assert report.entries == 5


def test_the_database_refuses_to_change_or_delete_an_entry(database: Database) -> None:
    _fill(database)
    for statement in (
        "UPDATE audit_log SET subject = 'x' WHERE id = 2",
        "DELETE FROM audit_log WHERE id = 2",
    ):
        with (
            pytest.raises(DatabaseFailedError, match="append-only"),
            database.unit_of_work() as uow,
        ):
            uow.session.connection().exec_driver_sql(statement)


def test_a_changed_entry_is_found(database: Database, data_dir: Path) -> None:
    _fill(database)
    _tamper(database, data_dir, 'UPDATE audit_log SET details = \'{"amount":"1.00"}\' WHERE id = 3')
    report = _report(database)
    assert [(p.entry_id, p.problem) for p in report.problems] == [(3, "its content was changed")]
    with pytest.raises(AuditChainBrokenError, match="first at entry 3"):
        report.raise_if_broken()


def test_a_deleted_entry_is_found(database: Database, data_dir: Path) -> None:
    _fill(database)
    _tamper(database, data_dir, "DELETE FROM audit_log WHERE id = 2")
    problems = [(p.entry_id, p.problem) for p in _report(database).problems]
    assert problems == [
        (3, "entries 2 to 2 are missing"),
        (3, "it does not follow the entry before it"),
    ]


def test_entries_cut_off_the_end_are_found(database: Database, data_dir: Path) -> None:
    _fill(database)
    _tamper(database, data_dir, "DELETE FROM audit_log WHERE id >= 4")
    problems = [(p.entry_id, p.problem) for p in _report(database).problems]
    assert problems == [(5, "the log ends at entry 3 but should end at entry 5")]


def test_a_rewritten_entry_with_a_fresh_hash_still_breaks_the_next_link(
    database: Database, data_dir: Path
) -> None:
    _fill(database)
    with database.reading() as session:
        entry = session.get(AuditEntry, 2)
        assert entry is not None
        session.expunge(entry)
    entry.subject = "vend:FORGED"
    forged = entry_hash(entry)
    _tamper(
        database,
        data_dir,
        f"UPDATE audit_log SET subject = 'vend:FORGED', entry_hash = '{forged}' WHERE id = 2",
    )
    problems = [(p.entry_id, p.problem) for p in _report(database).problems]
    assert problems == [(3, "it does not follow the entry before it")]


def test_a_float_in_the_details_is_refused(database: Database) -> None:
    with pytest.raises(TypeError, match="floats"), database.unit_of_work() as uow:
        append(uow.session, AuditKind.VEND, details={"amount": 1.5})


def test_an_entry_that_skips_the_head_collides_instead_of_forking(database: Database) -> None:
    _fill(database, 2)
    with pytest.raises((IntegrityError, DatabaseFailedError)), database.unit_of_work() as uow:
        uow.session.add(
            AuditEntry(
                id=1,
                occurred_at=datetime.now(UTC),
                kind="vend",
                subject="",
                details="{}",
                previous_hash=GENESIS_HASH,
                entry_hash="f" * 64,
            )
        )
        uow.flush()


def test_two_writers_appending_at_once_keep_one_unbroken_chain(database: Database) -> None:
    def writer(name: str) -> None:
        with open_database() as own:  # its own engine and connections, like another program
            for number in range(60):
                with own.unit_of_work() as uow:
                    append(uow.session, AuditKind.LOGIN, subject=f"operator:{name}{number}")
                    uow.commit()

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    report = _report(database)
    assert report.intact
    assert report.entries == 120
