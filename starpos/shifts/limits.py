"""The administrator sets the vendor float limit of a sales point or an operator (SHF-03):
an edit of master data (the head office owns it; an enrolled counter's guard refuses a
local edit and says where to make it), audited. :func:`float_standing` reads the limits
and how much of each the sales since the last close have used (decision SHF-19). Setting a
limit to what it already is changes nothing: no audit entry, nothing for sync (SHF-23)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.models import Operator, SalesPoint
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.gate import taken_at_point, taken_by_operator
from starpos.shifts.records import amount_of, place_of


@dataclass(frozen=True)
class FloatStanding:
    """One limit: whose (``sales_point`` or ``operator``, its code and name), the limit
    (None: none), and the sales since the last close that count against it."""

    kind: str
    code: str
    name: str
    limit: Decimal | None
    taken: Decimal

    @property
    def left(self) -> Decimal | None:
        return None if self.limit is None else self.limit - self.taken


def float_standing(database: Database, viewer: OperatorSession) -> list[FloatStanding]:
    """The viewer's sales point first, then every operator who may log in, by code."""
    viewer.require(permissions.VIEW_REPORTS)
    with database.reading() as session:
        place = place_of(session, viewer)
        point = session.get_one(SalesPoint, place.sales_point_id)
        found = [
            FloatStanding(
                "sales_point", point.code, point.name, point.float_limit,
                taken_at_point(session, point.id),
            )
        ]  # fmt: skip
        operators = session.scalars(
            select(Operator).where(Operator.forbid_login.is_(False)).order_by(Operator.code)
        ).all()
        found += [
            FloatStanding(
                "operator", row.code, row.name, row.float_limit, taken_by_operator(session, row.id)
            )
            for row in operators
        ]
    return found


def set_float_limit(
    database: Database,
    administrator: OperatorSession,
    limit: Decimal | None,
    *,
    sales_point: str | None = None,
    operator: str | None = None,
) -> bool:
    """The float limit of ``sales_point`` or ``operator`` (None: no limit). False when it
    was that already (nothing written), True when it changed."""
    administrator.require(permissions.ADMIN_MASTER_DATA)
    with database.unit_of_work() as uow:
        session = uow.session
        value = amount_of(session, limit) if limit is not None else None
        row: SalesPoint | Operator | None
        if sales_point is not None:
            row = session.scalars(select(SalesPoint).where(SalesPoint.code == sales_point)).first()
            if row is None:
                raise errors.UnknownSalesPointError(sales_point=sales_point)
            subject = f"sales_point:{sales_point}"
        else:
            row = session.scalars(select(Operator).where(Operator.code == operator)).first()
            if row is None:
                raise errors.UnknownOperatorCodeError(operator=operator or "-")
            subject = f"operator:{operator}"
        before = row.float_limit
        if before == value:
            return False  # the unit of work ends without a commit: nothing is written
        row.float_limit = value
        session.flush()
        append(
            session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=subject,
            details={"field": "float_limit", "before": before, "after": value},
            actor=administrator.actor,
        )
        uow.commit()
    return True
