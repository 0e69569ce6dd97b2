"""Logins, passwords and log-outs at one counter, on :mod:`starpos.operators`.

Argon2 hashing, lockout, forbid login and the audit entries are the operators package's;
the counter hands callers the operator's :class:`~starpos.operators.session.OperatorSession`
and keeps the session of each operator logged in here (the log-out's audit entry names
where they were). Calls touch the database: a window runs them off its GUI thread.
"""

from __future__ import annotations

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.masterdata.terminals import TerminalPlace, terminal_place, this_terminal_code
from starpos.operators import passwords
from starpos.operators.login import login
from starpos.operators.session import OperatorSession


class CounterAuth:
    """Logins on :mod:`starpos.operators` (argon2, lockout, forbid login, audit), at the
    sales point of this computer's terminal (:mod:`starpos.masterdata.terminals`)."""

    def __init__(self, database: Database, terminal_code: str | None = None) -> None:
        self.database = database
        #: this computer's terminal code as its settings name it (an enrolment's wins)
        self.terminal_code = terminal_code
        #: the session of each operator logged in here
        self.sessions: dict[str, OperatorSession] = {}

    def place(self) -> TerminalPlace | None:
        """Where this counter stands now (read at each login: an administrator may have
        added or moved its terminal since the window opened)."""
        with self.database.reading() as session:
            return terminal_place(session, this_terminal_code(session, self.terminal_code))

    def login(self, code: str, password: str) -> OperatorSession:
        place = self.place()
        session = login(
            self.database,
            code.strip().upper(),
            password,
            sales_point_code=place.sales_point_code if place else None,
            terminal_code=place.terminal_code if place else None,
        )
        self.sessions[session.code] = session
        return session

    def change_password(self, code: str, old_password: str, new_password: str) -> None:
        passwords.change_password(self.database, code, old_password, new_password)

    def check_password(self, code: str, password: str) -> None:
        # Unlocking is a login for the lockout rules and the audit log.
        place = self.place()
        login(
            self.database,
            code,
            password,
            sales_point_code=place.sales_point_code if place else None,
            terminal_code=place.terminal_code if place else None,
        )

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
