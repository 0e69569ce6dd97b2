"""Reading token operations back: the engineering token report (manual 5.7), one batch, and
the latest batches.

Every row reads as one flat record (times in the utility's wall clock), the same for the
command's JSON, its CSV and the printed batch list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.models import Customer, Meter, Operator, TokenOperation
from starpos.db.parameters import to_local, to_utc
from starpos.tokenops import errors, kinds

#: The report's columns, in order (CSV header and JSON keys).
COLUMNS = (
    "date", "batch", "position", "operator", "meter", "customer", "kind", "value", "unit",
    "energy_kwh", "state", "tid", "tokens", "failure_reason", "print_count",
)  # fmt: skip


@dataclass(frozen=True)
class ReportFilter:
    """Which rows: made from ``begin`` to ``end`` (dates of the utility's calendar, both
    included), of one ``kind``, ``state``, ``meter`` or ``batch`` (None: any)."""

    begin: date | None = None
    end: date | None = None
    kind: Kind | None = None
    state: State | None = None
    meter: str | None = None
    batch: str | None = None


def _query() -> Select[TokenOperation, str, str, str, str]:
    return (
        select(TokenOperation, Meter.number, Operator.code, Customer.code, Customer.name)
        .join(Meter, Meter.id == TokenOperation.meter_id)
        .join(Operator, Operator.id == TokenOperation.operator_id)
        .outerjoin(Customer, Customer.id == Meter.customer_id)
    )


def _record(session: Session, row: Any) -> dict[str, Any]:
    operation, number, operator, customer_code, customer_name = row
    moment = operation.issued_at or operation.failed_at or operation.created_at
    kind = Kind(operation.kind)
    return {
        "date": to_local(session, moment).isoformat(sep=" ", timespec="minutes"),
        "batch": operation.batch_id,
        "position": operation.position,
        "operator": operator,
        "meter": number,
        "customer": f"{customer_code} {customer_name}" if customer_code else "",
        "kind": kind.value,
        "value": operation.value,
        "unit": kinds.UNITS.get(kind, ""),
        "energy_kwh": operation.energy_kwh,
        "state": State(operation.state).value,
        "tid": operation.tid,
        "tokens": operation.token_list,
        "failure_reason": operation.failure_reason,
        "print_count": operation.print_count,
    }


def report_rows(session: Session, chosen: ReportFilter) -> Iterator[dict[str, Any]]:
    """The rows ``chosen`` names, oldest first."""
    query = _query().order_by(TokenOperation.created_at, TokenOperation.id)
    if chosen.begin is not None:
        start = to_utc(session, datetime.combine(chosen.begin, time()))
        query = query.where(TokenOperation.created_at >= start)
    if chosen.end is not None:
        stop = to_utc(session, datetime.combine(chosen.end + timedelta(days=1), time()))
        query = query.where(TokenOperation.created_at < stop)
    if chosen.kind is not None:
        query = query.where(TokenOperation.kind == chosen.kind)
    if chosen.state is not None:
        query = query.where(TokenOperation.state == chosen.state)
    if chosen.meter:
        query = query.where(Meter.number == chosen.meter)
    if chosen.batch:
        query = query.where(TokenOperation.batch_id == chosen.batch)
    for row in session.execute(query.execution_options(yield_per=1000)):
        yield _record(session, row)


def batch_rows(session: Session, batch_id: str) -> list[dict[str, Any]]:
    """Every row of one batch in its order; :class:`UnknownBatchError` if there is none."""
    rows = list(report_rows(session, ReportFilter(batch=batch_id)))
    if not rows:
        raise errors.UnknownBatchError(batch=batch_id)
    return sorted(rows, key=lambda record: record["position"])


def operation_row(session: Session, batch_id: str, position: int) -> dict[str, Any]:
    """One row of a batch by its position."""
    row = session.execute(
        _query().where(TokenOperation.batch_id == batch_id, TokenOperation.position == position)
    ).first()
    if row is None:
        raise errors.UnknownOperationError(batch=batch_id, position=position)
    return _record(session, row)


def latest_batches(session: Session, limit: int = 20) -> list[dict[str, Any]]:
    """The latest batches first: when, who, what, and how many rows are in each state."""
    started = func.min(TokenOperation.created_at)
    found = session.execute(
        select(
            TokenOperation.batch_id, TokenOperation.kind, Operator.code, started,
            func.count(), func.sum(TokenOperation.energy_kwh),
        )
        .join(Operator, Operator.id == TokenOperation.operator_id)
        .group_by(TokenOperation.batch_id, TokenOperation.kind, Operator.code)
        .order_by(started.desc())
        .limit(limit)
    ).all()  # fmt: skip
    batches = []
    for batch_id, kind, operator, first, count, energy in found:
        states = dict(
            session.execute(
                select(TokenOperation.state, func.count())
                .where(TokenOperation.batch_id == batch_id)
                .group_by(TokenOperation.state)
            ).all()
        )
        batches.append(
            {
                "batch": batch_id,
                "date": to_local(session, first).isoformat(sep=" ", timespec="minutes"),
                "operator": operator,
                "kind": Kind(kind).value,
                "meters": count,
                "energy_kwh": energy,
                **{state.value: states.get(state, 0) for state in State},
            }
        )
    return batches
