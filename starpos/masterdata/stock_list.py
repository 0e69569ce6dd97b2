"""Reading the meter stock: the list a page at a time, and one meter's history.

The list answers one page (``limit`` rows from ``offset``) in the order asked, with the
number of meters the filters match, so a screen over 100,000 meters reads only what it
shows (docs/benchmarks.md, "Meter stock"). A meter's history is its stock movements, each
on its bill, and its status changes, each with its reason, in time order.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from starpos.audit.log import AuditKind
from starpos.db.enums import MeterCondition, StockStatus
from starpos.db.models import (
    AuditEntry,
    Branch,
    Customer,
    Meter,
    MeterModel,
    Operator,
    StockMovement,
)
from starpos.db.parameters import SystemParametersMissingError, utility_zone
from starpos.i18n import Term, tr_noop
from starpos.masterdata.bill_checks import CHECKED, HISTORY_KINDS, UNCHECKED, bill_events
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.stock_moves import STATUS_ACTION
from starpos.sts.meter_number import parse_meter_number

#: What the list can be sorted by, and the column each sorts on (then by number).
ORDERS = {
    "number": Meter.number,
    "model": MeterModel.code,
    "branch": Branch.code,
    "stock": Meter.stock_status,
    "status": Meter.condition,
    "customer": Customer.code,
    "stocked_in": Meter.created_at,
}


@dataclass(frozen=True)
class StockFilter:
    """Which meters the list shows: every one when a field is empty."""

    search: str = ""  # a part of the meter number
    stock: StockStatus | None = None
    status: MeterCondition | None = None
    branch: str = ""
    model: str = ""


@dataclass(frozen=True)
class StockRow:
    number: str
    model: str
    branch: str
    stock: str
    status: str
    customer: str
    sgc: str
    ti: int
    krn: int
    stocked_in: datetime

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StockListPage:
    rows: list[StockRow]
    total: int
    offset: int


@dataclass(frozen=True)
class HistoryEntry:
    """One event of a meter's life: a movement (``bill``) or a status change (``reason``)."""

    at: datetime
    kind: str
    bill: str
    branch: str
    other_branch: str
    origin_bill: str
    status: str
    operator: str
    drawer: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _filtered(query: Select[*tuple[Any, ...]], chosen: StockFilter) -> Select[*tuple[Any, ...]]:
    if chosen.search.strip():
        query = query.where(Meter.number.contains(chosen.search.strip(), autoescape=True))
    if chosen.stock is not None:
        query = query.where(Meter.stock_status == chosen.stock)
    if chosen.status is not None:
        query = query.where(Meter.condition == chosen.status)
    if chosen.branch:
        query = query.where(Branch.code == chosen.branch.strip().upper())
    if chosen.model:
        query = query.where(MeterModel.code == chosen.model.strip().upper())
    return query


