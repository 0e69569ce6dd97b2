"""The counter's sync state: its enrolment, how far the head office has acknowledged its
audit chain (events waiting = the audit log's last entry - the acknowledged one), where it
stands in the head office's change feed, and when it last reached the head office.

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
_NOTE_ERROR = update(_STATE).where(_STATE.c.id == 1).values(last_error=bindparam("error"))
_NOTE_CONTACT = (
    update(_STATE).where(_STATE.c.id == 1).values(last_contact_at=bindparam("at"), last_error=None)
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


def note_error(session: Session, error: str) -> None:
    """The last attempt to reach the head office failed (push or pull)."""
    session.connection().execute(_NOTE_ERROR, {"error": error})


def note_contact(session: Session, at: datetime | None = None) -> None:
    """The head office answered a signed request: what offline limits count from."""
    session.connection().execute(_NOTE_CONTACT, {"at": at or utc_now()})


def downlink_cursor(session: Session) -> int | None:
    state = session.get(SyncState, 1)
    return state.downlink_cursor if state is not None else None


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
    enrolled_at: datetime | None = None
    last_pull_at: datetime | None = None
    last_contact_at: datetime | None = None
    downlink_cursor: int | None = None

    @property
    def waiting(self) -> int:
        return max(0, self.last_entry - self.acknowledged_seq)

    @property
    def online(self) -> bool:
        """The last attempt reached the head office."""
        return self.enrolled and self.last_contact_at is not None and self.last_error is None

    @property
    def offline_since(self) -> datetime | None:
        """When the head office last answered, while it does not (None when online)."""
        if not self.enrolled or self.online:
            return None
        return self.last_contact_at or self.enrolled_at

    def as_dict(self) -> dict[str, Any]:
        return {
            "enrolled": self.enrolled,
            "server": self.server_url,
            "terminal": self.terminal_code,
            "sales_point": self.sales_point_code,
            "acknowledged": self.acknowledged_seq,
            "last_entry": self.last_entry,
            "waiting": self.waiting,
            "online": self.online,
            "offline_since": self.offline_since,
            "last_sync_at": self.last_contact_at,
            "last_push_at": self.last_push_at,
            "last_pull_at": self.last_pull_at,
            "downlink_cursor": self.downlink_cursor,
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
        enrolled_at=state.enrolled_at,
        last_pull_at=state.last_pull_at,
        last_contact_at=state.last_contact_at,
        downlink_cursor=state.downlink_cursor,
    )
