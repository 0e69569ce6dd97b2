"""Logins, passwords and log-outs at one counter, on :mod:`starpos.operators.auth`.

Argon2 hashing, lockout, forbid login and the audit entries are :mod:`starpos.operators.auth`'s; the
counter keeps the core's session of each operator logged in here (the vend and the
voucher need its actor) and hands callers the small
:class:`~starpos.counter.views.OperatorSession`. Calls touch the database: a window runs
them off its GUI thread.
"""

from __future__ import annotations

from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind, append
from starpos.counter.views import OperatorSession
from starpos.db import Database
from starpos.db.models import SalesPoint
from starpos.operators import auth


def view_session(session: auth.OperatorSession, sales_point_name: str) -> OperatorSession:
    return OperatorSession(
        code=session.operator_code,
        name=session.name,
        sales_point=sales_point_name,
        permissions=session.permissions,
        must_change_password=session.must_change_password,
    )


class CounterAuth:
    """Logins on :mod:`starpos.operators.auth` (argon2, lockout, forbid login, audit)."""

    def __init__(self, database: Database, sales_point_code: str | None = None) -> None:
        self.database = database
        self.sales_point_code = sales_point_code
        #: the core's session of each operator logged in here (the vend needs its actor)
        self.sessions: dict[str, auth.OperatorSession] = {}

    def login(self, code: str, password: str) -> OperatorSession:
        session = auth.login(
            self.database, code.strip().upper(), password, sales_point_code=self.sales_point_code
        )
        self.sessions[session.operator_code] = session
        return view_session(session, self._sales_point_name(session.sales_point_code))

    def change_password(self, code: str, old_password: str, new_password: str) -> None:
        auth.change_password(self.database, code, old_password, new_password)

    def check_password(self, code: str, password: str) -> None:
        # Unlocking is a login for the lockout rules and the audit log.
        auth.login(self.database, code, password, sales_point_code=self.sales_point_code)

    def log_out(self, code: str) -> None:
        session = self.sessions.pop(code, None)
        with self.database.unit_of_work() as uow:
            append(
                uow.session,
                AuditKind.LOGOUT,
                subject=f"operator:{code}",
                actor=session.actor if session else Actor(code),
            )
            uow.commit()

    def _sales_point_name(self, code: str | None) -> str:
        if code is None:
            return "-"
        with self.database.reading() as session:
            point = session.scalars(select(SalesPoint).where(SalesPoint.code == code)).first()
            return f"{point.name} ({code})" if point else code
