"""Operators log in, are locked out after repeated failures, and change their passwords.

Passwords are hashed with argon2id (argon2-cffi's defaults: RFC 9106's second recommended
profile, 64 MiB, 3 passes). After :data:`MAX_FAILED_LOGINS` wrong passwords in a row the
operator is locked for :data:`LOCKOUT`; a right password afterwards resets the count. STAR
(``is_superuser``) has every permission; an operator created with a known password (STAR/star
in the demo) must choose a new one before doing anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import Operator, Role, RolePermission
from starpos.errors import AuthError
from starpos.masterdata.parameters import SystemParametersMissingError, to_local
from starpos.operators import permissions

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the operator does not exist, so both cases take as long."""
    return _hasher.hash("no such operator")


class WrongCredentialsError(AuthError):
    code = "auth.wrong_credentials"
    template = "The operator code or the password is wrong. Check both and try again."


class OperatorLockedError(AuthError):
    code = "auth.locked"
    template = (
        "Operator {operator} is locked after {attempts} wrong passwords. Try again after "
        "{until} or ask a supervisor."
    )


class LoginForbiddenError(AuthError):
    code = "auth.login_forbidden"
    template = "Operator {operator} may not log in. Ask an administrator to allow it."


class WrongSalesPointError(AuthError):
    code = "auth.wrong_sales_point"
    template = (
        "Operator {operator} may only log in at sales point {home}, not at {here}. Ask an "
        "administrator to allow logging in at other sales points."
    )


class PasswordChangeRequiredError(AuthError):
    code = "auth.password_change_required"
    template = "Operator {operator} must choose a new password before going on."


class PasswordTooWeakError(AuthError):
    code = "auth.password_too_weak"
    template = (
        "The new password must have at least {minimum} characters and differ from the "
        "operator code and the old password."
    )


class PermissionDeniedError(AuthError):
    code = "auth.permission_denied"
    template = (
        "Operator {operator} does not have the permission {permission}. Ask a supervisor "
        "or an administrator."
    )


class UnknownPermissionError(AuthError):
    code = "auth.unknown_permission"
    template = "There is no permission called {name}."


class UnknownOperatorError(AuthError):
    code = "auth.unknown_operator"
    template = "There is no operator with the code {operator}."


class UnknownRoleError(AuthError):
    code = "auth.unknown_role"
    template = "There is no operator role with the code {role}."


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@dataclass(frozen=True)
class OperatorSession:
    """A logged-in operator: who, where, and what they may do."""

    operator_id: int
    operator_code: str
    name: str
    sales_point_code: str | None
    terminal_code: str | None
    permissions: frozenset[str]
    must_change_password: bool

    @property
    def actor(self) -> Actor:
        return Actor(self.operator_code, self.sales_point_code, self.terminal_code)

    def may(self, permission: str) -> bool:
        return not self.must_change_password and permission in self.permissions

    def require(self, permission: str) -> None:
        if self.must_change_password:
            raise PasswordChangeRequiredError(operator=self.operator_code)
        if permission not in self.permissions:
            raise PermissionDeniedError(operator=self.operator_code, permission=permission)


def operator_permissions(session: Session, operator: Operator) -> frozenset[str]:
    if operator.is_superuser:
        return permissions.ALL
    rows = session.scalars(
        select(RolePermission.permission).where(
            RolePermission.role_id.in_([role.id for role in operator.roles])
        )
    )
    return frozenset(rows)


