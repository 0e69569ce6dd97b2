"""An administrator's work on operators and roles (manual 2.5, 2.6).

Adding an operator gives a temporary password, which the operator must change at the first
login (the session's rule); a role still given to an operator is never deleted (manual 2.5).
Every change needs ``admin_operators``, and is one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import RoleKind
from starpos.db.models import Operator, OperatorRole, Role, RolePermission, SalesPoint
from starpos.errors import AuthError
from starpos.operators import permissions
from starpos.operators.errors import PasswordTooWeakError, UnknownPermissionError, UnknownRoleError
from starpos.operators.passwords import MIN_PASSWORD_LENGTH, hash_password
from starpos.operators.session import OperatorSession, find_operator


class OperatorExistsError(AuthError):
    code = "auth.operator_exists"
    template = "There is already an operator with the code {operator}. Choose another code."


class RoleExistsError(AuthError):
    code = "auth.role_exists"
    template = "There is already an operator role with the code {role}. Choose another code."


class RoleInUseError(AuthError):
    code = "auth.role_in_use"
    template = (
        "The role {role} is given to {count} operator(s) ({operators}): take it from them "
        "before deleting it."
    )


class UnknownSalesPointForOperatorError(AuthError):
    code = "auth.unknown_sales_point"
    template = "There is no sales point {sales_point}. Choose one from Sales Points."


class LastAdministratorError(AuthError):
    code = "auth.last_administrator"
    template = (
        "Operator {operator} is the last one who may edit operators: keep their login "
        "allowed, or give another operator that right first."
    )


@dataclass(frozen=True)
class OperatorView:
    code: str
    name: str
    sales_point: str | None
    roles: tuple[str, ...]
    forbid_login: bool
    may_login_other_sales_points: bool
    locked: bool
    must_change_password: bool
    is_superuser: bool


@contextmanager
def _change(
    database: Database, by: OperatorSession, subject: str, details: dict[str, Any]
) -> Iterator[Session]:
    by.require(permissions.ADMIN_OPERATORS)
    with database.unit_of_work() as uow:
        yield uow.session
        uow.session.flush()
        append(
            uow.session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=subject,
            details=details,
            actor=by.actor,
        )
        uow.commit()


def _sales_point_id(session: Session, code: str | None) -> int | None:
    if not code:
        return None
    found = session.scalar(select(SalesPoint.id).where(SalesPoint.code == code.strip().upper()))
    if found is None:
        raise UnknownSalesPointForOperatorError(sales_point=code)
    return int(found)


def _roles(session: Session, codes: Iterable[str]) -> list[Role]:
    found = []
    for code in dict.fromkeys(c.strip().upper() for c in codes):
        role = session.scalars(select(Role).where(Role.code == code)).first()
        if role is None:
            raise UnknownRoleError(role=code)
        found.append(role)
    return found


def add_operator(
    database: Database,
    by: OperatorSession,
    code: str,
    name: str,
    password: str,
    *,
    sales_point_code: str | None = None,
    roles: Iterable[str] = (),
    may_login_other_sales_points: bool = False,
) -> None:
    """A new operator with a temporary ``password`` (changed at their first login)."""
    code = code.strip().upper()
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordTooWeakError(minimum=MIN_PASSWORD_LENGTH)
    details = {"action": "added", "sales_point": sales_point_code, "roles": sorted(roles)}
    with _change(database, by, f"operator:{code}", details) as session:
        if session.scalar(select(func.count()).select_from(Operator).where(Operator.code == code)):
            raise OperatorExistsError(operator=code)
        operator = Operator(
            code=code,
            name=name.strip() or code,
            password_hash=hash_password(password),
            must_change_password=True,
            sales_point_id=_sales_point_id(session, sales_point_code),
            may_login_other_sales_points=may_login_other_sales_points,
        )
        operator.roles = _roles(session, roles)
        session.add(operator)


def update_operator(
    database: Database,
    by: OperatorSession,
    code: str,
    *,
    name: str | None = None,
    sales_point_code: str | None = None,
    roles: Iterable[str] | None = None,
    forbid_login: bool | None = None,
    may_login_other_sales_points: bool | None = None,
) -> None:
    """Change what is given; the rest stays."""
    code = code.strip().upper()
    details: dict[str, Any] = {"action": "changed"}
    with _change(database, by, f"operator:{code}", details) as session:
        operator = find_operator(session, code)
        if name is not None:
            details["name"] = [operator.name, name]
            operator.name = name
        if sales_point_code is not None:
            details["sales_point"] = sales_point_code
            operator.sales_point_id = _sales_point_id(session, sales_point_code)
        if roles is not None:
            new_roles = _roles(session, roles)
            details["roles"] = [
                sorted(r.code for r in operator.roles),
                sorted(r.code for r in new_roles),
            ]
            operator.roles = new_roles
        if forbid_login is not None:
            details["forbid_login"] = forbid_login
            operator.forbid_login = forbid_login
        if may_login_other_sales_points is not None:
            details["other_sales_points"] = may_login_other_sales_points
            operator.may_login_other_sales_points = may_login_other_sales_points
        session.flush()
        keep_an_administrator(session, code)


def keep_an_administrator(session: Session, code: str) -> None:
    """Someone must still be able to edit operators after the change (of operator or role
    ``code``); :class:`LastAdministratorError` otherwise."""
    admins = session.scalars(select(Operator).where(Operator.forbid_login.is_(False))).all()
    for operator in admins:
        if operator.is_superuser or any(
            p.permission == permissions.ADMIN_OPERATORS
            for r in operator.roles
            for p in r.permissions
        ):
            return
    raise LastAdministratorError(operator=code)


def add_role(
    database: Database,
    by: OperatorSession,
    code: str,
    name: str,
    granted: Iterable[str],
    *,
    kind: RoleKind = RoleKind.GENERAL,
) -> None:
    """A new role granting ``granted`` (names of :mod:`starpos.operators.permissions`)."""
    code = code.strip().upper()
    granted = set(granted)
    unknown = granted - permissions.ALL
    if unknown:
        raise UnknownPermissionError(name=sorted(unknown)[0])
    details = {"action": "added", "permissions": sorted(granted), "kind": str(kind)}
    with _change(database, by, f"role:{code}", details) as session:
        if session.scalar(select(func.count()).select_from(Role).where(Role.code == code)):
            raise RoleExistsError(role=code)
        role = Role(code=code, name=name.strip() or code, kind=kind)
        role.permissions = [RolePermission(permission=p) for p in sorted(granted)]
        session.add(role)


def delete_role(database: Database, by: OperatorSession, code: str) -> None:
    """Delete a role no operator has (manual 2.5)."""
    code = code.strip().upper()
    with _change(database, by, f"role:{code}", {"action": "deleted"}) as session:
        role = session.scalars(select(Role).where(Role.code == code)).first()
        if role is None:
            raise UnknownRoleError(role=code)
        holders = list(
            session.scalars(
                select(Operator.code)
                .join(OperatorRole, OperatorRole.operator_id == Operator.id)
                .where(OperatorRole.role_id == role.id)
                .order_by(Operator.code)
            )
        )
        if holders:
            raise RoleInUseError(role=code, count=len(holders), operators=", ".join(holders[:5]))
        session.delete(role)


def list_operators(session: Session, now: Any = None) -> list[OperatorView]:
    from starpos.db.column_types import utc_now

    now = now or utc_now()
    return [
        OperatorView(
            code=o.code,
            name=o.name,
            sales_point=o.sales_point.code if o.sales_point else None,
            roles=tuple(sorted(r.code for r in o.roles)),
            forbid_login=o.forbid_login,
            may_login_other_sales_points=o.may_login_other_sales_points,
            locked=o.locked_until is not None and o.locked_until > now,
            must_change_password=o.must_change_password,
            is_superuser=o.is_superuser,
        )
        for o in session.scalars(select(Operator).order_by(Operator.code))
    ]


def permission_matrix(session: Session) -> dict[str, list[str]]:
    """Each role's code and the permissions it grants (the manual's matrix, by rows)."""
    return {
        role.code: sorted(p.permission for p in role.permissions)
        for role in session.scalars(select(Role).order_by(Role.code))
    }
