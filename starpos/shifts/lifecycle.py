"""A shift's life on a till: OPEN with its float -> ENDED by the cashier's blind count ->
CLOSED by a supervisor (:mod:`starpos.shifts.close`). Each move is one transaction with its
audit entry.

The count is blind: :func:`end_shift` answers with the shift, never with what was expected;
a recount (the cashier counting again before the close) replaces the count, audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import ShiftState, VendState
from starpos.db.models import PaymentTerm, SalesPoint, Shift, ShiftCount, Terminal, Vend
from starpos.db.parameters import system_parameters
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.crash_points import BEFORE_COUNT_COMMIT, crash_point
from starpos.shifts.denominations import count_total, parse_denominations
from starpos.shifts.records import (
    Place,
    amount_of,
    audit,
    find_shift,
    operator_code,
    place_of,
    plain_json,
    terminal_code,
)


@dataclass(frozen=True)
class ShiftInfo:
    """A shift as a person reads it (no expected amounts: the count is blind)."""

    shift_id: int
    request_id: str
    till: str
    sales_point: str
    operator: str
    state: ShiftState
    opening_float: Decimal
    opened_at: datetime
    ended_at: datetime | None
    closed_at: datetime | None
    closed_by: str
    #: The terminal it was opened at (at a head office: the terminal whose store it is).
    terminal: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "shift": self.shift_id,
            "terminal": self.terminal,
            "request_id": self.request_id,
            "till": self.till,
            "sales_point": self.sales_point,
            "operator": self.operator,
            "state": self.state.value,
            "opening_float": self.opening_float,
            "opened_at": self.opened_at,
            "ended_at": self.ended_at,
            "closed_at": self.closed_at,
            "closed_by": self.closed_by,
        }


def shift_info(session: Session, shift: Shift) -> ShiftInfo:
    point = session.scalar(select(SalesPoint.code).where(SalesPoint.id == shift.sales_point_id))
    return ShiftInfo(
        shift_id=shift.id,
        request_id=shift.request_id,
        till=shift.till,
        sales_point=point or "",
        operator=operator_code(session, shift.operator_id),
        state=ShiftState(shift.state),
        opening_float=shift.opening_float,
        opened_at=shift.opened_at,
        ended_at=shift.ended_at,
        closed_at=shift.closed_at,
        closed_by=operator_code(session, shift.closed_by_id),
        terminal=terminal_code(session, shift.terminal_id),
    )


def drawer_denominations(session: Session) -> tuple[Decimal, ...]:
    """The notes and coins this store counts in (largest first; empty: totals only)."""
    return parse_denominations(system_parameters(session).cash_denominations)


def open_shift(
    database: Database,
    operator: OperatorSession,
    *,
    float_total: Decimal | None = None,
    float_pieces: Mapping[Decimal, int] | None = None,
) -> ShiftInfo:
    """Open the operator's shift on their till with its float: counted by denomination
    (``float_pieces``) or typed as a total. A seller opens one, and so does an operator who
    takes charges without selling credit (an engineer replacing meters, TOK-24)."""
    operator.require_any(permissions.KEEPS_SHIFT)
    with database.unit_of_work() as uow:
        session = uow.session
        place = place_of(session, operator)
        if float_pieces:
            opening = count_total(float_pieces, drawer_denominations(session))
            opening = amount_of(session, opening, zero=True)
        else:
            opening = amount_of(session, float_total or Decimal(0), zero=True)
        existing = _unclosed(session, place)
        if existing is not None:
            raise errors.ShiftAlreadyOpenError(
                operator=place.operator_code,
                shift=existing.id,
                till=place.till,
                state=existing.state.value,
            )
        shift = Shift(
            request_id=str(uuid.uuid4()),
            till=place.till,
            terminal_id=place.terminal_id,
            sales_point_id=place.sales_point_id,
            operator_id=place.operator_id,
            state=ShiftState.OPEN,
            opening_float=opening,
            opening_count=plain_json(float_pieces) if float_pieces else "",
            opened_at=utc_now(),
        )
        session.add(shift)
        session.flush()
        audit(
            session,
            shift,
            "opened",
            place.actor,
            opening_float=opening,
            opening_count={str(k): v for k, v in (float_pieces or {}).items()},
        )
        info = shift_info(session, shift)
        uow.commit()
    return info


def current_shift(database: Database, operator: OperatorSession) -> ShiftInfo | None:
    """The operator's shift on their till that is not closed yet, if any."""
    with database.reading() as session:
        shift = _unclosed(session, place_of(session, operator))
        return shift_info(session, shift) if shift is not None else None


