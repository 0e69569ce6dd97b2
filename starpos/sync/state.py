"""The counter's sync state: its enrolment and how far the head office has acknowledged its
audit chain. Events waiting = the audit log's last entry - the acknowledged one.

Nothing is ever deleted for the sync: the entries stay in the audit log, so an event can be
sent again at any time (a lost answer, a head office restored from a backup).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, AuditHead, SyncState
from starpos.sync.errors import NotEnrolledError

_STATE = cast(Table, SyncState.__table__)
_ENTRIES = cast(Table, AuditEntry.__table__)
_HEAD = cast(Table, AuditHead.__table__)

# Forward only: two pushes at once (a window and a script) both get answers; the later
# answer must not move the position back.
_ACKNOWLEDGE = (
    update(_STATE)
    .where(_STATE.c.id == 1, _STATE.c.acknowledged_seq < bindparam("seq"))
    .values(
        acknowledged_seq=bindparam("seq"),
        acknowledged_hash=bindparam("entry_hash"),
    )
)
_NOTE_PUSH = (
    update(_STATE)
    .where(_STATE.c.id == 1)
    .values(last_push_at=bindparam("at"), last_error=bindparam("error"))
)
_REWIND = (
    update(_STATE)
    .where(_STATE.c.id == 1)
    .values(acknowledged_seq=bindparam("seq"), acknowledged_hash=bindparam("entry_hash"))
)
_ENTRY_HASH = select(_ENTRIES.c.entry_hash).where(_ENTRIES.c.id == bindparam("seq"))
_PENDING = (
    select(_ENTRIES)
    .where(_ENTRIES.c.id > bindparam("after"))
    .order_by(_ENTRIES.c.id)
    .limit(bindparam("limit"))
)


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    key_id: str
    terminal_code: str
    sales_point_code: str
    enrolled_at: datetime


def enrolment(session: Session) -> Enrolment | None:
    state = session.get(SyncState, 1)
    if state is None:
        return None
    return Enrolment(
        state.server_url,
        state.key_id,
        state.terminal_code,
        state.sales_point_code,
        state.enrolled_at,
    )


def require_enrolment(session: Session) -> Enrolment:
    found = enrolment(session)
    if found is None:
        raise NotEnrolledError()
    return found


def record_enrolment(session: Session, found: Enrolment) -> None:
    session.add(
        SyncState(
            id=1,
            server_url=found.server_url,
            key_id=found.key_id,
            terminal_code=found.terminal_code,
            sales_point_code=found.sales_point_code,
            enrolled_at=found.enrolled_at,
            acknowledged_seq=0,
        )
    )


def acknowledged_seq(session: Session) -> int:
    state = session.get(SyncState, 1)
    return state.acknowledged_seq if state is not None else 0


def pending_entries(session: Session, after: int, limit: int) -> list[Any]:
    """Up to ``limit`` audit entries after position ``after``, in chain order."""
    return list(session.connection().execute(_PENDING, {"after": after, "limit": limit}))


def acknowledge(session: Session, seq: int, entry_hash: str) -> None:
    session.connection().execute(_ACKNOWLEDGE, {"seq": seq, "entry_hash": entry_hash})


def rewind(session: Session, seq: int) -> None:
    """The head office has fewer events than it once acknowledged (its store was restored):
    send again from there. Only the head office's own word moves the position back."""
    found = session.connection().execute(_ENTRY_HASH, {"seq": seq}).scalar()
    session.connection().execute(
        _REWIND, {"seq": seq, "entry_hash": found if found is not None else "0" * 64}
    )


def note_push(session: Session, error: str | None) -> None:
    session.connection().execute(_NOTE_PUSH, {"at": utc_now(), "error": error})


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    terminal_code: str | None
    sales_point_code: str | None
    acknowledged_seq: int
    last_entry: int
    last_push_at: datetime | None
    last_error: str | None

    @property
    def waiting(self) -> int:
        return max(0, self.last_entry - self.acknowledged_seq)

    def as_dict(self) -> dict[str, Any]:
        return {
            "enrolled": self.enrolled,
            "server": self.server_url,
            "terminal": self.terminal_code,
            "sales_point": self.sales_point_code,
            "acknowledged": self.acknowledged_seq,
            "last_entry": self.last_entry,
            "waiting": self.waiting,
            "last_push_at": self.last_push_at,
            "last_error": self.last_error,
        }


def status(session: Session) -> SyncStatus:
    state = session.get(SyncState, 1)
    last_entry = session.connection().execute(select(_HEAD.c.last_id)).scalar() or 0
    if state is None:
        return SyncStatus(False, None, None, None, 0, last_entry, None, None)
    return SyncStatus(
        True,
        state.server_url,
        state.terminal_code,
        state.sales_point_code,
        state.acknowledged_seq,
        last_entry,
        state.last_push_at,
        state.last_error,
    )
