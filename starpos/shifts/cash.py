"""Cash that moves outside a sale: a drop or pick-up to the safe, paid in, paid out, and
the drawer opened without a sale. Each has its permission and a reason, and is recorded
with its audit entry in one transaction; the slip and the drawer kick come after the
commit (a failed print changes nothing: the record stands)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import CashMovementKind as Kind
from starpos.db.enums import ShiftState
from starpos.db.models import CashMovement
from starpos.i18n import tr_noop
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.records import amount_of, audit, find_shift, place_of

#: The permission each kind needs.
PERMISSION: dict[Kind, str] = {
    Kind.DROP: permissions.CASH_DROP,
    Kind.PICKUP: permissions.CASH_DROP,
    Kind.PAID_IN: permissions.PAID_IN_OUT,
    Kind.PAID_OUT: permissions.PAID_IN_OUT,
    Kind.DRAWER_OPEN: permissions.OPEN_DRAWER,
}
#: +1: into the drawer; -1: out of it; 0: no money moves.
DIRECTION: dict[Kind, int] = {
    Kind.DROP: -1,
    Kind.PICKUP: -1,
    Kind.PAID_IN: 1,
    Kind.PAID_OUT: -1,
    Kind.DRAWER_OPEN: 0,
}
LABELS: dict[Kind, str] = {
    Kind.DROP: tr_noop("shifts", "Cash drop"),
    Kind.PICKUP: tr_noop("shifts", "Cash pick-up"),
    Kind.PAID_IN: tr_noop("shifts", "Paid in"),
    Kind.PAID_OUT: tr_noop("shifts", "Paid out"),
    Kind.DRAWER_OPEN: tr_noop("shifts", "Drawer opened"),
}


@dataclass(frozen=True)
class Movement:
    movement_id: int
    shift_id: int
    till: str
    kind: Kind
    amount: Decimal
    reason: str
    operator: str
    at: datetime

    @property
    def signed(self) -> Decimal:
        """The amount as the drawer sees it (negative: out of it)."""
        return self.amount * DIRECTION[self.kind]

    def as_dict(self) -> dict[str, Any]:
        return {
            "movement": self.movement_id,
            "shift": self.shift_id,
            "till": self.till,
            "kind": self.kind.value,
            "amount": self.amount,
            "reason": self.reason,
            "operator": self.operator,
            "at": self.at,
        }


def record_movement(
    database: Database,
    operator: OperatorSession,
    shift_id: int,
    kind: Kind,
    amount: Decimal,
    reason: str,
) -> Movement:
    """Record cash moving in or out of the OPEN shift's drawer (or the drawer opened)."""
    operator.require(PERMISSION[kind])
    reason = reason.strip()
    if not reason:
        raise errors.ReasonRequiredError(action=kind.value)
    with database.unit_of_work() as uow:
        session = uow.session
        shift = find_shift(session, shift_id, lock=True)
        if shift.state != ShiftState.OPEN:
            raise errors.ShiftStateError(shift=shift.id, state=shift.state.value, action=kind.value)
        value = Decimal(0) if kind == Kind.DRAWER_OPEN else amount_of(session, amount)
        place = place_of(session, operator)
        row = CashMovement(
            request_id=str(uuid.uuid4()),
            shift_id=shift.id,
            kind=kind,
            amount=value,
            reason=reason,
            operator_id=place.operator_id,
            created_at=utc_now(),
        )
        session.add(row)
        session.flush()
        audit(
            session,
            shift,
            "cash",
            place.actor,
            movement=row.request_id,
            kind=kind.value,
            amount=value,
            reason=reason,
        )
        movement = Movement(
            row.id, shift.id, shift.till, kind, value, reason, place.operator_code, row.created_at
        )
        uow.commit()
    return movement
