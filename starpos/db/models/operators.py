"""Operator roles with their permissions, and operators (manual 2.5 and 2.6)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, str_enum
from starpos.db.column_types import Money, UtcDateTime
from starpos.db.enums import RoleKind
from starpos.db.models.master_data import CODE, NAME, SalesPoint


class Role(Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    kind: Mapped[RoleKind] = mapped_column(
        str_enum(RoleKind, "role_kind"), default=RoleKind.GENERAL
    )

    permissions: Mapped[list[RolePermission]] = relationship(
        back_populates="role", cascade="all, delete-orphan"
    )


class RolePermission(Base):
    """One permission a role grants; the names are ``starpos.operators.permissions`` constants."""

    __tablename__ = "role_permissions"

    role_id: Mapped[int] = mapped_column(
        ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True
    )
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)

    role: Mapped[Role] = relationship(back_populates="permissions")


class Operator(Base):
    """A person who logs in. The password is an argon2id hash, never the password."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # STAR: every permission whatever its roles say (manual 2.5).
    is_superuser: Mapped[bool] = mapped_column(Boolean, default=False)
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id"))
    forbid_login: Mapped[bool] = mapped_column(Boolean, default=False)
    may_login_other_sales_points: Mapped[bool] = mapped_column(Boolean, default=False)
    # The operator's own vendor float limit (see SalesPoint.float_limit; None: no limit).
    float_limit: Mapped[Decimal | None] = mapped_column(Money())
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    sales_point: Mapped[SalesPoint | None] = relationship()
    roles: Mapped[list[Role]] = relationship(secondary="operator_roles")


class OperatorRole(Base):
    __tablename__ = "operator_roles"

    operator_id: Mapped[int] = mapped_column(
        ForeignKey("operators.id", ondelete="CASCADE"), primary_key=True
    )
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"), primary_key=True)


class OperatorSessionRow(Base):
    """A command-line session (``starpos login``): an operator logged in for a while.

    The data folder keeps the token (``operator-session.json``, mode 0600); the store keeps
    only its SHA-256, so the file alone names a session and the store alone cannot act as
    one. ``ended_at`` is set by ``starpos logout``; past ``expires_at`` it is refused.
    """

    __tablename__ = "operator_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"), index=True)
    sales_point_code: Mapped[str | None] = mapped_column(String(CODE))
    terminal_code: Mapped[str | None] = mapped_column(String(CODE))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
