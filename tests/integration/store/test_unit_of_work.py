"""The unit of work: nothing without commit, typed errors, writers queue on the lock."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from starpos.audit.log import Actor, verify
from starpos.bootstrap.database import open_database
from starpos.db import Database, engine
from starpos.db.enums import CustomerStatus
from starpos.db.models import AuditEntry, Bank, Customer
from starpos.db.unit_of_work import DatabaseBusyError, DatabaseFailedError
from starpos.masterdata.customers import set_status


def _banks(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count(Bank.id))) or 0)


def test_nothing_is_written_without_commit(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Bank(code="B1", name="One"))
        uow.flush()
    assert _banks(database) == 0
    with database.unit_of_work() as uow:
        uow.session.add(Bank(code="B1", name="One"))
        uow.commit()
    assert _banks(database) == 1


def test_an_error_inside_rolls_back_and_a_constraint_is_a_storage_error(
    database: Database,
) -> None:
    with pytest.raises(RuntimeError), database.unit_of_work() as uow:
        uow.session.add(Bank(code="B1", name="One"))
        uow.flush()
        raise RuntimeError("the module did not answer")
    assert _banks(database) == 0
    # SQLite says "UNIQUE constraint failed", PostgreSQL "violates unique constraint".
    with (
        pytest.raises(DatabaseFailedError, match=r"(?i)unique constraint") as raised,
        database.unit_of_work() as uow,
    ):
        uow.session.add_all([Bank(code="B1", name="One"), Bank(code="B1", name="Again")])
        uow.commit()
    assert "\n" not in raised.value.message  # the CLI shows it as one line


def test_a_writer_held_too_long_is_a_busy_error(
    database: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    # Another program in the middle of a write: SQLite's write lock, PostgreSQL's writer lock.
    holder = database.unit_of_work()
    holder.__enter__()
    try:
        with (
            open_database() as impatient,
            pytest.raises(DatabaseBusyError),
            impatient.unit_of_work() as uow,
        ):
            uow.session.add(Bank(code="B2", name="Two"))
            uow.commit()
        # Readers are not blocked by a writer (WAL).
        assert _banks(database) == 0
    finally:
        holder.__exit__(None, None, None)


def test_a_second_writer_waits_for_the_first_instead_of_failing(database: Database) -> None:
    first_inside = threading.Event()
    release = threading.Event()

    def first() -> None:
        with database.unit_of_work() as uow:
            first_inside.set()
            release.wait(5)
            uow.session.add(Bank(code="FIRST", name="First"))
            uow.commit()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_inside.wait(5)
    threading.Timer(0.3, release.set).start()
    with database.unit_of_work() as uow:  # blocks on BEGIN IMMEDIATE until the first commits
        assert uow.session.scalar(select(func.count(Bank.id))) == 1
        uow.session.add(Bank(code="SECOND", name="Second"))
        uow.commit()
    thread.join(5)
    assert _banks(database) == 2


def test_blacklisting_a_customer_is_audited(demo_database: Database) -> None:
    with demo_database.unit_of_work() as uow:
        code = uow.session.scalars(
            select(Customer.code).where(Customer.status == CustomerStatus.ACTIVE)
        ).first()
        assert code is not None
        set_status(uow.session, code, CustomerStatus.BLACKLISTED, Actor("SUP1", "SP01"))
        uow.commit()
    with demo_database.reading() as session:
        customer = session.scalars(select(Customer).where(Customer.code == code)).one()
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert customer.status == CustomerStatus.BLACKLISTED
        assert entry is not None and entry.kind == "master_data_change"
        assert entry.subject == f"customer:{code}"
        assert verify(session).intact
