"""How an operator's session begins: a login with a password, or acting as an operator
named by code.

A login checks the password (:mod:`starpos.operators.passwords`), the lockout
(:mod:`starpos.operators.lockout`), forbid login and the sales point rule, and audits the
attempt either way. An operator created with a known password (STAR/star in the demo) logs
in with "must change password" set, and may then do nothing else (the session's rule).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import Operator, SalesPoint, Terminal
from starpos.errors import AuthError
from starpos.operators import lockout, passwords
from starpos.operators.errors import (
    LoginForbiddenError,
    UnknownTerminalError,
    WrongCredentialsError,
    WrongSalesPointError,
)
from starpos.operators.roles import operator_permissions
from starpos.operators.session import OperatorSession, find_operator


def login(
    database: Database,
    operator_code: str,
    password: str,
    *,
    sales_point_code: str | None = None,
    terminal_code: str | None = None,
    now: datetime | None = None,
) -> OperatorSession:
    """Check the password and the operator's rights to log in here, and audit the attempt.

    ``sales_point_code`` is where the terminal stands (None: do not check the place; the
    session is then at the operator's own sales point).
    """
    now = now or utc_now()
    actor = Actor(operator_code, sales_point_code, terminal_code)
    with database.unit_of_work() as uow:
        session = uow.session
        operator = session.scalars(select(Operator).where(Operator.code == operator_code)).first()
        refusal: AuthError | None = None
        if operator is None:
            passwords.verify_for_nobody(password)
            refusal = WrongCredentialsError()
        elif lockout.is_locked(operator, now):
            refusal = lockout.locked_error(session, operator)
        elif not passwords.verify_password(operator.password_hash, password):
            locked = lockout.count_wrong_password(operator, now)
            refusal = lockout.locked_error(session, operator) if locked else WrongCredentialsError()
        elif operator.forbid_login:
            refusal = LoginForbiddenError(operator=operator_code)
        elif terminal_code and not _terminal_exists(session, terminal_code):
            refusal = UnknownTerminalError(terminal=terminal_code)
        elif sales_point_code is not None and not _may_log_in_at(operator, sales_point_code):
            home = operator.sales_point.code if operator.sales_point else "-"
            refusal = WrongSalesPointError(operator=operator_code, home=home, here=sales_point_code)
        if refusal is not None:
            append(
                session,
                AuditKind.LOGIN_FAILED,
                subject=f"operator:{operator_code}",
                details={"reason": refusal.code},
                actor=actor,
                at=now,
            )
            uow.commit()
            raise refusal
        assert operator is not None
        lockout.clear_failures(operator)
        operator.last_login_at = now
        if passwords.needs_rehash(operator.password_hash):
            operator.password_hash = passwords.hash_password(password)
        append(session, AuditKind.LOGIN, subject=f"operator:{operator_code}", actor=actor, at=now)
        place = sales_point_code or (operator.sales_point.code if operator.sales_point else None)
        result = OperatorSession(
            code=operator.code,
            name=operator.name,
            permissions=operator_permissions(session, operator.id, operator.is_superuser),
            must_change_password=operator.must_change_password,
            sales_point_code=place,
            sales_point_name=sales_point_name(session, place),
            terminal_code=terminal_code,
        )
        uow.commit()
        return result


def acting_as(database: Database, actor: Actor) -> OperatorSession:
    """The session of the operator ``actor`` names, with what the store grants now.

    For callers that name an operator instead of logging one in: the command line's
    ``--operator`` (trusted as the account that runs it) and the card flows given an
    :class:`~starpos.audit.log.Actor`. No password is given here, so none is pending: the
    forced change belongs to an interactive login (docs/decisions.md, "One operator
    session"). :class:`~starpos.operators.errors.UnknownOperatorError` when no operator
    has the code.
    """
    with database.reading() as session:
        operator = find_operator(session, actor.operator_code or "")
        return OperatorSession(
            code=operator.code,
            name=operator.name,
            permissions=operator_permissions(session, operator.id, operator.is_superuser),
            sales_point_code=actor.sales_point_code,
            terminal_code=actor.terminal_code,
        )


def _terminal_exists(session: Session, code: str) -> bool:
    return session.scalar(select(Terminal.id).where(Terminal.code == code)) is not None


def _may_log_in_at(operator: Operator, sales_point_code: str) -> bool:
    if operator.may_login_other_sales_points or operator.sales_point is None:
        return True
    return operator.sales_point.code == sales_point_code


def sales_point_name(session: Session, code: str | None) -> str:
    """The name of the sales point ``code`` ("" when there is none)."""
    if code is None:
        return ""
    name = session.scalar(select(SalesPoint.name).where(SalesPoint.code == code))
    return name or ""
