"""Meter key report (manual 5.9): each meter's key identity (SGC, KRN, TI, KEN, key type,
the TID base date) and when its key stops making tokens, so keys near expiry are changed in
time.

A key stops at the earlier of its key expiry number (KEN x 65535 minutes after the base date)
and the end of the 24-bit TID range (IEC 62055-41, 6.3.3; the 1993 base date ran out in
November 2024); after that only a key change token helps. No key material is read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select

from starpos.db.models import Customer, Meter
from starpos.db.parameters import utility_now
from starpos.i18n import tr_noop
from starpos.reports.shape import (
    CONTEXT,
    TODAY,
    Column,
    ColumnKind,
    Filter,
    FilterKind,
    Report,
    Row,
    streamed,
)
from starpos.sts.request import KEN_MINUTES
from starpos.sts.tid import TID_MAX, issued_at_for

COLUMNS = (
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("sgc", tr_noop(CONTEXT, "SGC")),
    Column("krn", tr_noop(CONTEXT, "KRN"), ColumnKind.INTEGER),
    Column("ti", tr_noop(CONTEXT, "TI"), ColumnKind.INTEGER),
    Column("ken", tr_noop(CONTEXT, "KEN"), ColumnKind.INTEGER),
    Column("key_type", tr_noop(CONTEXT, "Key type"), ColumnKind.INTEGER),
    Column("base_date", tr_noop(CONTEXT, "Base date"), ColumnKind.DATE),
    Column("key_expiry", tr_noop(CONTEXT, "Key expiry"), ColumnKind.DATE),
    Column("days_left", tr_noop(CONTEXT, "Days left"), ColumnKind.INTEGER),
)

FILTERS = (
    Filter("days", tr_noop(CONTEXT, "Expiring within days (empty: all)"), FilterKind.DAYS),
    Filter("as_of", tr_noop(CONTEXT, "As of (default today)"), FilterKind.DATE, empty=TODAY),
    Filter("sgc", tr_noop(CONTEXT, "SGC")),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
)


def key_expiry(base_year: int, ken: int) -> date:
    """The last day the key can make a token."""
    return issued_at_for(min(TID_MAX, ken * KEN_MINUTES), base_year).date()


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    days = choice.get("days")
    as_of: date = choice.get("as_of") or utility_now(session).date()
    query = (
        select(
            Meter.number, Customer.code.label("customer"), Meter.sgc, Meter.krn, Meter.ti,
            Meter.ken, Meter.key_type, Meter.tid_base_year,
        )
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .order_by(Meter.number)
    )  # fmt: skip
    for name, column in (("sgc", Meter.sgc), ("meter", Meter.number)):
        if choice.get(name):
            query = query.where(column == choice[name])
    for found in streamed(session, query):
        expiry = key_expiry(found["tid_base_year"], found["ken"])
        left = (expiry - as_of).days
        if days is not None and left > int(days):
            continue
        yield {
            "meter": found["number"],
            "customer": found["customer"] or "",
            "sgc": found["sgc"],
            "krn": found["krn"],
            "ti": found["ti"],
            "ken": found["ken"],
            "key_type": found["key_type"],
            "base_date": date(found["tid_base_year"], 1, 1),
            "key_expiry": expiry,
            "days_left": left,
        }


REPORT = Report(
    name="meter-keys",
    section="5.9",
    title=tr_noop(CONTEXT, "Meter key report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
