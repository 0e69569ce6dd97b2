"""Alarm event report (manual 5.12) from what SUN cards brought back from the meters:
each tamper event once (a card lists the meter's last four, so the same event comes back on
several readings), and each reading that showed new overloads or an older card (rollback).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from starpos.db.models import CardReading, CardTamperEvent, Customer, Meter
from starpos.db.parameters import utility_zone
from starpos.i18n import tr_noop
from starpos.reports.bounds import local, moment_between
from starpos.reports.shape import (
    CONTEXT,
    Column,
    ColumnKind,
    Filter,
    Report,
    Row,
    date_range,
    streamed,
)

COLUMNS = (
    Column("date", tr_noop(CONTEXT, "Date"), ColumnKind.DATETIME),
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("event", tr_noop(CONTEXT, "Event")),
    Column("count", tr_noop(CONTEXT, "Count"), ColumnKind.INTEGER, total=True),
    Column("read_at", tr_noop(CONTEXT, "Read at"), ColumnKind.DATETIME),
)

FILTERS = (
    *date_range(tr_noop(CONTEXT, "First day"), tr_noop(CONTEXT, "Last day")),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
)


def _tampers(session: Any, choice: Mapping[str, Any], zone: Any) -> Iterator[Row]:
    query = (
        select(
            CardTamperEvent.at, CardTamperEvent.kind, Meter.number,
            Customer.code.label("customer"), func.min(CardReading.read_at).label("read_at"),
        )
        .join(CardReading, CardReading.id == CardTamperEvent.reading_id)
        .join(Meter, Meter.id == CardReading.meter_id)
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .where(moment_between(CardTamperEvent.at, choice, zone))
        .group_by(CardTamperEvent.at, CardTamperEvent.kind, Meter.number, Customer.code)
        .order_by(CardTamperEvent.at, Meter.number)
    )  # fmt: skip
    if choice.get("meter"):
        query = query.where(Meter.number == choice["meter"])
    for found in streamed(session, query):
        yield _row(found["at"], found["number"], found["customer"], f"tamper:{found['kind']}",
                   1, found["read_at"], zone)  # fmt: skip


def _readings(session: Any, choice: Mapping[str, Any], zone: Any) -> Iterator[Row]:
    query = (
        select(
            CardReading.meter_clock, CardReading.read_at, CardReading.new_overloads,
            CardReading.rolled_back, Meter.number, Customer.code.label("customer"),
        )
        .join(Meter, Meter.id == CardReading.meter_id)
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .where(
            or_(CardReading.new_overloads > 0, CardReading.rolled_back.is_(True)),
            moment_between(CardReading.meter_clock, choice, zone),
        )
        .order_by(CardReading.meter_clock, Meter.number)
    )  # fmt: skip
    if choice.get("meter"):
        query = query.where(Meter.number == choice["meter"])
    for found in streamed(session, query):
        at, number, customer = found["meter_clock"], found["number"], found["customer"]
        if found["new_overloads"]:
            yield _row(at, number, customer, "overload", found["new_overloads"],
                       found["read_at"], zone)  # fmt: skip
        if found["rolled_back"]:
            yield _row(at, number, customer, "rollback", 1, found["read_at"], zone)


def _row(
    at: datetime, meter: str, customer: str | None, event: str, count: int,
    read_at: datetime, zone: Any,
) -> Row:  # fmt: skip
    return {
        "date": local(at, zone),
        "meter": meter,
        "customer": customer or "",
        "event": event,
        "count": count,
        "read_at": local(read_at, zone),
    }


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    zone = utility_zone(session)
    # Both streams are in time order; merged they stay in time order.
    yield from heapq.merge(
        _tampers(session, choice, zone),
        _readings(session, choice, zone),
        key=lambda row: (row["date"], row["meter"]),
    )


REPORT = Report(
    name="card-alarms",
    section="5.12",
    title=tr_noop(CONTEXT, "Alarm event report (cards)"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
