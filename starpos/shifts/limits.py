"""The administrator sets the vendor float limit of a sales point or an operator (SHF-03):
an edit of master data (the head office owns it; an enrolled counter's guard refuses a
local edit and says where to make it), audited."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.models import Operator, SalesPoint
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts import errors
from starpos.shifts.records import amount_of


def set_float_limit(
    database: Database,
    administrator: OperatorSession,
    limit: Decimal | None,
    *,
    sales_point: str | None = None,
    operator: str | None = None,
) -> None:
    """The float limit of ``sales_point`` or ``operator`` (None: no limit)."""
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
