"""Engineering token report (manual 5.7): the token operations' own report
(:mod:`starpos.tokenops.report`) in the shape every report has."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from starpos.db.enums import TokenOperationKind, TokenOperationState
from starpos.i18n import tr_noop
from starpos.reports.bounds import day_bounds
from starpos.reports.shape import (
    CONTEXT,
    Column,
    ColumnKind,
    Filter,
    FilterKind,
    Report,
    Row,
    date_range,
)
from starpos.tokenops.report import COLUMNS as TOKENOPS_COLUMNS
from starpos.tokenops.report import ReportFilter, report_rows

COLUMNS = (
    Column("date", tr_noop(CONTEXT, "Date"), ColumnKind.DATETIME),
    Column("batch", tr_noop(CONTEXT, "Batch")),
    Column("position", tr_noop(CONTEXT, "Position"), ColumnKind.INTEGER),
    Column("operator", tr_noop(CONTEXT, "Operator")),
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("kind", tr_noop(CONTEXT, "Token kind")),
    Column("value", tr_noop(CONTEXT, "Value")),
    Column("unit", tr_noop(CONTEXT, "Unit")),
    Column("energy_kwh", tr_noop(CONTEXT, "Energy (kWh)"), ColumnKind.ENERGY, total=True),
    Column("state", tr_noop(CONTEXT, "State")),
    Column("tid", tr_noop(CONTEXT, "TID"), ColumnKind.INTEGER),
    Column("tokens", tr_noop(CONTEXT, "Tokens")),
    Column("failure_reason", tr_noop(CONTEXT, "Failure reason")),
    Column("print_count", tr_noop(CONTEXT, "Prints"), ColumnKind.INTEGER),
)
assert tuple(column.key for column in COLUMNS) == TOKENOPS_COLUMNS

FILTERS = (
    *date_range(tr_noop(CONTEXT, "First day"), tr_noop(CONTEXT, "Last day")),
    Filter(
        "kind",
        tr_noop(CONTEXT, "Token kind"),
        FilterKind.CHOICE,
        tuple(kind.value for kind in TokenOperationKind),
    ),
    Filter(
        "state",
        tr_noop(CONTEXT, "State"),
        FilterKind.CHOICE,
        tuple(state.value for state in TokenOperationState),
    ),
    Filter("meter", tr_noop(CONTEXT, "Meter")),
    Filter("batch", tr_noop(CONTEXT, "Batch")),
)


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    begin, end = day_bounds(choice)
    chosen = ReportFilter(
        begin=begin,
        end=end,
        kind=TokenOperationKind(choice["kind"]) if choice.get("kind") else None,
        state=TokenOperationState(choice["state"]) if choice.get("state") else None,
        meter=choice.get("meter") or None,
        batch=choice.get("batch") or None,
    )
    for row in report_rows(session, chosen):
        yield {**row, "date": datetime.fromisoformat(row["date"])}


REPORT = Report(
    name="engineering-tokens",
    section="5.7",
    title=tr_noop(CONTEXT, "Engineering token report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