def _joined(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return (
        query.join(MeterModel, Meter.model_id == MeterModel.id)
        .outerjoin(Branch, Meter.branch_id == Branch.id)
        .outerjoin(Customer, Meter.customer_id == Customer.id)
    )


def stock_page(
    session: Session,
    chosen: StockFilter = StockFilter(),
    *,
    order: str = "number",
    descending: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> StockListPage:
    """``limit`` meters from ``offset`` in ``order`` (a key of :data:`ORDERS`), and how
    many the filters match."""
    column = ORDERS[order]
    rows = session.execute(
        _filtered(
            _joined(
                select(
                    Meter.number,
                    MeterModel.code,
                    Branch.code,
                    Meter.stock_status,
                    Meter.condition,
                    Customer.code,
                    Meter.sgc,
                    Meter.ti,
                    Meter.krn,
                    Meter.created_at,
                )
            ),
            chosen,
        )
        .order_by(column.desc() if descending else column, Meter.number)
        .limit(limit)
        .offset(offset)
    ).all()
    counted = select(func.count()).select_from(Meter)
    if chosen.branch or chosen.model:
        counted = counted.join(MeterModel, Meter.model_id == MeterModel.id).outerjoin(
            Branch, Meter.branch_id == Branch.id
        )
    total = session.scalar(_filtered(counted, chosen)) or 0
    return StockListPage(
        [
            StockRow(
                number,
                model,
                branch or "",
                str(stock),
                str(status),
                customer or "",
                sgc,
                ti,
                krn,
                stocked_in,
            )
            for number, model, branch, stock, status, customer, sgc, ti, krn, stocked_in in rows
        ],
        int(total),
        offset,
    )


def stock_choices(session: Session) -> tuple[list[str], list[str]]:
    """The branch codes and the meter model codes a filter may choose."""
    return (
        list(session.scalars(select(Branch.code).order_by(Branch.code))),
        list(session.scalars(select(MeterModel.code).order_by(MeterModel.code))),
    )


def meter_history(session: Session, number_text: str) -> list[HistoryEntry]:
    """Every stock movement and status change of the meter, oldest first."""
    number = parse_meter_number(number_text).iain
    meter_id = session.scalar(select(Meter.id).where(Meter.number == number))
    if meter_id is None:
        raise UnknownMeterError(number=number)
    other = aliased(Branch)
    moves = session.execute(
        select(
            StockMovement.moved_at,
            StockMovement.kind,
            StockMovement.bill_number,
            Branch.code,
            other.code,
            StockMovement.origin_bill_number,
            StockMovement.condition,
            Operator.code,
            StockMovement.drawer,
        )
        .join(Branch, StockMovement.branch_id == Branch.id)
        .outerjoin(other, StockMovement.other_branch_id == other.id)
        .outerjoin(Operator, StockMovement.operator_id == Operator.id)
        .where(StockMovement.meter_id == meter_id)
    ).all()
    entries = [
        HistoryEntry(
            at,
            str(kind),
            bill,
            branch,
            other_code or "",
            origin or "",
            str(condition),
            operator or "",
            drawer,
            "",
        )
        for at, kind, bill, branch, other_code, origin, condition, operator, drawer in moves
    ]
    changes = session.execute(
        select(AuditEntry.occurred_at, AuditEntry.operator_code, AuditEntry.details).where(
            AuditEntry.subject == f"meter:{number}",
            AuditEntry.kind == AuditKind.MASTER_DATA_CHANGE.value,
        )
    ).all()
    for at, operator, details in changes:
        facts = json.loads(details)
        if facts.get("action") != STATUS_ACTION:
            continue
        entries.append(
            HistoryEntry(
                datetime.fromisoformat(facts["changed_at"]) if "changed_at" in facts else at,
                STATUS_ACTION,
                "",
                "",
                "",
                "",
                str(facts.get("status", "")),
                operator or "",
                "",
                str(facts.get("reason", "")),
            )
        )
    # The checks of the meter's bills (manual 3.1, BO-19), where they happened.
    for event in bill_events(session, {entry.bill for entry in entries if entry.bill}):
        kind = HISTORY_KINDS[CHECKED if event.checked else UNCHECKED]
        entries.append(
            HistoryEntry(event.at, kind, event.bill, "", "", "", "", event.operator, "", "")
        )
    # The times as the utility's clock reads them (its time zone, a system parameter), not
    # this computer's (BO-28); the same moments, so the order is the same.
    zone = local_zone(session)
    return sorted(
        (replace(entry, at=entry.at.astimezone(zone)) for entry in entries),
        key=lambda entry: entry.at,
    )


def local_zone(session: Session) -> tzinfo:
    """The utility's time zone; UTC in a store without system parameters yet."""
    try:
        return utility_zone(session)
    except SystemParametersMissingError:
        return UTC


#: What each event of a meter's history reads as (context ``terms``, translated when shown).
KIND_TERMS = {
    "in_new": Term(tr_noop("terms", "Stock in: new meter")),
    "in_replaced": Term(tr_noop("terms", "Stock in: replaced meter")),
    "in_from_branch": Term(tr_noop("terms", "Stock in: from another branch")),
    "in_cancelled_contract": Term(tr_noop("terms", "Stock in: cancelled contract")),
    "out_installation": Term(tr_noop("terms", "Stock out: for installation")),
    "out_to_branch": Term(tr_noop("terms", "Stock out: to another branch")),
    STATUS_ACTION: Term(tr_noop("terms", "Status changed")),
    HISTORY_KINDS[CHECKED]: Term(tr_noop("terms", "Bill checked")),
    HISTORY_KINDS[UNCHECKED]: Term(tr_noop("terms", "Bill unchecked")),
}

#: Where a meter is, as the stock screen reads it (context ``terms``).
STOCK_TERMS = {
    StockStatus.IN_STOCK: Term(tr_noop("terms", "In stock")),
    StockStatus.ISSUED: Term(tr_noop("terms", "Out for installation")),
    StockStatus.INSTALLED: Term(tr_noop("terms", "Installed")),
    StockStatus.AT_OTHER_BRANCH: Term(tr_noop("terms", "Sent to another branch")),
    StockStatus.SCRAPPED: Term(tr_noop("terms", "Scrapped")),
}
