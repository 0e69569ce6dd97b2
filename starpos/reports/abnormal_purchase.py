"""Abnormality power-purchase report (manual 5.4): customers whose meter has bought nothing
for ``days`` days or more (suspected of tampering: someone should visit the meter).

A meter that never bought counts from its install date. The last purchase is one indexed
look-up per meter (vends by meter and time, newest first), so the report does not read the
whole sales history.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select

from starpos.db.enums import StockStatus
from starpos.db.models import Customer, Meter, Vend
from starpos.db.parameters import utility_now, utility_zone
from starpos.i18n import tr_noop
from starpos.reports.bounds import local
from starpos.reports.power_vending import STANDING
from starpos.reports.shape import (
    CONTEXT,
    TODAY,
    Column,
    ColumnKind,
    Filter,
    FilterKind,
    Report,
    Row,
    days_of,
    streamed,
)

DEFAULT_DAYS = 60

COLUMNS = (
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("customer_name", tr_noop(CONTEXT, "Customer name")),
    Column("address", tr_noop(CONTEXT, "Address")),
    Column("telephone", tr_noop(CONTEXT, "Telephone")),
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("install_date", tr_noop(CONTEXT, "Install date"), ColumnKind.DATE),
    Column("last_purchase", tr_noop(CONTEXT, "Last purchase"), ColumnKind.DATETIME),
    Column("days", tr_noop(CONTEXT, "Days without purchase"), ColumnKind.INTEGER),
)

FILTERS = (
    Filter("days", tr_noop(CONTEXT, "Days without purchase"), FilterKind.DAYS, (), DEFAULT_DAYS),
    Filter("as_of", tr_noop(CONTEXT, "As of (default today)"), FilterKind.DATE, empty=TODAY),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
)


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    zone = utility_zone(session)
    days = days_of(choice, DEFAULT_DAYS)
    as_of: date = choice.get("as_of") or utility_now(session).date()
    last = (
        select(Vend.created_at)
        .where(Vend.meter_id == Meter.id, Vend.state.in_(STANDING))
        .order_by(Vend.created_at.desc())
        .limit(1)
        .correlate(Meter)
        .scalar_subquery()
    )
    query = (
        select(
            Customer.code.label("customer"), Customer.name.label("customer_name"),
            Customer.address, Customer.telephone, Meter.number.label("meter"),
            Meter.install_date, last.label("last_purchase"),
        )
        .join(Customer, Customer.id == Meter.customer_id)
        .where(Meter.stock_status == StockStatus.INSTALLED)
        # By meter number (its unique index): rows stream out as found, no sort of every meter.
        .order_by(Meter.number)
    )  # fmt: skip
    if choice.get("meter"):
        query = query.where(Meter.number == choice["meter"])
    for found in streamed(session, query):
        moment = local(found["last_purchase"], zone)
        since = moment.date() if moment is not None else found["install_date"]
        if since is None:
            continue  # installed without a date and never bought: nothing to count from
        idle = (as_of - since).days
        if idle >= days:
            yield {
                "customer": found["customer"],
                "customer_name": found["customer_name"],
                "address": found["address"],
                "telephone": found["telephone"],
                "meter": found["meter"],
                "install_date": found["install_date"],
                "last_purchase": moment,
                "days": idle,
            }


REPORT = Report(
    name="abnormal-purchase",
    section="5.4",
    title=tr_noop(CONTEXT, "Abnormality power-purchase report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
