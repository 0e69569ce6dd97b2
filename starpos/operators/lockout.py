"""Lockout: after :data:`MAX_FAILED_LOGINS` wrong passwords in a row an operator is locked
for :data:`LOCKOUT`; a right password afterwards resets the count, and an administrator
may end a lockout early."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.models import Operator
from starpos.db.parameters import SystemParametersMissingError, to_local
from starpos.operators import permissions
from starpos.operators.errors import OperatorLockedError
from starpos.operators.session import OperatorSession, find_operator

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


def is_locked(operator: Operator, now: datetime) -> bool:
    return operator.locked_until is not None and operator.locked_until > now


def count_wrong_password(operator: Operator, now: datetime) -> bool:
    """One more wrong password; True when it locks the operator (the count starts again)."""
    operator.failed_logins += 1
    if operator.failed_logins < MAX_FAILED_LOGINS:
        return False
    operator.locked_until = now + LOCKOUT
    operator.failed_logins = 0
    return True


def clear_failures(operator: Operator) -> None:
    operator.failed_logins = 0
    operator.locked_until = None


def locked_error(session: Session, operator: Operator) -> OperatorLockedError:
    """The refusal of a locked operator, saying until when on the utility's clock."""
    assert operator.locked_until is not None
    return OperatorLockedError(
        operator=operator.code,
        attempts=MAX_FAILED_LOGINS,
        until=_wall_clock(session, operator.locked_until),
    )


def _wall_clock(session: Session, moment: datetime) -> str:
    """``moment`` as the utility's wall clock shows it (HH:MM), for a person at the counter;
    in UTC, said so, before the utility's time zone is set up."""
    try:
        return to_local(session, moment).strftime("%H:%M")
    except SystemParametersMissingError:
        return moment.strftime("%H:%M UTC")


def unlock_operator(database: Database, by: OperatorSession, operator_code: str) -> None:
    """End a lockout before its time (an administrator, after checking who is asking)."""
    by.require(permissions.ADMIN_OPERATORS)
    with database.unit_of_work() as uow:
        operator = find_operator(uow.session, operator_code)
        clear_failures(operator)
        append(
            uow.session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=f"operator:{operator_code}",
            details={"action": "unlocked"},
            actor=by.actor,
        )
        uow.commit()
