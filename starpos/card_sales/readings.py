"""Meter data the cards bring back: stored once per return record, never changed, and
flagged for the supervisor when the meter saw tampering or overloads, or when the card
carried older data than a previous reading (a restored copy of the card).

A counter audits each new reading in the same transaction (``card_action``, step ``read``,
with the return record's bytes), so it travels to the head office like every record and is
stored there by the same function (``server/card_projection.py``; decision SYN-36)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from starpos.audit.log import Actor, AuditKind, append
from starpos.db.column_types import utc_now
from starpos.db.models import CardReading, CardTamperEvent, Meter
from starpos.devices.card.records import ReturnRecord


@dataclass(frozen=True)
class ReadingPlace:
    """Who read the card, and at which sales point (both optional: a bare check)."""

    operator_code: str | None = None
    sales_point_id: int | None = None


def record_digest(record: ReturnRecord) -> str:
    return hashlib.sha256(record.encode()).hexdigest()


def record_reading(
    session: Session,
    *,
    meter_id: int,
    card_id: int | None,
    serial: str,
    returned: ReturnRecord,
    place: ReadingPlace,
    at: datetime | None = None,
    audit: Actor | None = None,
    identity: tuple[str, int] | None = None,
) -> CardReading:
    """Store ``returned`` as a reading event of the meter, or find the one already stored.

    With ``audit`` (the counter), a new reading is also appended to the audit log as
    ``card_action`` step ``read`` in the caller's transaction; ``identity`` is the card's
    meter number and issue number, which name the card in every store. The head office
    stores what arrives without auditing it again."""
    digest = record_digest(returned)
    existing = session.scalars(
        select(CardReading).where(
            CardReading.meter_id == meter_id, CardReading.record_digest == digest
        )
    ).first()
    if existing is not None:
        return existing
    previous = session.scalars(
        select(CardReading)
        .where(CardReading.meter_id == meter_id)
        .order_by(CardReading.id.desc())
        .limit(1)
    ).first()
    new_tampers = returned.tamper_count - (previous.tamper_count if previous else 0)
    new_overloads = returned.overload_count - (previous.overload_count if previous else 0)
    rolled_back = previous is not None and (
        returned.last_loaded_sequence < previous.last_loaded_sequence
        or returned.meter_clock < previous.meter_clock
        or returned.cumulative_kwh < previous.cumulative_kwh
    )
    months = list(returned.monthly_kwh)
    reading = CardReading(
        meter_id=meter_id,
        card_id=card_id,
        card_serial=serial,
        read_at=at or utc_now(),
        sales_point_id=place.sales_point_id,
        operator_code=place.operator_code,
        record_digest=digest,
        last_loaded_sequence=returned.last_loaded_sequence,
        remaining_kwh=returned.remaining_kwh,
        cumulative_kwh=returned.cumulative_kwh,
        month_0_kwh=months[0],
        month_1_kwh=months[1],
        month_2_kwh=months[2],
        month_3_kwh=months[3],
        month_4_kwh=months[4],
        month_5_kwh=months[5],
        relay_open=returned.relay_open,
        relay_open_count=returned.relay_open_count,
        power_cut_count=returned.power_cut_count,
        last_power_cut=returned.last_power_cut,
        tamper_count=returned.tamper_count,
        overload_count=returned.overload_count,
        warning_level=returned.warning_level,
        overdraft_used_kwh=returned.overdraft_used_kwh,
        meter_clock=returned.meter_clock,
        firmware=returned.firmware,
        # A count that went down is a reset meter or an older card: no new events.
        new_tampers=max(0, new_tampers),
        new_overloads=max(0, new_overloads),
        rolled_back=rolled_back,
        flagged=new_tampers > 0 or new_overloads > 0 or rolled_back,
    )
    reading.tamper_events = [
        CardTamperEvent(position=position, kind=_kind(event.kind.name), at=event.at)
        for position, event in enumerate(returned.tamper_events, start=1)
    ]
    session.add(reading)
    session.flush()
    if audit is not None:
        _audit_reading(session, reading, returned, identity, audit)
    return reading


#: The step of a card reading's audit entry (subject ``card:<serial>``).
READ_STEP = "read"


def _audit_reading(
    session: Session,
    reading: CardReading,
    returned: ReturnRecord,
    identity: tuple[str, int] | None,
    actor: Actor,
) -> None:
    """The reading as an audit entry: the record's bytes carry every fact (the head office
    decodes them), the rest says what it is to a reader of the log."""
    meter, issue = identity if identity is not None else (None, None)
    append(
        session,
        AuditKind.CARD_ACTION,
        subject=f"card:{reading.card_serial}",
        details={
            "step": READ_STEP,
            "meter": meter,
            "issue_number": issue,
            "read_at": reading.read_at,
            "record": returned.encode().hex(),
            "record_digest": reading.record_digest,
            "last_loaded_sequence": reading.last_loaded_sequence,
            "remaining_kwh": reading.remaining_kwh,
            "cumulative_kwh": reading.cumulative_kwh,
            "tamper_count": reading.tamper_count,
            "overload_count": reading.overload_count,
            "flagged": reading.flagged,
        },
        actor=actor,
    )


def _kind(name: str) -> str:
    return name.lower().replace("_", "-")


def reading_dict(reading: CardReading, meter_number: str) -> dict[str, Any]:
    """A reading as the CLI and the UI show it (energies as Decimal, times as datetimes)."""
    flags = [
        name
        for name, raised in (
            ("tamper", reading.new_tampers > 0),
            ("overload", reading.new_overloads > 0),
            ("rollback", reading.rolled_back),
        )
        if raised
    ]
    return {
        "id": reading.id,
        "meter": meter_number,
        "card_serial": reading.card_serial,
        "read_at": reading.read_at,
        "sales_point_id": reading.sales_point_id,
        "operator": reading.operator_code,
        "last_loaded_sequence": reading.last_loaded_sequence,
        "remaining_kwh": reading.remaining_kwh,
        "cumulative_kwh": reading.cumulative_kwh,
        "monthly_kwh": [
            reading.month_0_kwh,
            reading.month_1_kwh,
            reading.month_2_kwh,
            reading.month_3_kwh,
            reading.month_4_kwh,
            reading.month_5_kwh,
        ],
        "relay_open": reading.relay_open,
        "relay_open_count": reading.relay_open_count,
        "power_cut_count": reading.power_cut_count,
        "last_power_cut": reading.last_power_cut,
        "tamper_count": reading.tamper_count,
        "tamper_events": [{"kind": e.kind, "at": e.at} for e in reading.tamper_events],
        "overload_count": reading.overload_count,
        "warning_level": reading.warning_level,
        "overdraft_used_kwh": reading.overdraft_used_kwh,
        "meter_clock": reading.meter_clock,
        "firmware": reading.firmware,
        "new_tampers": reading.new_tampers,
        "new_overloads": reading.new_overloads,
        "flags": flags,
    }


def meter_history(session: Session, meter_number: str, limit: int = 100) -> list[dict[str, Any]]:
    """The meter's readings, newest first."""
    rows = session.scalars(
        select(CardReading)
        .join(Meter, Meter.id == CardReading.meter_id)
        .where(Meter.number == meter_number)
        .options(selectinload(CardReading.tamper_events))
        .order_by(CardReading.id.desc())
        .limit(limit)
    ).all()
    return [reading_dict(row, meter_number) for row in rows]


def flagged_readings(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """Readings the supervisor should look at (tamper, overload, rollback), newest first."""
    rows = session.execute(
        select(CardReading, Meter.number)
        .join(Meter, Meter.id == CardReading.meter_id)
        .where(CardReading.flagged.is_(True))
        .options(selectinload(CardReading.tamper_events))
        .order_by(CardReading.id.desc())
        .limit(limit)
    ).all()
    return [reading_dict(row, number) for row, number in rows]
