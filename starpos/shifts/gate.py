"""The shift rule on the sale path: which open shift a sale belongs to, and the vendor float
limit (decision SHF-1, SHF-3; docs/shifts.md).

The sale checks (:func:`starpos.vending.sale_checks.price_sale`, token and card alike) ask
:func:`sale_shift` before anything is dispatched, and the PENDING commit asks
:func:`confirm_still_open` again in its writing transaction, so a sale never lands in a
shift a supervisor closed in between. Plain Core statements built once: this runs on every
sale. Only the store is read here (this module sits below ``vending``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from starpos.db.enums import ShiftState, VendState
from starpos.db.models import Operator, SalesPoint, Shift, SystemParameters, Vend
from starpos.shifts.errors import FloatLimitReachedError, NoOpenShiftError

_SHIFTS = cast(Table, Shift.__table__)
_VENDS = cast(Table, Vend.__table__)
_PARAMETERS = cast(Table, SystemParameters.__table__)
_POINTS = cast(Table, SalesPoint.__table__)
_OPERATORS = cast(Table, Operator.__table__)

#: Sales that count against a float: everything not FAILED (a PENDING one may yet be made).
_TAKEN_STATES = (VendState.PENDING, VendState.ISSUED, VendState.PRINTED)

_READ_RULE = select(_PARAMETERS.c.shift_required).where(_PARAMETERS.c.id == 1)
_READ_UNCLOSED = select(_SHIFTS.c.id, _SHIFTS.c.request_id, _SHIFTS.c.state).where(
    _SHIFTS.c.operator_id == bindparam("operator_id"),
    _SHIFTS.c.till == bindparam("till"),
    _SHIFTS.c.state != ShiftState.CLOSED,
)
_READ_STATE = select(_SHIFTS.c.state).where(_SHIFTS.c.id == bindparam("shift_id"))
_READ_LIMITS = select(
    select(_POINTS.c.float_limit)
    .where(_POINTS.c.id == bindparam("sales_point_id"))
    .scalar_subquery(),
    select(_OPERATORS.c.float_limit)
    .where(_OPERATORS.c.id == bindparam("operator_id"))
    .scalar_subquery(),
)
_UNCLOSED_OF_POINT = select(_SHIFTS.c.id).where(
    _SHIFTS.c.sales_point_id == bindparam("sales_point_id"),
    _SHIFTS.c.state != ShiftState.CLOSED,
)
_UNCLOSED_OF_OPERATOR = select(_SHIFTS.c.id).where(
    _SHIFTS.c.operator_id == bindparam("operator_id"),
    _SHIFTS.c.state != ShiftState.CLOSED,
)
_TAKEN_AT_POINT = select(func.coalesce(func.sum(_VENDS.c.net_amount), 0)).where(
    _VENDS.c.shift_id.in_(_UNCLOSED_OF_POINT.scalar_subquery()),
    _VENDS.c.state.in_(_TAKEN_STATES),
)
_TAKEN_BY_OPERATOR = select(func.coalesce(func.sum(_VENDS.c.net_amount), 0)).where(
    _VENDS.c.shift_id.in_(_UNCLOSED_OF_OPERATOR.scalar_subquery()),
    _VENDS.c.state.in_(_TAKEN_STATES),
)


def till_name(terminal_code: str | None, sales_point_code: str) -> str:
    """Where the drawer stands: the terminal, or the sales point when no terminal is named."""
    return terminal_code or f"@{sales_point_code}"


@dataclass(frozen=True)
class SaleShift:
    """The open shift a sale is made in (its id here, its request id in every store)."""

    shift_id: int
    request_id: str


def sale_shift(
    session: Session, *, operator_id: int, operator_code: str, till: str
) -> SaleShift | None:
    """The seller's open shift on ``till``; None where the store requires none and none is
    open; :class:`NoOpenShiftError` where it requires one (or the shift is counted already)."""
    connection = session.connection()
    found = connection.execute(_READ_UNCLOSED, {"operator_id": operator_id, "till": till}).first()
    if found is not None and found.state == ShiftState.OPEN:
        return SaleShift(int(found.id), str(found.request_id))
    required = connection.execute(_READ_RULE).scalar_one_or_none()
    if found is None and not required:
        return None
    raise NoOpenShiftError(operator=operator_code, till=till)


def confirm_still_open(session: Session, shift_id: int, operator_code: str, till: str) -> None:
    """In the PENDING commit's transaction: the shift the checks found is still OPEN."""
    state = session.connection().execute(_READ_STATE, {"shift_id": shift_id}).scalar()
    if state != ShiftState.OPEN:
        raise NoOpenShiftError(operator=operator_code, till=till)


def check_float_limit(
    session: Session,
    *,
    operator_id: int,
    operator_code: str,
    sales_point_id: int,
    sales_point_code: str,
    net: Decimal,
) -> None:
    """Refuse a sale of ``net`` that would take the sales since the last close past the
    float limit of the sales point or of the operator (the Juice batch close)."""
    connection = session.connection()
    ids = {"sales_point_id": sales_point_id, "operator_id": operator_id}
    point_limit, operator_limit = connection.execute(_READ_LIMITS, ids).one()
    if point_limit is not None:
        taken = taken_at_point(session, sales_point_id)
        if taken + net > point_limit:
            raise FloatLimitReachedError(
                scope=sales_point_code, limit=point_limit, taken=taken, net=net
            )
    if operator_limit is not None:
        taken = taken_by_operator(session, operator_id)
        if taken + net > operator_limit:
            raise FloatLimitReachedError(
                scope=operator_code, limit=operator_limit, taken=taken, net=net
            )


def taken_at_point(session: Session, sales_point_id: int) -> Decimal:
    """The sales of the sales point since its last close: what counts against its limit."""
    ids = {"sales_point_id": sales_point_id}
    return Decimal(session.connection().execute(_TAKEN_AT_POINT, ids).scalar_one())


def taken_by_operator(session: Session, operator_id: int) -> Decimal:
    """The operator's sales since their last close: what counts against their limit."""
    ids = {"operator_id": operator_id}
    return Decimal(session.connection().execute(_TAKEN_BY_OPERATOR, ids).scalar_one())