def end_shift(
    database: Database,
    operator: OperatorSession,
    shift_id: int,
    counted: Mapping[str, Decimal],
    *,
    cash_pieces: Mapping[Decimal, int] | None = None,
) -> ShiftInfo:
    """The cashier's blind count: what is in the drawer per payment method (cash by
    denomination or as a total). OPEN -> ENDED; on an ENDED shift, a recount."""
    with database.unit_of_work() as uow:
        session = uow.session
        shift = find_shift(session, shift_id, lock=True)
        _may_act_on(session, operator, shift)
        if shift.state == ShiftState.CLOSED:
            raise errors.ShiftStateError(shift=shift.id, state=shift.state.value, action="counted")
        refuse_pending_sales(session, shift)
        counts = _count_rows(session, counted, cash_pieces)
        recount = shift.state == ShiftState.ENDED
        for row in list(shift.counts):
            session.delete(row)
        session.flush()
        for payment, (amount, pieces) in counts.items():
            session.add(
                ShiftCount(
                    shift_id=shift.id,
                    payment=payment,
                    counted=amount,
                    denominations=plain_json(pieces) if pieces else "",
                )
            )
        shift.state = ShiftState.ENDED
        shift.ended_at = utc_now()
        session.flush()
        audit(
            session,
            shift,
            "recounted" if recount else "ended",
            _actor(session, operator),
            counted={payment: amount for payment, (amount, _) in counts.items()},
            cash_pieces={str(k): v for k, v in (cash_pieces or {}).items()},
        )
        crash_point(BEFORE_COUNT_COMMIT)
        session.expire(shift, ["counts"])
        info = shift_info(session, shift)
        uow.commit()
    return info


def refuse_pending_sales(session: Session, shift: Shift) -> None:
    """A shift is not counted or closed while one of its sales waits for the module."""
    pending = session.scalar(
        select(func.count())
        .select_from(cast(Table, Vend.__table__))
        .where(Vend.shift_id == shift.id, Vend.state == VendState.PENDING)
    )
    if pending:
        raise errors.ShiftHasPendingSalesError(shift=shift.id, count=pending)


def payment_code(session: Session, wanted: str) -> str:
    """The code of the payment term whose code or kind is ``wanted``."""
    terms = session.execute(select(PaymentTerm.code, PaymentTerm.kind)).all()
    for code, kind in terms:
        if wanted.casefold() in (code.casefold(), str(kind).casefold()):
            return str(code)
    raise errors.UnknownPaymentError(
        payment=wanted, known=", ".join(code for code, _ in terms) or "-"
    )


def cash_code(session: Session) -> str:
    """The code of the cash payment term (what the drawer holds)."""
    return payment_code(session, "cash")


def list_shifts(
    database: Database,
    *,
    state: ShiftState | None = None,
    limit: int = 50,
    terminal: str | None = None,
    sales_point: str | None = None,
) -> list[ShiftInfo]:
    """The latest shifts (at a head office every terminal's), by state, terminal, point."""
    with database.reading() as session:
        query = select(Shift).order_by(Shift.id.desc()).limit(limit)
        if state is not None:
            query = query.where(Shift.state == state)
        if terminal:
            query = query.where(
                Shift.terminal_id
                == select(Terminal.id).where(Terminal.code == terminal).scalar_subquery()
            )
        if sales_point:
            query = query.where(
                Shift.sales_point_id
                == select(SalesPoint.id).where(SalesPoint.code == sales_point).scalar_subquery()
            )
        return [shift_info(session, shift) for shift in session.scalars(query)]


def _count_rows(
    session: Session,
    counted: Mapping[str, Decimal],
    cash_pieces: Mapping[Decimal, int] | None,
) -> dict[str, tuple[Decimal, Mapping[Decimal, int] | None]]:
    rows: dict[str, tuple[Decimal, Mapping[Decimal, int] | None]] = {}
    drawer = cash_code(session)
    for wanted, amount in counted.items():
        code = payment_code(session, wanted)
        # A drawer never holds less than nothing; a card terminal's batch total is below
        # zero when it paid back more than it took (a cancel's refund, SHF-08).
        rows[code] = (amount_of(session, amount, zero=True, signed=code != drawer), None)
    if cash_pieces:
        total = count_total(cash_pieces, drawer_denominations(session))
        rows[cash_code(session)] = (amount_of(session, total, zero=True), cash_pieces)
    return rows


def _unclosed(session: Session, place: Place) -> Shift | None:
    return session.scalars(
        select(Shift).where(
            Shift.operator_id == place.operator_id,
            Shift.till == place.till,
            Shift.state != ShiftState.CLOSED,
        )
    ).first()


def _may_act_on(session: Session, operator: OperatorSession, shift: Shift) -> None:
    """The shift's own cashier, or an operator who may close shifts."""
    if operator_code(session, shift.operator_id) == operator.code:
        operator.require_any(permissions.KEEPS_SHIFT)
    else:
        operator.require(permissions.CLOSE_SHIFT)


def _actor(session: Session, operator: OperatorSession) -> Any:
    return place_of(session, operator).actor


__all__ = [
    "ShiftInfo",
    "cash_code",
    "current_shift",
    "drawer_denominations",
    "end_shift",
    "list_shifts",
    "open_shift",
    "payment_code",
    "refuse_pending_sales",
    "shift_info",
]
