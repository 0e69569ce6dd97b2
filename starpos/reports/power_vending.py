"""Power vending report (manual 5.3): the sales of a period, one row a vend, with totals.

Only sales that stand count (ISSUED and PRINTED) unless ``state`` asks for the failed or
cancelled ones too; the amounts are the ledger's as booked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select

from starpos.db.enums import VendState
from starpos.db.models import Customer, Meter, Operator, PaymentTerm, SalesPoint, Vend
from starpos.db.parameters import utility_zone
from starpos.i18n import tr_noop
from starpos.reports.bounds import local, moment_between
from starpos.reports.shape import (
    CONTEXT,
    Column,
    ColumnKind,
    Filter,
    FilterKind,
    Report,
    Row,
    date_range,
    streamed,
)

#: Which vends: those that stand (the default), every one, or one state.
SOLD = "sold"
ANY = "any"
STANDING = (VendState.ISSUED, VendState.PRINTED)
STATES = (SOLD, ANY, *(state.value for state in VendState))

COLUMNS = (
    Column("date", tr_noop(CONTEXT, "Date"), ColumnKind.DATETIME),
    Column("bill", tr_noop(CONTEXT, "Bill number")),
    Column("sales_point", tr_noop(CONTEXT, "Sales point")),
    Column("operator", tr_noop(CONTEXT, "Operator")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("customer_name", tr_noop(CONTEXT, "Customer name")),
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("payment", tr_noop(CONTEXT, "Payment")),
    Column("amount", tr_noop(CONTEXT, "Vending amount"), ColumnKind.MONEY, total=True),
    Column("charges", tr_noop(CONTEXT, "Charges"), ColumnKind.MONEY, total=True),
    Column("vat", tr_noop(CONTEXT, "VAT"), ColumnKind.MONEY, total=True),
    Column("debt", tr_noop(CONTEXT, "Debt repayment"), ColumnKind.MONEY, total=True),
    Column("net", tr_noop(CONTEXT, "Net amount"), ColumnKind.MONEY, total=True),
    Column("energy_kwh", tr_noop(CONTEXT, "Energy (kWh)"), ColumnKind.ENERGY, total=True),
    Column("state", tr_noop(CONTEXT, "State")),
)

FILTERS = (
    *date_range(tr_noop(CONTEXT, "First day"), tr_noop(CONTEXT, "Last day")),
    Filter("sales_point", tr_noop(CONTEXT, "Sales point")),
    Filter("operator", tr_noop(CONTEXT, "Operator")),
    Filter("payment", tr_noop(CONTEXT, "Payment term")),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
    Filter("state", tr_noop(CONTEXT, "State"), FilterKind.CHOICE, STATES, SOLD),
)


def sales_query(session: Any, choice: Mapping[str, Any]) -> Any:
    """The vends ``choice`` names, oldest first (with "sold", also those that do not stand:
    :func:`rows` leaves them out)."""
    zone = utility_zone(session)
    query = (
        select(
            Vend.created_at, Vend.bill_number, SalesPoint.code.label("sales_point"),
            Operator.code.label("operator"), Customer.code.label("customer"),
            Customer.name.label("customer_name"), Meter.number.label("meter"),
            PaymentTerm.code.label("payment"), PaymentTerm.kind.label("payment_kind"),
            Vend.amount, Vend.taxed_charges, Vend.untaxed_charges, Vend.vat,
            Vend.debt_repayment, Vend.net_amount, Vend.energy_kwh, Vend.state,
        )
        .join(SalesPoint, SalesPoint.id == Vend.sales_point_id)
        .join(Operator, Operator.id == Vend.operator_id)
        .join(Customer, Customer.id == Vend.customer_id)
        .join(Meter, Meter.id == Vend.meter_id)
        .join(PaymentTerm, PaymentTerm.id == Vend.payment_term_id)
        .where(moment_between(Vend.created_at, choice, zone))
        .order_by(Vend.created_at, Vend.id)
    )  # fmt: skip
    state = choice.get("state") or SOLD
    # "sold" is filtered as rows pass (:func:`rows`), not in SQL: almost every sale stands,
    # and a state condition lets SQLite read the period through the state index and sort
    # it, where the time index gives the first page at once (docs/benchmarks.md).
    if state not in (SOLD, ANY):
        query = query.where(Vend.state == VendState(state))
    for name, column in (
        ("sales_point", SalesPoint.code),
        ("operator", Operator.code),
        ("payment", PaymentTerm.code),
        ("meter", Meter.number),
    ):
        if choice.get(name):
            query = query.where(column == choice[name])
    return query


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    zone = utility_zone(session)
    sold_only = (choice.get("state") or SOLD) == SOLD
    for found in streamed(session, sales_query(session, choice)):
        if sold_only and found["state"] not in STANDING:
            continue
        yield {
            "date": local(found["created_at"], zone),
            "bill": found["bill_number"],
            "sales_point": found["sales_point"],
            "operator": found["operator"],
            "customer": found["customer"],
            "customer_name": found["customer_name"],
            "meter": found["meter"],
            "payment": found["payment"],
            "amount": found["amount"],
            "charges": found["taxed_charges"] + found["untaxed_charges"],
            "vat": found["vat"],
            "debt": found["debt_repayment"],
            "net": found["net_amount"],
            "energy_kwh": found["energy_kwh"],
            "state": str(found["state"]),
        }


REPORT = Report(
    name="power-vending",
    section="5.3",
    title=tr_noop(CONTEXT, "Power vending report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
    chart="sales",
)
