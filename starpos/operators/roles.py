"""Roles and what they grant: the permissions of an operator, and an administrator's change
of what a role may do (manual 2.5)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import RoleKind
from starpos.db.models import OperatorRole, Role, RolePermission
from starpos.errors import AuthError
from starpos.operators import permissions
from starpos.operators.accounts import LastAdministratorError, keep_an_administrator
from starpos.operators.errors import UnknownPermissionError, UnknownRoleError
from starpos.operators.session import OperatorSession


class LastAdministratorRoleError(AuthError):
    code = "auth.last_administrator_role"
    template = (
        "Without the permission to edit operators and roles in {role}, nobody who may log in "
        "could edit operators any more: keep it, or give it to another operator first."
    )


_GRANTS = cast(Table, RolePermission.__table__)
_HOLDERS = cast(Table, OperatorRole.__table__)
# Read at every login and every sale: a plain Core statement built once (its compiled form
# is cached), no ORM load of the operator's roles.
_READ_GRANTS = (
    select(_GRANTS.c.permission)
    .join(_HOLDERS, _HOLDERS.c.role_id == _GRANTS.c.role_id)
    .where(_HOLDERS.c.operator_id == bindparam("operator_id"))
)


def operator_permissions(session: Session, operator_id: int, is_superuser: bool) -> frozenset[str]:
    """What the operator's roles grant now; STAR (``is_superuser``) has every permission."""
    if is_superuser:
        return permissions.ALL
    rows = session.connection().execute(_READ_GRANTS, {"operator_id": operator_id})
    return frozenset(rows.scalars())


@dataclass(frozen=True)
class RoleView:
    """A role as the role screen lists it (manual 2.5)."""

    code: str
    name: str
    kind: str
    permissions: frozenset[str]
    operators: int  # how many operators have it: such a role cannot be deleted


def list_roles(session: Session) -> list[RoleView]:
    counted = select(OperatorRole.role_id, func.count()).group_by(OperatorRole.role_id)
    holders = {int(role_id): int(count) for role_id, count in session.execute(counted)}
    return [
        RoleView(
            code=role.code,
            name=role.name,
            kind=str(role.kind),
            permissions=frozenset(p.permission for p in role.permissions),
            operators=int(holders.get(role.id, 0)),
        )
        for role in session.scalars(select(Role).order_by(Role.code))
    ]


def set_role_permissions(
    database: Database, by: OperatorSession, role_code: str, granted: set[str]
) -> None:
    """Replace what a role may do, as an administrator, with an audit entry of the change."""
    change_role(database, by, role_code, granted=granted)


def change_role(
    database: Database,
    by: OperatorSession,
    role_code: str,
    *,
    name: str | None = None,
    kind: RoleKind | None = None,
    granted: Iterable[str] | None = None,
) -> None:
    """Change a role's name, kind and what it grants (what is given; the rest stays), in one
    transaction with its audit entry. Refused when nobody could edit operators afterwards."""
    by.require(permissions.ADMIN_OPERATORS)
    wanted = None if granted is None else set(granted)
    unknown = (wanted or set()) - permissions.ALL
    if unknown:
        raise UnknownPermissionError(name=sorted(unknown)[0])
    role_code = role_code.strip().upper()
    with database.unit_of_work() as uow:
        role = uow.session.scalars(select(Role).where(Role.code == role_code)).first()
        if role is None:
            raise UnknownRoleError(role=role_code)
        before = {p.permission for p in role.permissions}
        details: dict[str, Any] = {}
        if name is not None and name.strip() and name.strip() != role.name:
            details["name"] = [role.name, name.strip()]
            role.name = name.strip()
        if kind is not None and kind != role.kind:
            details["kind"] = [str(role.kind), str(kind)]
            role.kind = kind
        if wanted is not None:
            role.permissions = [p for p in role.permissions if p.permission in wanted]
            role.permissions.extend(RolePermission(permission=n) for n in sorted(wanted - before))
            details["added"] = sorted(wanted - before)
            details["removed"] = sorted(before - wanted)
        uow.session.flush()
        try:
            keep_an_administrator(uow.session, role_code)
        except LastAdministratorError as error:
            raise LastAdministratorRoleError(role=role_code) from error
        append(
            uow.session,
            AuditKind.PERMISSION_CHANGE,
            subject=f"role:{role_code}",
            details=details,
            actor=by.actor,
        )
        uow.commit()
