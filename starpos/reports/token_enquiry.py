"""Token enquiry report (manual 5.5): every token a sale produced, found by token, meter,
customer, bill number or day (credit tokens and the key change tokens made before them)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select

from starpos.db.models import Customer, Meter, Vend, VendToken
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
    Column("bill", tr_noop(CONTEXT, "Bill number")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("customer_name", tr_noop(CONTEXT, "Customer name")),
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("kind", tr_noop(CONTEXT, "Token kind")),
    Column("token", tr_noop(CONTEXT, "Token")),
    Column("tid", tr_noop(CONTEXT, "TID"), ColumnKind.INTEGER),
    Column("energy_kwh", tr_noop(CONTEXT, "Energy (kWh)"), ColumnKind.ENERGY, total=True),
    Column("net", tr_noop(CONTEXT, "Net amount"), ColumnKind.MONEY, total=True),
    Column("state", tr_noop(CONTEXT, "State")),
)

FILTERS = (
    *date_range(tr_noop(CONTEXT, "First day"), tr_noop(CONTEXT, "Last day")),
    Filter("token", tr_noop(CONTEXT, "Token")),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
    Filter("customer", tr_noop(CONTEXT, "Customer")),
    Filter("bill", tr_noop(CONTEXT, "Bill number")),
)


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    zone = utility_zone(session)
    query = (
        select(
            VendToken.created_at, VendToken.kind, VendToken.token, VendToken.tid,
            VendToken.position, Vend.bill_number, Vend.energy_kwh, Vend.fbe_kwh,
            Vend.net_amount, Vend.state, Customer.code.label("customer"),
            Customer.name.label("customer_name"), Meter.number.label("meter"),
        )
        .join(Vend, Vend.id == VendToken.vend_id)
        .join(Customer, Customer.id == Vend.customer_id)
        .join(Meter, Meter.id == Vend.meter_id)
        .where(moment_between(Vend.created_at, choice, zone))
        .order_by(Vend.created_at, Vend.id, VendToken.position)
    )  # fmt: skip
    token = (choice.get("token") or "").replace(" ", "").replace("-", "")
    if token:
        query = query.where(VendToken.token == token)
    for name, column in (
        ("meter", Meter.number),
        ("customer", Customer.code),
        ("bill", Vend.bill_number),
    ):
        if choice.get(name):
            query = query.where(column == choice[name])
    for found in streamed(session, query):
        credit = found["kind"] == "credit"
        yield {
            "date": local(found["created_at"], zone),
            "bill": found["bill_number"],
            "customer": found["customer"],
            "customer_name": found["customer_name"],
            "meter": found["meter"],
            "kind": found["kind"],
            "token": found["token"],
            "tid": found["tid"],
            # The sale's energy and money once, on its credit token (key change tokens carry none).
            "energy_kwh": found["energy_kwh"] + found["fbe_kwh"] if credit else None,
            "net": found["net_amount"] if credit else None,
            "state": str(found["state"]),
        }


REPORT = Report(
    name="token-enquiry",
    section="5.5",
    title=tr_noop(CONTEXT, "Token enquiry report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
