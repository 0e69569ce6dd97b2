"""Roles and what they grant: the permissions of an operator, and an administrator's change
of what a role may do (manual 2.5)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.models import OperatorRole, Role, RolePermission
from starpos.operators import permissions
from starpos.operators.errors import UnknownPermissionError, UnknownRoleError
from starpos.operators.session import OperatorSession

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
