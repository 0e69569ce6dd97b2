"""Customer information report (manual 5.6): each customer with the meters installed for
them (a customer without a meter is one row with the meter columns empty)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select

from starpos.db.enums import CustomerStatus
from starpos.db.models import Customer, CustomerType, Meter, MeterModel, Region, TariffScheme
from starpos.i18n import tr_noop
from starpos.reports.bounds import day_between
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

COLUMNS = (
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("customer_name", tr_noop(CONTEXT, "Customer name")),
    Column("address", tr_noop(CONTEXT, "Address")),
    Column("telephone", tr_noop(CONTEXT, "Telephone")),
    Column("id_number", tr_noop(CONTEXT, "ID number")),
    Column("customer_type", tr_noop(CONTEXT, "Customer type")),
    Column("status", tr_noop(CONTEXT, "Status")),
    Column("region", tr_noop(CONTEXT, "Region")),
    Column("registered_on", tr_noop(CONTEXT, "Registered on"), ColumnKind.DATE),
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("model", tr_noop(CONTEXT, "Meter model")),
    Column("tariff", tr_noop(CONTEXT, "Tariff")),
    Column("install_date", tr_noop(CONTEXT, "Install date"), ColumnKind.DATE),
    Column("contract", tr_noop(CONTEXT, "Contract")),
    Column("debt", tr_noop(CONTEXT, "Outstanding debt"), ColumnKind.MONEY, total=True),
)

FILTERS = (
    *date_range(tr_noop(CONTEXT, "Registered from"), tr_noop(CONTEXT, "Registered until")),
    Filter("customer", tr_noop(CONTEXT, "Customer")),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
    Filter(
        "status",
        tr_noop(CONTEXT, "Status"),
        FilterKind.CHOICE,
        tuple(status.value for status in CustomerStatus),
    ),
    Filter("customer_type", tr_noop(CONTEXT, "Customer type")),
)


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    query = (
        select(
            Customer.code.label("customer"), Customer.name.label("customer_name"),
            Customer.address, Customer.telephone, Customer.id_number,
            CustomerType.code.label("customer_type"), Customer.status,
            Region.name.label("region"), Customer.registered_on, Meter.number.label("meter"),
            MeterModel.code.label("model"), TariffScheme.code.label("tariff"),
            Meter.install_date, Meter.contract_status, Meter.outstanding_debt,
        )
        .join(CustomerType, CustomerType.id == Customer.customer_type_id)
        .outerjoin(Region, Region.id == Customer.region_id)
        .outerjoin(Meter, Meter.customer_id == Customer.id)
        .outerjoin(MeterModel, MeterModel.id == Meter.model_id)
        .outerjoin(TariffScheme, TariffScheme.id == Meter.tariff_scheme_id)
        .where(day_between(Customer.registered_on, choice))
        .order_by(Customer.code, Meter.number)
    )  # fmt: skip
    for name, column in (
        ("customer", Customer.code),
        ("meter", Meter.number),
        ("customer_type", CustomerType.code),
    ):
        if choice.get(name):
            query = query.where(column == choice[name])
    if choice.get("status"):
        query = query.where(Customer.status == CustomerStatus(choice["status"]))
    for found in streamed(session, query):
        has_meter = found["meter"] is not None
        yield {
            "customer": found["customer"],
            "customer_name": found["customer_name"],
            "address": found["address"],
            "telephone": found["telephone"],
            "id_number": found["id_number"] or "",
            "customer_type": found["customer_type"],
            "status": str(found["status"]),
            "region": found["region"] or "",
            "registered_on": found["registered_on"],
            "meter": found["meter"] or "",
            "model": found["model"] or "",
            "tariff": found["tariff"] or "",
            "install_date": found["install_date"],
            "contract": str(found["contract_status"]) if has_meter else "",
            "debt": found["outstanding_debt"] if has_meter else None,
        }


REPORT = Report(
    name="customer-information",
    section="5.6",
    title=tr_noop(CONTEXT, "Customer information report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
