"""The token cancels a shift paid back (manual 4.5; decision SHF-08).

A cancel is a new record in the shift where it happens, never a change to the shift that
made the sale (whose Z may be closed and immutable by then): the sale stays a sale of its
shift, and the cancel counts in the shift that was not closed on the cancel's till when
its refund was booked (``token_cancels.completed_at``, state DONE). The till is the
cancel's terminal, or its sales point when it names none, as for a sale (SHF-01). Where
several cashiers have a shift on that till, one of them counts it (:func:`_owner`).

The refund goes back the way the sale was paid (its payment method): a cash sale's refund
leaves the drawer and lowers the expected cash; a card payment's lowers that method's
expected total. A PENDING or FAILED cancel refunded nothing and is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, and_, select
from sqlalchemy.orm import Session

from starpos.db.enums import PaymentKind, ShiftState, TokenCancelState
from starpos.db.models import PaymentTerm, Shift, SystemParameters, TokenCancel, Vend
from starpos.shifts.errors import CancelInCountedShiftError, CancelWithoutShiftError

_CANCELS = cast(Table, TokenCancel.__table__)
_VENDS = cast(Table, Vend.__table__)
_TERMS = cast(Table, PaymentTerm.__table__)


@dataclass(frozen=True)
class ShiftCancels:
    """A shift's token cancels: how many, what the cancelled sales took (``amount``), the
    cancel charges kept, what was paid back (``refund``; per payment method in ``refunds``,
    out of the drawer in ``cash_refund``) and the energy the zero-energy tokens voided."""

    count: int
    amount: Decimal
    charge: Decimal
    refund: Decimal
    energy_kwh: Decimal
    cash_refund: Decimal
    refunds: dict[str, Decimal] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "amount": self.amount,
            "charge": self.charge,
            "refund": self.refund,
            "energy_kwh": self.energy_kwh,
            "cash_refund": self.cash_refund,
            "refunds": dict(self.refunds),
        }


def shift_cancels(session: Session, shift: Shift, zero: Decimal) -> ShiftCancels:
    """The cancels ``shift`` paid back (read in the caller's transaction)."""
    if shift.terminal_id is not None:
        till = _CANCELS.c.terminal_id == shift.terminal_id
    else:
        till = and_(
            _CANCELS.c.terminal_id.is_(None), _CANCELS.c.sales_point_id == shift.sales_point_id
        )
    when = [_CANCELS.c.completed_at >= shift.opened_at]
    if shift.closed_at is not None:
        when.append(_CANCELS.c.completed_at <= shift.closed_at)
    rows = (
        session.connection()
        .execute(
            select(
                _CANCELS.c.operator_id,
                _CANCELS.c.completed_at,
                _VENDS.c.shift_id,
                _TERMS.c.code,
                _TERMS.c.kind,
                _CANCELS.c.amount,
                _CANCELS.c.charge,
                _CANCELS.c.refund,
                _VENDS.c.token_kwh,
            )
            .select_from(
                _CANCELS.join(_VENDS, _VENDS.c.id == _CANCELS.c.vend_id).join(
                    _TERMS, _TERMS.c.id == _VENDS.c.payment_term_id
                )
            )
            .where(_CANCELS.c.state == TokenCancelState.DONE, till, *when)
            .order_by(_CANCELS.c.id)
        )
        .all()
    )
    others = _other_shifts(session, shift) if rows else []
    count, amount, charge, refund, cash, energy = 0, zero, zero, zero, zero, Decimal("0.0")
    refunds: dict[str, Decimal] = {}
    for operator_id, at, sale_shift, code, kind, took, kept, paid, kwh in rows:
        if _owner(shift, others, operator_id, at, sale_shift) != shift.id:
            continue
        count += 1
        amount += took
        charge += kept
        refund += paid
        energy += kwh or Decimal("0.0")
        refunds[code] = refunds.get(code, zero) + paid
        if PaymentKind(kind) == PaymentKind.CASH:
            cash += paid
    return ShiftCancels(count, amount, charge, refund, energy, cash, dict(sorted(refunds.items())))


def _other_shifts(session: Session, shift: Shift) -> list[Shift]:
    """The till's other shifts that were open at some time in ``shift`` (one per cashier
    may be: the counter's sales point, say, with two cashiers)."""
    query = select(Shift).where(
        Shift.till == shift.till,
        Shift.id != shift.id,
        (Shift.closed_at.is_(None)) | (Shift.closed_at >= shift.opened_at),
    )
    if shift.closed_at is not None:
        query = query.where(Shift.opened_at <= shift.closed_at)
    return list(session.scalars(query))


def _owner(
    shift: Shift, others: list[Shift], operator_id: int, at: datetime, sale_shift: int | None
) -> int:
    """Which of the till's shifts open at ``at`` paid the cancel (:func:`_payer`)."""
    open_then = [
        candidate
        for candidate in (shift, *others)
        if candidate.opened_at <= at and (candidate.closed_at is None or at <= candidate.closed_at)
    ]
    return _payer(open_then, operator_id, sale_shift).id


def _payer(candidates: list[Shift], operator_id: int, sale_shift: int | None) -> Shift:
    """The one of ``candidates`` (a till's shifts open at one moment) that pays a cancel: the
    canceller's own, else the one that made the sale, else the latest opened; so a cancel
    counts once."""
    for candidate in candidates:
        if candidate.operator_id == operator_id:
            return candidate
    for candidate in candidates:
        if candidate.id == sale_shift:
            return candidate
    return max(candidates, key=lambda candidate: (candidate.opened_at, candidate.id))


def check_cancel_till(
    session: Session, till: str, operator_id: int, sale_shift: int | None
) -> None:
    """Refuse a cancel booked now on ``till`` when the shift that would pay it is counted
    and not closed (ENDED), as a sale is refused there (SHF-10): its refund would leave a
    drawer already counted and show as a variance at the close. No shift not closed on the
    till: refused where sales need a shift (SHF-14: the refund would leave no drawer); a
    store that sells without shifts takes the cancel in none (SHF-08)."""
    unclosed = list(
        session.scalars(select(Shift).where(Shift.till == till, Shift.state != ShiftState.CLOSED))
    )
    if not unclosed:
        required = session.scalar(
            select(SystemParameters.shift_required).where(SystemParameters.id == 1)
        )
        if required:
            raise CancelWithoutShiftError(till=till)
        return
    payer = _payer(unclosed, operator_id, sale_shift)
    if payer.state == ShiftState.ENDED:
        raise CancelInCountedShiftError(shift=payer.id, till=till)
