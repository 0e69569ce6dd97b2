"""What every shift action shares: where it happens (operator, sales point, terminal, till),
finding and locking a shift, reading an amount, and the audit entry every action writes in
its own transaction (the audit log is the outbox: docs/sync.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db.models import Operator, SalesPoint, Shift, Terminal
from starpos.db.parameters import system_parameters
from starpos.operators.session import OperatorSession, find_operator
from starpos.pricing.money import quantum
from starpos.shifts import errors
from starpos.shifts.gate import till_name


@dataclass(frozen=True)
class Place:
    """Where an operator works now: ids for the store, codes for people and the audit."""

    operator_id: int
    operator_code: str
    sales_point_id: int
    sales_point_code: str
    terminal_id: int | None
    terminal_code: str | None

    @property
    def till(self) -> str:
        return till_name(self.terminal_code, self.sales_point_code)

    @property
    def actor(self) -> Actor:
        return Actor(self.operator_code, self.sales_point_code, self.terminal_code)


def place_of(session: Session, operator: OperatorSession) -> Place:
    """The operator's place: the session's sales point (else the operator's own) and
    terminal."""
    row = find_operator(session, operator.code)
    point_code = operator.sales_point_code or (row.sales_point.code if row.sales_point else "")
    point = session.scalars(select(SalesPoint).where(SalesPoint.code == point_code)).first()
    if point is None:
        raise errors.UnknownSalesPointError(sales_point=point_code or "-")
    terminal_id = None
    if operator.terminal_code:
        terminal = session.scalars(
            select(Terminal).where(Terminal.code == operator.terminal_code)
        ).first()
        if terminal is None:
            raise errors.UnknownTerminalError(terminal=operator.terminal_code)
        if terminal.sales_point_id != point.id:
            raise errors.TerminalElsewhereError(
                terminal=terminal.code,
                terminal_sales_point=terminal.sales_point.code,
                sales_point=point.code,
            )
        terminal_id = terminal.id
    return Place(row.id, row.code, point.id, point.code, terminal_id, operator.terminal_code)


def find_shift(session: Session, shift_id: int, *, lock: bool = False) -> Shift:
    shift = session.get(Shift, shift_id, with_for_update=lock)
    if shift is None:
        raise errors.UnknownShiftError(shift=shift_id)
    return shift


def terminal_code(session: Session, terminal_id: int | None) -> str | None:
    if terminal_id is None:
        return None
    return session.scalar(select(Terminal.code).where(Terminal.id == terminal_id))


def operator_code(session: Session, operator_id: int | None) -> str:
    if operator_id is None:
        return ""
    return session.scalar(select(Operator.code).where(Operator.id == operator_id)) or ""


def amount_of(
    session: Session, value: Decimal | str | int, *, zero: bool = False, signed: bool = False
) -> Decimal:
    """``value`` as a currency amount of the store (positive; 0 too when ``zero``; any sign
    when ``signed``)."""
    decimals = system_parameters(session).amount_decimals
    step = quantum(decimals)
    try:
        amount = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError) as error:
        raise errors.AmountNotValidError(amount=value, decimals=decimals) from error
    negative = amount < 0 and not signed
    if not amount.is_finite() or negative or (amount == 0 and not zero) or amount % step != 0:
        raise errors.AmountNotValidError(amount=value, decimals=decimals)
    return amount.quantize(step)


def plain_json(value: Mapping[Any, Any]) -> str:
    return json.dumps(
        {str(k): str(v) for k, v in value.items()}, sort_keys=True, separators=(",", ":")
    )


def audit(session: Session, shift: Shift, step: str, actor: Actor, **details: Any) -> None:
    """The shift's audit entry for ``step``, with what the head office needs, by codes."""
    append(
        session,
        AuditKind.SHIFT,
        subject=f"shift:{shift.request_id}",
        details={"step": step, "shift": shift.request_id, "till": shift.till, **details},
        actor=actor,
    )
