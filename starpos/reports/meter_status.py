"""Meter status report (manual 5.1), in detail (one row a meter) and in summary (how many
meters per model, using status or condition).

The manual's "using status" is ``using`` (installed for a customer) or ``in-warehouse`` (in
stock); the other stock states (issued for installation, at another branch, scrapped) show
as they are and are left out by either choice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import func, select

from starpos.db.enums import MeterCondition, StockStatus
from starpos.db.models import Branch, Customer, Meter, MeterModel
from starpos.i18n import tr_noop
from starpos.reports.shape import (
    CONTEXT,
    Column,
    ColumnKind,
    Filter,
    FilterKind,
    Report,
    Row,
    streamed,
)

USING = {"using": StockStatus.INSTALLED, "in-warehouse": StockStatus.IN_STOCK}
CONDITIONS = tuple(condition.value for condition in MeterCondition)

DETAIL_COLUMNS = (
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("model", tr_noop(CONTEXT, "Meter model")),
    Column("medium", tr_noop(CONTEXT, "Medium")),
    Column("stock_status", tr_noop(CONTEXT, "Using status")),
    Column("condition", tr_noop(CONTEXT, "Meter status")),
    Column("branch", tr_noop(CONTEXT, "Branch")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("install_date", tr_noop(CONTEXT, "Install date"), ColumnKind.DATE),
)

COMMON_FILTERS = (
    Filter("using", tr_noop(CONTEXT, "Using status"), FilterKind.CHOICE, tuple(USING)),
    Filter("condition", tr_noop(CONTEXT, "Meter status"), FilterKind.CHOICE, CONDITIONS),
    Filter("model", tr_noop(CONTEXT, "Meter model")),
)

#: What the summary counts by, and the column it groups on.
SUMMARY_BY = {
    "model": MeterModel.code,
    "using": Meter.stock_status,
    "condition": Meter.condition,
}

SUMMARY_COLUMNS = (
    Column("group", tr_noop(CONTEXT, "Group")),
    Column("meters", tr_noop(CONTEXT, "Meters"), ColumnKind.INTEGER, total=True),
)


def _filtered(query: Any, choice: Mapping[str, Any]) -> Any:
    if choice.get("using"):
        query = query.where(Meter.stock_status == USING[choice["using"]])
    if choice.get("condition"):
        query = query.where(Meter.condition == MeterCondition(choice["condition"]))
    if choice.get("model"):
        query = query.where(MeterModel.code == choice["model"])
    return query


def detail_rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    query = (
        select(
            Meter.number, MeterModel.code.label("model"), Meter.medium, Meter.stock_status,
            Meter.condition, Branch.code.label("branch"), Customer.code.label("customer"),
            Meter.install_date,
        )
        .join(MeterModel, MeterModel.id == Meter.model_id)
        .outerjoin(Branch, Branch.id == Meter.branch_id)
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .order_by(Meter.number)
    )  # fmt: skip
    for found in streamed(session, _filtered(query, choice)):
        yield {
            "meter": found["number"],
            "model": found["model"],
            "medium": str(found["medium"]),
            "stock_status": str(found["stock_status"]),
            "condition": str(found["condition"]),
            "branch": found["branch"] or "",
            "customer": found["customer"] or "",
            "install_date": found["install_date"],
        }


def summary_rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    group = SUMMARY_BY[choice.get("by") or "model"]
    query = (
        select(group.label("group"), func.count(Meter.id).label("meters"))
        .join(MeterModel, MeterModel.id == Meter.model_id)
        .group_by(group)
        .order_by(group)
    )
    for found in streamed(session, _filtered(query, choice)):
        yield {"group": str(found["group"]), "meters": found["meters"]}


DETAIL = Report(
    name="meter-status",
    section="5.1",
    title=tr_noop(CONTEXT, "Meter status report (detail)"),
    columns=DETAIL_COLUMNS,
    filters=COMMON_FILTERS,
    rows=detail_rows,
)

SUMMARY = Report(
    name="meter-status-summary",
    section="5.1",
    title=tr_noop(CONTEXT, "Meter status report (summary)"),
    columns=SUMMARY_COLUMNS,
    filters=(
        Filter("by", tr_noop(CONTEXT, "Summary by"), FilterKind.CHOICE, tuple(SUMMARY_BY), "model"),
        *COMMON_FILTERS,
    ),
    rows=summary_rows,
)
