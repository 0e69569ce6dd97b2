"""Command-line sessions: ``starpos login`` once, then commands act as that operator.

A session is a random token handed to the caller (who keeps it in the data folder,
mode 0600) and its SHA-256 in ``operator_sessions`` with the operator, the place and an
expiry. :func:`resume` gives back the operator's :class:`OperatorSession` with what the
store grants *now* (a role taken away, forbid login or a pending password change take
effect at once); a token that expired or was ended (:func:`end`, audited as a logout) is
refused. Either half alone is useless: the file without its row, the row without the token.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import Operator, OperatorSessionRow
from starpos.operators.errors import LoginForbiddenError, SessionEndedError
from starpos.operators.login import sales_point_name
from starpos.operators.roles import operator_permissions
from starpos.operators.session import OperatorSession

#: How long a login lasts unless the caller says otherwise (one working day).
DEFAULT_LIFETIME = timedelta(hours=8)


@dataclass(frozen=True)
class StartedSession:
    """The token to keep (never stored in the database) and when it ends."""

    token: str
    operator_code: str
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def begin(
    database: Database,
    operator: OperatorSession,
    lifetime: timedelta = DEFAULT_LIFETIME,
    now: datetime | None = None,
) -> StartedSession:
    """A session for ``operator``, who has just logged in with a password (audited by the
    login itself)."""
    now = now or utc_now()
    token = secrets.token_urlsafe(32)
    with database.unit_of_work() as uow:
        operator_id = uow.session.scalar(select(Operator.id).where(Operator.code == operator.code))
        assert operator_id is not None  # the login just found it
        uow.session.add(
            OperatorSessionRow(
                token_hash=_digest(token),
                operator_id=operator_id,
                sales_point_code=operator.sales_point_code,
                terminal_code=operator.terminal_code,
                started_at=now,
                expires_at=now + lifetime,
            )
        )
        uow.commit()
    return StartedSession(token, operator.code, now + lifetime)


def resume(database: Database, token: str, now: datetime | None = None) -> OperatorSession:
    """The operator of a live session, with the rights the store grants now."""
    now = now or utc_now()
    with database.reading() as session:
        row = session.scalars(
            select(OperatorSessionRow).where(OperatorSessionRow.token_hash == _digest(token))
        ).first()
        if row is None:
            raise SessionEndedError(operator="-")
        operator = session.get(Operator, row.operator_id)
        assert operator is not None
        if row.ended_at is not None or row.expires_at <= now:
            raise SessionEndedError(operator=operator.code)
        if operator.forbid_login:
            raise LoginForbiddenError(operator=operator.code)
        return OperatorSession(
            code=operator.code,
            name=operator.name,
            permissions=operator_permissions(session, operator.id, operator.is_superuser),
            must_change_password=operator.must_change_password,
            sales_point_code=row.sales_point_code,
            sales_point_name=sales_point_name(session, row.sales_point_code),
            terminal_code=row.terminal_code,
        )


def end(database: Database, token: str, now: datetime | None = None) -> str | None:
    """End the session (audited as the operator's logout); its operator's code, or None
    when no live session has this token."""
    now = now or utc_now()
    with database.unit_of_work() as uow:
        row = uow.session.scalars(
            select(OperatorSessionRow).where(OperatorSessionRow.token_hash == _digest(token))
        ).first()
        if row is None or row.ended_at is not None:
            return None
        row.ended_at = now
        operator = uow.session.get(Operator, row.operator_id)
        code = operator.code if operator is not None else "-"
        append(
            uow.session,
            AuditKind.LOGOUT,
            subject=f"operator:{code}",
            details={"session": row.id},
            actor=Actor(code, row.sales_point_code, row.terminal_code),
            at=now,
        )
        uow.commit()
        return code
