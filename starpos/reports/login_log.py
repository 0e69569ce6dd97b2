"""Login log report (manual 5.8): operators' logins, failed logins and logouts, from the
audit log (the same chained entries ``starpos audit verify`` checks)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import or_, select

from starpos.audit.log import AuditKind
from starpos.db.models import AuditEntry
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

KINDS = (AuditKind.LOGIN.value, AuditKind.LOGIN_FAILED.value, AuditKind.LOGOUT.value)

COLUMNS = (
    Column("date", tr_noop(CONTEXT, "Date"), ColumnKind.DATETIME),
    Column("event", tr_noop(CONTEXT, "Event")),
    Column("operator", tr_noop(CONTEXT, "Operator")),
    Column("sales_point", tr_noop(CONTEXT, "Sales point")),
    Column("terminal", tr_noop(CONTEXT, "Terminal")),
    Column("details", tr_noop(CONTEXT, "Details")),
)

FILTERS = (
    *date_range(tr_noop(CONTEXT, "First day"), tr_noop(CONTEXT, "Last day")),
    Filter("operator", tr_noop(CONTEXT, "Operator")),
    Filter("event", tr_noop(CONTEXT, "Event"), FilterKind.CHOICE, KINDS),
)


def _details(text: str) -> str:
    try:
        values = json.loads(text)
    except ValueError:
        return text
    if not isinstance(values, dict):
        return text
    return ", ".join(f"{key}={value}" for key, value in sorted(values.items()))


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    zone = utility_zone(session)
    query = (
        select(
            AuditEntry.occurred_at, AuditEntry.kind, AuditEntry.operator_code,
            AuditEntry.sales_point_code, AuditEntry.terminal_code, AuditEntry.subject,
            AuditEntry.details,
        )
        .where(AuditEntry.kind.in_(KINDS), moment_between(AuditEntry.occurred_at, choice, zone))
        .order_by(AuditEntry.id)
    )  # fmt: skip
    if choice.get("event"):
        query = query.where(AuditEntry.kind == choice["event"])
    if choice.get("operator"):
        code = choice["operator"]
        query = query.where(
            or_(AuditEntry.operator_code == code, AuditEntry.subject == f"operator:{code}")
        )
    for found in streamed(session, query):
        # A failed login names the code typed in its subject when no operator was found.
        operator = found["operator_code"] or found["subject"].removeprefix("operator:")
        yield {
            "date": local(found["occurred_at"], zone),
            "event": found["kind"],
            "operator": operator,
            "sales_point": found["sales_point_code"] or "",
            "terminal": found["terminal_code"] or "",
            "details": _details(found["details"]),
        }


REPORT = Report(
    name="login-log",
    section="5.8",
    title=tr_noop(CONTEXT, "Login log report"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
