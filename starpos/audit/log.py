"""The append-only audit log, each entry chained to the one before by SHA-256.

``entry_hash = SHA-256(previous_hash || canonical JSON of the entry)``, where the entry is
its id, time, kind, who, where, subject and details, then its event id when it has one
(entries written since schema 0005; the id the head office takes each entry under,
docs/sync.md). Changing an entry breaks its own hash;
removing one breaks the link of the next (and the contiguous ids); removing the last ones
disagrees with ``audit_head``. :func:`verify` walks the chain and names every break.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, AuditHead
from starpos.errors import StorageError

GENESIS_HASH = "0" * 64


class AuditKind(StrEnum):
    VEND = "vend"
    VEND_FAILED = "vend_failed"
    VEND_REFUSED = "vend_refused"
    VEND_CANCELLED = "vend_cancelled"
    REPRINT = "reprint"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    PASSWORD_CHANGE = "password_change"
    PERMISSION_CHANGE = "permission_change"
    PRICE_CHANGE = "price_change"
    MASTER_DATA_CHANGE = "master_data_change"
    KEY_ACTION = "key_action"
    MODULE_ACTION = "module_action"
    CARD_ACTION = "card_action"
    TOKEN_OPERATION = "token_operation"
    KEY_CHANGE_FLAG = "key_change_flag"
    DEMO_SEED = "demo_seed"
    STORE_RESTORED = "store_restored"
    MODULE_CREDIT = "module_credit"
    MODULE_BOUND = "module_bound"
    RECONCILE = "reconcile"
    # A shift's life, its cash movements, its Z and the day close (starpos.shifts).
    SHIFT = "shift"


#: The ``step`` of a sale's ISSUED entry: how the credit reached its token or card. The
#: ledger moves a sale to ISSUED only with one of these (``vending/ledger.py``), the head
#: office books it as sold on exactly these (``server/sale_projection.py``) and the ledger
#: check takes them as "credit made" (``audit/ledger_check.py``).
ISSUING_STEPS = frozenset({"issued", "recovered", "settled", "settled_by_replacement"})


@dataclass(frozen=True)
class Actor:
    """Who did it and where; all optional (start-up recovery has no operator)."""

    operator_code: str | None = None
    sales_point_code: str | None = None
    terminal_code: str | None = None


class AuditChainBrokenError(StorageError):
    code = "storage.audit_broken"
    template = (
        "The audit log has been tampered with: {count} problem(s), the first at entry "
        "{entry_id}. Keep a copy of the database and tell the administrator; "
        "starpos audit verify --json lists every problem."
    )


class AuditHeadMissingError(StorageError):
    code = "storage.audit_head_missing"
    template = "The audit log is not set up in this database. Run: starpos db upgrade"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        raise TypeError("floats are not allowed in the audit log; use Decimal")
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(_plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class ChainLink(Protocol):
    """What the hash covers: a stored entry, or an entry as the head office received it."""

    @property
    def id(self) -> int: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def kind(self) -> str: ...
    @property
    def operator_code(self) -> str | None: ...
    @property
    def sales_point_code(self) -> str | None: ...
    @property
    def terminal_code(self) -> str | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def details(self) -> str: ...
    @property
    def previous_hash(self) -> str: ...
    @property
    def event_id(self) -> str | None: ...


def entry_hash(entry: ChainLink) -> str:
    fields: list[Any] = [
        entry.id,
        entry.occurred_at.isoformat(),
        entry.kind,
        entry.operator_code,
        entry.sales_point_code,
        entry.terminal_code,
        entry.subject,
        entry.details,
    ]
    if entry.event_id is not None:
        fields.append(entry.event_id)
    body = canonical_json(fields)
    return hashlib.sha256((entry.previous_hash + body).encode("utf-8")).hexdigest()


# Built once: the chain append runs in every vend's two commits, and plain Core statements on
# the session's connection skip the ORM's per-statement work (identity map, flush, loading).
_HEAD = cast(Table, AuditHead.__table__)
_READ_HEAD = select(_HEAD.c.last_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1).with_for_update()
_INSERT_ENTRY = insert(cast(Table, AuditEntry.__table__))
_MOVE_HEAD = (
    update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(last_id=bindparam("new_id"), last_hash=bindparam("new_hash"))
)


@dataclass(frozen=True)
class ChainHead:
    """Where the chain ends: ``last_id`` entries (ids run 1..last_id), the last one's hash
    (:data:`GENESIS_HASH` for an empty log). What the module journals as the store's anchor."""

    last_id: int
    last_hash: str


