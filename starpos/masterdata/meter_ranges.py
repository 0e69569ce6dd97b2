"""Stock in a range of new meters by serial number (manual 3.1 "New Meter", by range).

A delivery of meters comes numbered in sequence: the first and the last meter number (with
their check digits) name every meter between them, all with the same key data (SGC, TI,
KRN, key type, base date, EA). The range is checked whole (same manufacturer, in order, at
most :data:`MOST_METERS`, none already in the store) before anything is written; then it
is one stock-in bill.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.models import Branch, MeterModel, Operator
from starpos.db.parameters import utility_now
from starpos.masterdata import bill_numbers, terms
from starpos.masterdata.changes import BadValueError, by_code, changing
from starpos.masterdata.meter_stock import MeterAlreadyRegisteredError, NewMeter
from starpos.masterdata.stock_in_bulk import StockedMeter, existing_numbers, insert_new_meters
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import MeterNumber, make_meter_number, parse_meter_number

MOST_METERS = 100_000


@dataclass(frozen=True)
class StockInResult:
    bill_number: str
    count: int
    first: str
    last: str


def meters_in_range(first: str, last: str) -> list[MeterNumber]:
    """Every meter number from ``first`` to ``last`` (both included, check digits made)."""
    start, end = parse_meter_number(first), parse_meter_number(last)
    if (start.iin, start.manufacturer_code) != (end.iin, end.manufacturer_code):
        raise BadValueError(
            field=terms.METER_RANGE, value=f"{first}-{last}", reason=terms.RANGE_MIXED
        )
    low, high = int(start.serial), int(end.serial)
    if high < low:
        raise BadValueError(
            field=terms.METER_RANGE, value=f"{first}-{last}", reason=terms.RANGE_BACKWARDS
        )
    if high - low + 1 > MOST_METERS:
        raise BadValueError(
            field=terms.METER_RANGE, value=f"{first}-{last}", reason=terms.RANGE_TOO_BIG
        )
    return [
        make_meter_number(start.iin, start.manufacturer_code, serial)
        for serial in range(low, high + 1)
    ]


def operator_id(session: Session, code: str) -> int | None:
    return session.scalar(select(Operator.id).where(Operator.code == code))


def numbering_here(
    session: Session, by: OperatorSession, branch_code: str = ""
) -> bill_numbers.NumberingContext:
    """Where and when a bill ``by`` makes now is numbered."""
    return bill_numbers.NumberingContext(
        utility_now(session),
        sales_point_code=by.sales_point_code or "",
        branch_code=branch_code,
        terminal_code=by.terminal_code or "",
    )


def stock_in_range(
    database: Database,
    by: OperatorSession,
    first: str,
    last: str,
    *,
    model_code: str,
    branch_code: str,
    key: NewMeter,
) -> StockInResult:
    """Stock in every meter from ``first`` to ``last`` with ``key``'s key data (its
    ``number`` is ignored), on one bill."""
    numbers = meters_in_range(first, last)
    subject = f"stock_in:{numbers[0].iain}-{numbers[-1].iain}"
    with changing(database, by, permissions.MANAGE_METERS, subject, "stock in range") as change:
        session = change.session
        model = by_code(session, MeterModel, model_code.strip().upper(), terms.METER_MODEL)
        branch = by_code(session, Branch, branch_code.strip().upper(), terms.BRANCH)
        taken = existing_numbers(session, (n.iain for n in numbers))
        if taken:
            raise MeterAlreadyRegisteredError(number=min(taken))
        bill = bill_numbers.next_number(
            session, bill_numbers.STOCK_IN, numbering_here(session, by, branch.code)
        )
        insert_new_meters(
            session,
            [StockedMeter(n, replace(key, number=n.iain), model.id, branch.id) for n in numbers],
            bill,
            operator_id=operator_id(session, by.code),
        )
        change.subject = f"stock_in:{bill}"
        change.details.update(
            bill=bill,
            count=len(numbers),
            first=numbers[0].iain,
            last=numbers[-1].iain,
            model=model.code,
            branch=branch.code,
            sgc=key.sgc,
            ti=key.ti,
            krn=key.krn,
        )
    return StockInResult(bill, len(numbers), numbers[0].iain, numbers[-1].iain)
