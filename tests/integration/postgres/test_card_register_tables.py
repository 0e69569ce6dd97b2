"""The card sales register and readings tables on both databases, without a card reader:
one active card per meter, a return record stored once, flags, exact kWh, and readings that
can be neither changed nor deleted (SQLite's triggers, PostgreSQL's own)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.bootstrap.database import open_database
from starpos.card_sales.readings import (
    ReadingPlace,
    flagged_readings,
    meter_history,
    record_reading,
)
from starpos.card_sales.register import active_card, last_issue_number
from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import CardReading, Customer, IssuedCard, Meter
from starpos.db.unit_of_work import DatabaseFailedError
from starpos.devices.card.records import ReturnRecord, TamperEvent, TamperKind
from tests.support.store_backends import both_backends

pytestmark = both_backends

PLACE = ReadingPlace(operator_code="CASH1")
CLOCK = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)


def _record(sequence: int, tampers: int = 0, cumulative: str = "812.4") -> ReturnRecord:
    events = tuple(
        TamperEvent(TamperKind.COVER_OPEN, datetime(2026, 11, day, 3, tzinfo=UTC))
        for day in range(1, tampers + 1)
    )
    return ReturnRecord(
        last_loaded_sequence=sequence,
        remaining_kwh=Decimal("12.3"),
        cumulative_kwh=Decimal(cumulative),
        monthly_kwh=tuple(Decimal(m) for m in ("40.1", "95.0", "88.8", "0.0", "101.7", "7.5")),
        relay_open=False,
        relay_open_count=0,
        power_cut_count=2,
        last_power_cut=datetime(2026, 11, 2, 22, tzinfo=UTC),
        tamper_count=tampers,
        tamper_events=events,
        overload_count=0,
        warning_level=1,
        overdraft_used_kwh=Decimal("0.0"),
        meter_clock=CLOCK,
    )


@pytest.fixture
def card_meter(seeded_store: None) -> Iterator[tuple[Database, int, str]]:
    with open_database() as database:
        with database.reading() as session:
            meter_id, number = session.execute(
                select(Meter.id, Meter.number)
                .join(Customer, Customer.id == Meter.customer_id)
                .where(Meter.medium == MeterMedium.CARD, Customer.status == CustomerStatus.ACTIVE)
                .order_by(Meter.number)
                .limit(1)
            ).one()
        yield database, meter_id, number


def test_one_active_card_per_meter_and_issue_numbers_count_up(
    card_meter: tuple[Database, int, str],
) -> None:
    database, meter_id, _ = card_meter
    with database.unit_of_work() as uow:
        uow.session.add(IssuedCard(serial="C0000001", meter_id=meter_id, issue_number=1))
        uow.commit()
    with pytest.raises(DatabaseFailedError), database.unit_of_work() as uow:
        uow.session.add(IssuedCard(serial="C0000002", meter_id=meter_id, issue_number=2))
        uow.commit()
    with database.unit_of_work() as uow:
        first = active_card(uow.session, meter_id)
        assert first is not None and first.serial == "C0000001"
        first.state = "replaced"
        uow.session.add(IssuedCard(serial="C0000002", meter_id=meter_id, issue_number=2))
        uow.commit()
    with database.reading() as session:
        second = active_card(session, meter_id)
        assert second is not None and second.serial == "C0000002"
        assert last_issue_number(session, meter_id) == 2


def test_readings_are_stored_once_flagged_and_exact(card_meter: tuple[Database, int, str]) -> None:
    database, meter_id, number = card_meter
    with database.unit_of_work() as uow:
        for record in (_record(3), _record(3), _record(4, tampers=2), _record(2)):
            record_reading(
                uow.session,
                meter_id=meter_id,
                card_id=None,
                serial="C0000001",
                returned=record,
                place=PLACE,
            )
        uow.commit()
    with database.reading() as session:
        history = meter_history(session, number)
        flagged = flagged_readings(session)
    assert len(history) == 3  # the same record read twice is one reading
    newest, tampered, first = history
    assert first["remaining_kwh"] == Decimal("12.3") and first["flags"] == []
    assert first["monthly_kwh"][0] == Decimal("40.1")
    assert tampered["flags"] == ["tamper"] and len(tampered["tamper_events"]) == 2
    assert newest["flags"] == ["rollback"]  # an older record than the one before it
    assert [r["id"] for r in flagged] == [newest["id"], tampered["id"]]
    with database.reading() as session:
        stored = session.scalars(select(CardReading).order_by(CardReading.id)).first()
        assert stored is not None
        months = [stored.month_0_kwh, stored.month_1_kwh, stored.month_5_kwh]
    assert months == [Decimal("40.1"), Decimal("95.0"), Decimal("7.5")]
    assert all(isinstance(month, Decimal) for month in months)


def test_a_reading_can_be_neither_changed_nor_deleted(
    card_meter: tuple[Database, int, str],
) -> None:
    database, meter_id, _ = card_meter
    with database.unit_of_work() as uow:
        record_reading(
            uow.session,
            meter_id=meter_id,
            card_id=None,
            serial="C0000001",
            returned=_record(5, tampers=1),
            place=PLACE,
        )
        uow.commit()
    for statement in (
        "UPDATE card_readings SET remaining_kwh = 0",
        "DELETE FROM card_readings",
        "UPDATE card_tamper_events SET kind = 'none'",
        "DELETE FROM card_tamper_events",
    ):
        with (
            pytest.raises(DatabaseFailedError, match="immutable"),
            database.unit_of_work() as uow,
        ):
            uow.session.connection().exec_driver_sql(statement)
    with database.reading() as session:
        assert session.scalars(select(CardReading.remaining_kwh)).all() == [Decimal("12.3")]
