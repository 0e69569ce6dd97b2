"""The supervisor's close of a counted shift: expected against counted per payment method,
the variance, the approval a variance above the threshold needs, and the Z, all in one
transaction (a kill at any point leaves the shift ENDED with no Z, or CLOSED with its Z).

The cashier and the closing supervisor are two operators unless the store allows one-person
closes (``shift_self_close``). A variance above ``shift_variance_threshold`` (per payment
method) stops the close until the cashier recounts (:func:`~starpos.shifts.lifecycle.end_shift`
again) or an operator with the approve permission gives a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import ShiftState, ZKind
from starpos.db.models import Shift, ShiftCount
from starpos.db.parameters import system_parameters
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.crash_points import AFTER_CLOSE_COMMIT, BEFORE_CLOSE_COMMIT, crash_point
from starpos.shifts.lifecycle import refuse_pending_sales
from starpos.shifts.records import audit, find_shift, operator_code, place_of
from starpos.shifts.totals import ShiftTotals, shift_totals
from starpos.shifts.zreport import ZInfo, make_z, z_info


@dataclass(frozen=True)
class CountLine:
    """One payment method at the close."""

    payment: str
    expected: Decimal
    counted: Decimal

    @property
    def variance(self) -> Decimal:
        """Counted minus expected: negative when the drawer is short."""
        return self.counted - self.expected

    def as_dict(self) -> dict[str, Any]:
        return {
            "payment": self.payment,
            "expected": self.expected,
            "counted": self.counted,
            "variance": self.variance,
        }


@dataclass(frozen=True)
class CloseResult:
    totals: ShiftTotals
    lines: tuple[CountLine, ...]
    reason: str
    z: ZInfo

    @property
    def variance(self) -> Decimal:
        return sum((line.variance for line in self.lines), Decimal(0))

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": [line.as_dict() for line in self.lines],
            "variance": self.variance,
            "reason": self.reason,
            "z": self.z.as_dict(),
        }


def count_lines(session: Session, shift: Shift, totals: ShiftTotals) -> tuple[CountLine, ...]:
    """Expected against counted for every payment method either side names."""
    counted = {row.payment: row.counted for row in shift.counts}
    zero = Decimal(0).quantize(Decimal(1).scaleb(-system_parameters(session).amount_decimals))
    payments = sorted(set(counted) | set(totals.expected))
    return tuple(CountLine(p, totals.expected.get(p, zero), counted.get(p, zero)) for p in payments)


def close_shift(
    database: Database,
    supervisor: OperatorSession,
    shift_id: int,
    *,
    approve_reason: str = "",
) -> CloseResult:
    """Close the ENDED shift ``shift_id`` and make its Z."""
    supervisor.require(permissions.CLOSE_SHIFT)
    reason = approve_reason.strip()
    with database.unit_of_work() as uow:
        session = uow.session
        parameters = system_parameters(session)
        shift = find_shift(session, shift_id, lock=True)
        if shift.state != ShiftState.ENDED:
            raise errors.ShiftStateError(shift=shift.id, state=shift.state.value, action="closed")
        cashier = operator_code(session, shift.operator_id)
        if cashier == supervisor.code and not parameters.shift_self_close:
            raise errors.SameOperatorCloseError(operator=cashier, shift=shift.id)
        refuse_pending_sales(session, shift)
        totals = shift_totals(session, shift)
        lines = count_lines(session, shift, totals)
        threshold = parameters.shift_variance_threshold
        variance = sum((line.variance for line in lines), Decimal(0))
        if any(abs(line.variance) > threshold for line in lines):
            if not reason:
                raise errors.VarianceNeedsApprovalError(variance=variance, threshold=threshold)
            supervisor.require(permissions.APPROVE_VARIANCE)
        _write_counts(session, shift, lines)
        place = place_of(session, supervisor)
        shift.state = ShiftState.CLOSED
        shift.closed_at = utc_now()
        shift.closed_by_id = place.operator_id
        shift.variance = variance
        shift.variance_reason = reason
        session.flush()
        totals = shift_totals(session, shift)  # as closed (state, times, supervisor)
        audit(
            session,
            shift,
            "closed",
            place.actor,
            variance=variance,
            reason=reason,
            counts=[line.as_dict() for line in lines],
        )
        body = {
            **totals.as_dict(),
            "counts": [line.as_dict() for line in lines],
            "variance": variance,
            "reason": reason,
            "cashier": cashier,
            "supervisor": supervisor.code,
        }
        row = make_z(
            session,
            till=shift.till,
            kind=ZKind.CLOSE,
            actor=place.actor,
            body=body,
            net=totals.sales_net,
            kwh=totals.energy_kwh,
            sales=totals.sales_count,
            shift=shift,
        )
        z = z_info(session, row)
        crash_point(BEFORE_CLOSE_COMMIT)
        uow.commit()
    crash_point(AFTER_CLOSE_COMMIT)
    return CloseResult(totals, lines, reason, z)


def _write_counts(session: Session, shift: Shift, lines: tuple[CountLine, ...]) -> None:
    rows = {row.payment: row for row in shift.counts}
    for line in lines:
        row = rows.get(line.payment)
        if row is None:
            row = ShiftCount(shift_id=shift.id, payment=line.payment, counted=line.counted)
            session.add(row)
        row.expected = line.expected
        row.variance = line.variance


def preview_close(
    database: Database, supervisor: OperatorSession, shift_id: int
) -> tuple[tuple[CountLine, ...], Decimal]:
    """What the close would find, for the supervisor (never the cashier: the count is
    blind): expected against counted per payment method, and the threshold. Writes
    nothing."""
    supervisor.require(permissions.CLOSE_SHIFT)
    with database.reading() as session:
        shift = find_shift(session, shift_id)
        if shift.state != ShiftState.ENDED:
            raise errors.ShiftStateError(shift=shift.id, state=shift.state.value, action="closed")
        lines = count_lines(session, shift, shift_totals(session, shift))
        return lines, system_parameters(session).shift_variance_threshold
