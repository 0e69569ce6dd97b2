"""The one :class:`OperatorSession`: an operator at work, and the one rule of what they may do.

Every permission question is asked of a session (:meth:`OperatorSession.may`,
:meth:`OperatorSession.require`). A session begins with a login, or, for callers that name
an operator instead of logging one in, by acting as that operator
(:mod:`starpos.operators.login`).

The rule: an operator whose password must be changed (a new operator, or one whose
password an administrator reset) may do nothing but change it; any other operator may do
what their roles grant (STAR: everything).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db.models import Operator
from starpos.operators.errors import (
    PasswordChangeRequiredError,
    PermissionDeniedError,
    UnknownOperatorError,
)


@dataclass(frozen=True)
class OperatorSession:
    """An operator at work: who, where, and what they may do.

    ``permissions``: the names of :mod:`starpos.operators.permissions` the operator's roles
    granted when the session began. ``sales_point_code``: where the operator works (None:
    no home sales point and none named); ``sales_point_name``: its name for a person
    (empty when the store has none). ``terminal_code``: the terminal, when one is named.
    """

    code: str
    name: str
    permissions: frozenset[str]
    must_change_password: bool = False
    sales_point_code: str | None = None
    sales_point_name: str = ""
    terminal_code: str | None = None

    @property
    def actor(self) -> Actor:
        """Who acts, as the audit log and the ledger record it."""
        return Actor(self.code, self.sales_point_code, self.terminal_code)

    @property
    def sales_point(self) -> str:
        """The sales point as a person reads it: "Riverside Office (SP01)", else its code,
        else "-"."""
        if self.sales_point_code is None:
            return "-"
        if not self.sales_point_name:
            return self.sales_point_code
        return f"{self.sales_point_name} ({self.sales_point_code})"

    def may(self, permission: str) -> bool:
        """Whether the operator may do ``permission`` now (never while a password change is
        pending)."""
        return not self.must_change_password and permission in self.permissions

    def may_any(self, names: tuple[str, ...]) -> bool:
        """Whether the operator may do at least one of ``names`` now."""
        return any(self.may(name) for name in names)

    def require_any(self, names: tuple[str, ...]) -> None:
        """Go on only if :meth:`may_any`; the refusal names them all."""
        if not self.may_any(names):
            self.require("/".join(names))

    def require(self, permission: str) -> None:
        """Go on only if :meth:`may`; otherwise say why not (the pending password change
        first, since changing it is all that operator may do)."""
        if self.must_change_password:
            raise PasswordChangeRequiredError(operator=self.code)
        if permission not in self.permissions:
            raise PermissionDeniedError(operator=self.code, permission=permission)


def find_operator(session: Session, code: str) -> Operator:
    """The operator whose code is ``code`` (:class:`UnknownOperatorError` when none is)."""
    operator = session.scalars(select(Operator).where(Operator.code == code)).first()
    if operator is None:
        raise UnknownOperatorError(operator=code or "-")
    return operator
