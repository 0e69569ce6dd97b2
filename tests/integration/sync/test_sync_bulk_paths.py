"""The push's two ways of inserting rows (``bulk``: a multi-row ``INSERT`` up to
``FEW_ROWS``, ``COPY`` past it) and its statements run on the driver (``driver_sql``) store
and read exactly what SQLAlchemy would, on a real PostgreSQL store (SYN-48)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind
from starpos.db.models import ReceivedEvent
from starpos.server import bulk, sale_batch
from starpos.server.driver_sql import DriverStatement
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import enrol, entries, push, verdicts
from tests.integration.sync.test_sync_sale_batch import _booked, _together, booked_from_one_start

pytestmark = pytest.mark.postgres

_EVENTS = cast(Table, ReceivedEvent.__table__)
AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _rows(enrolment: str, count: int, first_seq: int) -> list[dict[str, Any]]:
    return [
        {
            "enrolment_id": enrolment,
            "seq": first_seq + n,
            "event_id": str(uuid.uuid4()),
            "occurred_at": AT + timedelta(seconds=n),
            "kind": "vend",
            "operator_code": None if n % 2 else "CASH1",  # a NULL among values
            "sales_point_code": "SP01",
            "terminal_code": "T01",
            "subject": f"vend:B-{n}",
            "details": '{"note":"l\'été, 5 %, \\\\ et \\t"}',  # quotes, tab, backslash
            "previous_hash": "a" * 64,
            "entry_hash": f"{n:064x}",
        }
        for n in range(count)
    ]


@pytest.mark.parametrize("count", [bulk.FEW_ROWS, bulk.FEW_ROWS + 1])
def test_rows_either_side_of_the_threshold_are_stored_as_given(
    office: HeadOffice, count: int
) -> None:
    key_id, _ = enrol(office)
    rows = _rows(key_id, count, 1000)
    before = datetime.now(UTC)
    with office.transaction() as session:
        bulk.insert_rows(session.connection(), _EVENTS, rows)
    with office.transaction() as session:
        stored = session.scalars(
            select(ReceivedEvent).where(ReceivedEvent.seq >= 1000).order_by(ReceivedEvent.seq)
        ).all()
        assert [{name: getattr(event, name) for name in rows[0]} for event in stored] == rows
        # The column the rows leave out gets its Python default, as an ORM insert gives it.
        assert all(event.received_at >= before - timedelta(seconds=1) for event in stored)


def test_sales_booked_by_insert_and_by_copy_are_the_same(
    office: HeadOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    def booked_with(few: int) -> Callable[[Session], dict[str, Any]]:
        def run(session: Session) -> dict[str, Any]:
            monkeypatch.setattr(bulk, "FEW_ROWS", few)
            return _booked(session, _together)

        return run

    # Every insert a multi-row INSERT, then every one a COPY.
    by_insert, by_copy = booked_from_one_start(office, [booked_with(1000), booked_with(0)])
    assert by_insert == by_copy
    assert by_insert["vends"] and by_insert["charges"] and by_insert["tokens"]


@pytest.mark.parametrize("size", [bulk.FEW_ROWS, bulk.FEW_ROWS + 1])
def test_a_push_of_either_size_is_applied_and_stored(
    office: HeadOffice, tmp_path: Path, size: int
) -> None:
    key_id, key = enrol(office)
    actor = Actor("CASH1", "SP01", "T01")
    written = [(AuditKind.LOGIN, "operator:CASH1", {"n": n}, actor) for n in range(size)]
    sent = entries(tmp_path / "counter", written)
    assert {verdict for _, verdict, _ in verdicts(push(office, key_id, key, sent))} == {"applied"}
    # Sent again: every one a duplicate, nothing stored twice.
    assert {verdict for _, verdict, _ in verdicts(push(office, key_id, key, sent))} == {"duplicate"}
    with office.transaction() as session:
        hashes = session.scalars(
            select(ReceivedEvent.entry_hash)
            .where(ReceivedEvent.enrolment_id == key_id)
            .order_by(ReceivedEvent.seq)
        ).all()
    assert hashes == [event["entry_hash"] for event in sent]


def test_a_statement_on_the_driver_reads_what_sqlalchemy_reads(office: HeadOffice) -> None:
    session = office._sessions()
    try:
        _booked(session, _together)  # sales in every state, money, times, enums
        connection = session.connection()
        own_vends: Any = sale_batch._OWN_VENDS.statement
        locked_meters: Any = sale_batch._LOCKED_METERS.statement
        vends = connection.exec_driver_sql("SELECT terminal_id, bill_number FROM vends").all()
        parameters = {
            "terminal": vends[0][0],
            "bills": [bill for _, bill in vends],
            "enrolment": "another",
        }
        by_driver = DriverStatement(own_vends).rows(connection, parameters)
        by_core = [tuple(row) for row in connection.execute(own_vends, parameters)]
        assert by_driver == by_core
        assert len(by_core) > 3
        meters = {"ids": sorted({row[3] for row in by_core})}
        assert sale_batch._LOCKED_METERS.rows(connection, meters) == [
            tuple(row) for row in connection.execute(locked_meters, meters)
        ]
    finally:
        session.rollback()
        session.close()