_PEEK_HEAD = select(_HEAD.c.last_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1)


def head(session: Session) -> ChainHead:
    """The chain's head as the caller's transaction sees it (after its own appends)."""
    row = session.connection().execute(_PEEK_HEAD).first()
    if row is None:
        raise AuditHeadMissingError()
    return ChainHead(int(row[0]), str(row[1]))


def append(
    session: Session,
    kind: AuditKind,
    *,
    subject: str = "",
    details: Mapping[str, Any] | None = None,
    actor: Actor | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add one entry in the caller's writing transaction (it commits or rolls back with it).

    The entry is written straight to the table; the returned object is a detached copy.
    """
    actor = actor or Actor()
    connection = session.connection()
    head = connection.execute(_READ_HEAD).first()
    if head is None:
        raise AuditHeadMissingError()
    last_id, last_hash = head
    entry = AuditEntry(
        id=last_id + 1,
        # In UTC, microseconds dropped: what is hashed must read back identically on every
        # database (a local time read back as UTC would hash differently).
        occurred_at=(at or utc_now()).astimezone(UTC).replace(microsecond=0),
        kind=AuditKind(kind).value,
        operator_code=actor.operator_code,
        sales_point_code=actor.sales_point_code,
        terminal_code=actor.terminal_code,
        subject=subject,
        details=canonical_json(details or {}),
        previous_hash=last_hash,
        event_id=str(uuid.uuid4()),
    )
    entry.entry_hash = entry_hash(entry)
    connection.execute(
        _INSERT_ENTRY,
        {
            "id": entry.id,
            "occurred_at": entry.occurred_at,
            "kind": entry.kind,
            "operator_code": entry.operator_code,
            "sales_point_code": entry.sales_point_code,
            "terminal_code": entry.terminal_code,
            "subject": entry.subject,
            "details": entry.details,
            "previous_hash": entry.previous_hash,
            "entry_hash": entry.entry_hash,
            "event_id": entry.event_id,
        },
    )
    connection.execute(_MOVE_HEAD, {"new_id": entry.id, "new_hash": entry.entry_hash})
    return entry


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int
    problem: str


@dataclass
class AuditReport:
    entries: int = 0
    problems: list[AuditProblem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    def raise_if_broken(self) -> None:
        if self.problems:
            first = self.problems[0]
            raise AuditChainBrokenError(count=len(self.problems), entry_id=first.entry_id)


def _entries(session: Session, batch: int = 5000) -> Iterator[AuditEntry]:
    after = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.id > after).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].id
        session.expunge_all()


def verify(session: Session) -> AuditReport:
    """Walk the whole chain; every changed, removed or inserted entry becomes a problem."""
    report = AuditReport()
    expected_id = 1
    previous = GENESIS_HASH
    for entry in _entries(session):
        report.entries += 1
        if entry.id != expected_id:
            report.problems.append(
                AuditProblem(entry.id, f"entries {expected_id} to {entry.id - 1} are missing")
            )
        if entry.previous_hash != previous:
            report.problems.append(AuditProblem(entry.id, "it does not follow the entry before it"))
        if entry_hash(entry) != entry.entry_hash:
            report.problems.append(AuditProblem(entry.id, "its content was changed"))
        previous = entry.entry_hash
        expected_id = entry.id + 1
    head = session.get(AuditHead, 1)
    last_id = expected_id - 1
    if head is None:
        report.problems.append(AuditProblem(last_id, "the head row is missing"))
    elif head.last_id != last_id or head.last_hash != previous:
        report.problems.append(
            AuditProblem(
                head.last_id,
                f"the log ends at entry {last_id} but should end at entry {head.last_id}",
            )
        )
    return report
