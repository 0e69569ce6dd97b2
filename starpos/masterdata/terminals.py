"""Which terminal this computer is, and so which sales point it sells at (manual 2.10).

A counter enrolled with a head office is the terminal the head office enrolled it as (its
sync state says so); any other installation is the terminal its ``terminal.code`` setting
names (the installer's, like the module's port). The store's terminal row binds it to a
sales point: that is where its operators log in (manual 2.6 "Login Other Sales Point") and
where its sales are booked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.models import SalesPoint, SyncState, Terminal
from starpos.errors import ConfigError


class TerminalInactiveError(ConfigError):
    code = "config.terminal_inactive"
    template = (
        "This computer is terminal {terminal}, which is not active: nobody may log in on it. "
        "An administrator can make it active under Terminals."
    )


@dataclass(frozen=True)
class TerminalPlace:
    terminal_code: str
    sales_point_code: str
    sales_point_name: str


def this_terminal_code(session: Session, configured: str | None) -> str | None:
    """The enrolment's terminal, else the configured one (None: neither)."""
    enrolled = session.scalar(select(SyncState.terminal_code).where(SyncState.id == 1))
    return enrolled or (configured or None)


def terminal_place(session: Session, code: str | None) -> TerminalPlace | None:
    """Where terminal ``code`` stands; None when no code is given or the store has no such
    terminal yet (a store being set up); :class:`TerminalInactiveError` when it is off."""
    if not code:
        return None
    row = session.execute(
        select(Terminal.active, SalesPoint.code, SalesPoint.name)
        .join(SalesPoint, SalesPoint.id == Terminal.sales_point_id)
        .where(Terminal.code == code)
    ).first()
    if row is None:
        return None
    active, point_code, point_name = row
    if not active:
        raise TerminalInactiveError(terminal=code)
    return TerminalPlace(code, point_code, point_name)
