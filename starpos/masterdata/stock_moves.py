"""The administrator's stock movements (manual 3.1-3.2), each one audited transaction.

:mod:`starpos.masterdata.meter_stock` moves meters inside a caller's session; here each
movement is an operator's change (:func:`~starpos.masterdata.changes.changing`): it needs
``manage_meters``, takes its bill number from the numbering rules, writes its audit entry
with the bill, and a refusal anywhere (one meter of ten not in stock) leaves every meter
where it was. A meter's status (Good, Maintenance, Scrap) is not a movement: it changes
without a bill, with a reason, in the audit log (docs/decisions.md BO-15).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import MeterCondition, StockStatus
from starpos.db.models import Branch, Meter
from starpos.errors import StorageError
from starpos.i18n import Term, tr_noop
from starpos.masterdata import meter_stock, terms
from starpos.masterdata.changes import BadValueError, by_code, changing
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.meter_ranges import (
    MOST_METERS,
    StockInResult,
    numbering_here,
    operator_id,
    stock_in_range,
)
from starpos.masterdata.meter_stock import (
    NewMeter,
)
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import make_meter_number, parse_meter_number

#: The subject of a status change's audit entry, which :func:`status_changes` reads back.
STATUS_ACTION = "status"
REASON = Term(tr_noop("terms", "Reason"))
METER_NUMBERS = Term(tr_noop("terms", "Meter numbers"))
GIVE_A_REASON = Term(tr_noop("terms", "say why the status changes (at most 200 characters)."))
GIVE_A_METER = Term(tr_noop("terms", "name at least one meter, each once."))


class MeterInstalledStatusError(StorageError):
    code = "storage.meter_installed_status"
    template = (
        "Meter {number} is installed for a customer; its status is set when it comes back "
        "to stock (replacement or cancelled contract)."
    )


@dataclass(frozen=True)
class StockMoveResult:
    """A stock movement's bill and the meters on it (their IAINs, in the order given)."""

    bill_number: str
    count: int
    meters: tuple[str, ...]


def _numbers(texts: Sequence[str]) -> list[str]:
    numbers = [parse_meter_number(text).iain for text in texts]
    if not numbers or len(set(numbers)) != len(numbers):
        raise BadValueError(
            field=METER_NUMBERS, value=" ".join(texts)[:60] or "-", reason=GIVE_A_METER
        )
    return numbers


def stock_in_meter(
    database: Database, by: OperatorSession, key: NewMeter, *, model_code: str, branch_code: str
) -> StockInResult:
    """One new meter (``key.number`` with its key data) into stock on its own bill."""
    return stock_in_range(
        database, by, key.number, key.number, model_code=model_code, branch_code=branch_code,
        key=key,
    )  # fmt: skip


def last_of_range(first: str, count: int) -> str:
    """The meter number ``count`` serial numbers on from ``first`` (both counted)."""
    start = parse_meter_number(first)
    if not 1 <= count <= MOST_METERS:
        raise BadValueError(field=terms.METER_RANGE, value=str(count), reason=terms.RANGE_TOO_BIG)
    # Past serial 99999999 the engine refuses the number it cannot make.
    serial = int(start.serial) + count - 1
    return make_meter_number(start.iin, start.manufacturer_code, serial).iain


def stock_out_meters(
    database: Database,
    by: OperatorSession,
    numbers: Sequence[str],
    *,
    to_branch: str | None = None,
    drawer: str = "",
) -> StockMoveResult:
    """Meters out of stock on one bill: for installation (only Good ones, else
    ``MeterNotGoodError``), or, with ``to_branch``, to another branch (whatever their
    status: a branch may repair them)."""
    meters = _numbers(numbers)
    target = to_branch.strip().upper() if to_branch else None
    action = f"stock out to {target}" if target else "stock out for installation"
    with changing(database, by, permissions.MANAGE_METERS, "stock_out", action) as change:
        session = change.session
        branch_code = ""
        if target is not None:
            branch_code = by_code(session, Branch, target, terms.BRANCH).code
        bill = meter_stock.stock_out(
            session,
            meters,
            to_other_branch=target,
            drawer=drawer.strip()[:80],
            numbering=numbering_here(session, by, branch_code),
            operator_id=operator_id(session, by.code),
        )
        change.subject = f"stock_out:{bill}"
        change.details.update(bill=bill, meters=meters, to_branch=target, drawer=drawer)
    return StockMoveResult(bill, len(meters), tuple(meters))


def receive_from_branch(
    database: Database,
    by: OperatorSession,
    numbers: Sequence[str],
    *,
    origin_bill_number: str | None = None,
) -> StockMoveResult:
    """Meters another branch stocked out to this one, into stock here on one bill."""
    meters = _numbers(numbers)
    with changing(
        database, by, permissions.MANAGE_METERS, "stock_in", "stock in from branch"
    ) as change:
        session = change.session
        bill = meter_stock.stock_in_from_branch(
            session,
            meters,
            numbering=numbering_here(session, by),
            origin_bill_number=origin_bill_number.strip() if origin_bill_number else None,
            operator_id=operator_id(session, by.code),
        )
        change.subject = f"stock_in:{bill}"
        change.details.update(bill=bill, meters=meters, origin_bill=origin_bill_number)
    return StockMoveResult(bill, len(meters), tuple(meters))


def set_meter_status(
    database: Database,
    by: OperatorSession,
    number_text: str,
    condition: MeterCondition,
    reason: str,
) -> MeterCondition:
    """Mark a meter that is not installed Good, Maintenance or Scrap, saying why; the status
    it had before."""
    number = parse_meter_number(number_text).iain
    why = reason.strip()
    if not why or len(why) > 200:
        raise BadValueError(field=REASON, value=why[:40] or "-", reason=GIVE_A_REASON)
    with changing(
        database, by, permissions.MANAGE_METERS, f"meter:{number}", STATUS_ACTION
    ) as change:
        (meter,) = _rows(change.session, [number])
        if meter.stock_status is StockStatus.INSTALLED:
            raise MeterInstalledStatusError(number=number)
        before = meter.condition
        meter.condition = condition
        # The audit entry's own time is to the second; the history orders a status change
        # among the meter's moves (stored to the microsecond) by this one.
        change.details.update(
            before=before.value, status=condition.value, reason=why, changed_at=utc_now()
        )
    return before


def _rows(session: Session, numbers: Sequence[str]) -> list[Meter]:
    """The meters numbered ``numbers``, in that order; the first unknown one refuses."""
    found = {
        meter.number: meter
        for meter in session.scalars(select(Meter).where(Meter.number.in_(numbers)))
    }
    for number in numbers:
        if number not in found:
            raise UnknownMeterError(number=number)
    return [found[number] for number in numbers]
