"""Month power report (manual 5.13): each card meter's consumption per calendar month, from
the six months every SUN card reading carries (month 0 is the meter clock's current month).

A month seen by several readings takes its value from the newest one (the most complete:
an earlier reading saw the month only partly).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from starpos.db.models import CardReading, Customer, Meter
from starpos.db.parameters import utility_zone
from starpos.i18n import tr_noop
from starpos.reports.bounds import day_bounds, local
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

MONTHS = 6

COLUMNS = (
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("month", tr_noop(CONTEXT, "Month")),
    Column("energy_kwh", tr_noop(CONTEXT, "Energy (kWh)"), ColumnKind.ENERGY, total=True),
    Column("read_at", tr_noop(CONTEXT, "Read at"), ColumnKind.DATETIME),
)

FILTERS = (
    *date_range(tr_noop(CONTEXT, "First month"), tr_noop(CONTEXT, "Last month")),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
)


def _months_back(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    zone = utility_zone(session)
    begin, end = day_bounds(choice)
    first = begin.replace(day=1) if begin else None
    query = (
        select(
            CardReading.meter_id, Meter.number, Customer.code.label("customer"),
            CardReading.meter_clock, CardReading.read_at,
            *(getattr(CardReading, f"month_{n}_kwh") for n in range(MONTHS)),
        )
        .join(Meter, Meter.id == CardReading.meter_id)
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .order_by(Meter.number, CardReading.meter_clock.desc(), CardReading.id.desc())
    )  # fmt: skip
    if choice.get("meter"):
        query = query.where(Meter.number == choice["meter"])
    meter: str | None = None
    months: dict[date, Row] = {}
    for found in streamed(session, query):
        if found["number"] != meter:
            yield from sorted(months.values(), key=lambda row: row["month"])
            meter, months = found["number"], {}
        clock = local(found["meter_clock"], zone)
        assert clock is not None
        for back in range(MONTHS):
            month = _months_back(clock.date(), back)
            if month in months:
                continue
            if (first and month < first) or (end and month > end):
                continue
            value: Decimal = found[f"month_{back}_kwh"]
            months[month] = {
                "meter": found["number"],
                "customer": found["customer"] or "",
                "month": month.strftime("%Y-%m"),
                "energy_kwh": value,
                "read_at": local(found["read_at"], zone),
            }
    yield from sorted(months.values(), key=lambda row: row["month"])


REPORT = Report(
    name="monthly-consumption",
    section="5.13",
    title=tr_noop(CONTEXT, "Month power report (cards)"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