def _wall_clock(session: Session, moment: datetime) -> str:
    """``moment`` as the utility's wall clock shows it (HH:MM), for a person at the counter;
    in UTC, said so, before the utility's time zone is set up."""
    try:
        return to_local(session, moment).strftime("%H:%M")
    except SystemParametersMissingError:
        return moment.strftime("%H:%M UTC")


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

    ``sales_point_code`` is where the terminal stands (None: do not check the place).
    """
    now = now or utc_now()
    actor = Actor(operator_code, sales_point_code, terminal_code)
    with database.unit_of_work() as uow:
        session = uow.session
        operator = session.scalars(select(Operator).where(Operator.code == operator_code)).first()
        refusal: AuthError | None = None
        if operator is None:
            _verify(_dummy_hash(), password)
            refusal = WrongCredentialsError()
        elif operator.locked_until is not None and operator.locked_until > now:
            refusal = OperatorLockedError(
                operator=operator_code,
                attempts=MAX_FAILED_LOGINS,
                until=_wall_clock(session, operator.locked_until),
            )
        elif not _verify(operator.password_hash, password):
            operator.failed_logins += 1
            if operator.failed_logins >= MAX_FAILED_LOGINS:
                operator.locked_until = now + LOCKOUT
                operator.failed_logins = 0
                refusal = OperatorLockedError(
                    operator=operator_code,
                    attempts=MAX_FAILED_LOGINS,
                    until=_wall_clock(session, operator.locked_until),
                )
            else:
                refusal = WrongCredentialsError()
        elif operator.forbid_login:
            refusal = LoginForbiddenError(operator=operator_code)
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
        operator.failed_logins = 0
        operator.locked_until = None
        operator.last_login_at = now
        if _hasher.check_needs_rehash(operator.password_hash):
            operator.password_hash = hash_password(password)
        append(session, AuditKind.LOGIN, subject=f"operator:{operator_code}", actor=actor, at=now)
        result = OperatorSession(
            operator_id=operator.id,
            operator_code=operator.code,
            name=operator.name,
            sales_point_code=sales_point_code
            or (operator.sales_point.code if operator.sales_point else None),
            terminal_code=terminal_code,
            permissions=operator_permissions(session, operator),
            must_change_password=operator.must_change_password,
        )
        uow.commit()
        return result


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _may_log_in_at(operator: Operator, sales_point_code: str) -> bool:
    if operator.may_login_other_sales_points or operator.sales_point is None:
        return True
    return operator.sales_point.code == sales_point_code


def change_password(
    database: Database, operator_code: str, old_password: str, new_password: str
) -> None:
    """Change a password knowing the old one (manual 7.1); clears "must change"."""
    if (
        len(new_password) < MIN_PASSWORD_LENGTH
        or new_password == old_password
        or new_password.casefold() == operator_code.casefold()
    ):
        raise PasswordTooWeakError(minimum=MIN_PASSWORD_LENGTH)
    with database.unit_of_work() as uow:
        operator = uow.session.scalars(
            select(Operator).where(Operator.code == operator_code)
        ).first()
        if operator is None or not _verify(operator.password_hash, old_password):
            raise WrongCredentialsError()
        operator.password_hash = hash_password(new_password)
        operator.must_change_password = False
        operator.password_changed_at = utc_now()
        append(
            uow.session,
            AuditKind.PASSWORD_CHANGE,
            subject=f"operator:{operator_code}",
            actor=Actor(operator_code),
        )
        uow.commit()


def set_role_permissions(
    database: Database, by: OperatorSession, role_code: str, granted: set[str]
) -> None:
    """Replace what a role may do, as an administrator, with an audit entry of the change."""
    by.require(permissions.ADMIN_OPERATORS)
    unknown = granted - permissions.ALL
    if unknown:
        raise UnknownPermissionError(name=sorted(unknown)[0])
    with database.unit_of_work() as uow:
        role = uow.session.scalars(select(Role).where(Role.code == role_code)).first()
        if role is None:
            raise UnknownRoleError(role=role_code)
        before = {p.permission for p in role.permissions}
        role.permissions = [p for p in role.permissions if p.permission in granted]
        role.permissions.extend(RolePermission(permission=name) for name in granted - before)
        append(
            uow.session,
            AuditKind.PERMISSION_CHANGE,
            subject=f"role:{role_code}",
            details={"added": sorted(granted - before), "removed": sorted(before - granted)},
            actor=by.actor,
        )
        uow.commit()


def _operator(session: Session, code: str) -> Operator:
    operator = session.scalars(select(Operator).where(Operator.code == code)).first()
    if operator is None:
        raise UnknownOperatorError(operator=code)
    return operator


def unlock_operator(database: Database, by: OperatorSession, operator_code: str) -> None:
    """End a lockout before its time (an administrator, after checking who is asking)."""
    by.require(permissions.ADMIN_OPERATORS)
    with database.unit_of_work() as uow:
        operator = _operator(uow.session, operator_code)
        operator.locked_until = None
        operator.failed_logins = 0
        append(
            uow.session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=f"operator:{operator_code}",
            details={"action": "unlocked"},
            actor=by.actor,
        )
        uow.commit()


def reset_password(
    database: Database, by: OperatorSession, operator_code: str, temporary_password: str
) -> None:
    """Give an operator a temporary password they must change at their next login."""
    by.require(permissions.ADMIN_OPERATORS)
    if len(temporary_password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooWeakError(minimum=MIN_PASSWORD_LENGTH)
    with database.unit_of_work() as uow:
        operator = _operator(uow.session, operator_code)
        operator.password_hash = hash_password(temporary_password)
        operator.must_change_password = True
        operator.locked_until = None
        operator.failed_logins = 0
        append(
            uow.session,
            AuditKind.PASSWORD_CHANGE,
            subject=f"operator:{operator_code}",
            details={"action": "reset by administrator"},
            actor=by.actor,
        )
        uow.commit()
