"""The uplink's shapes on the wire, shared by the counter and the head office.

An event is one audit entry exactly as stored: its position in the chain (``seq``), its
random ``event_id``, every hashed field (``details`` as the very JSON text that was hashed)
and both hashes, so the head office recomputes the hash and checks the link itself.

A push is ``{"protocol": 1, "events": [...]}``, consecutive entries in chain order. The
answer has one verdict per event it looked at, in order, and ``next_seq``: the position
the head office expects next from this terminal.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

PROTOCOL = 1
#: The shape of one event (the audit entry's hashed fields). The head office takes this
#: one and the one before it, so a counter upgraded later than its head office still syncs.
EVENT_SCHEMA = 1
SUPPORTED_EVENT_SCHEMAS = frozenset(range(max(1, EVENT_SCHEMA - 1), EVENT_SCHEMA + 1))
#: Names the events of entries written before schema 0005, which carry no event id of their
#: own: the same entry always gets the same id (uuid5 of its hash).
LEGACY_EVENT_NAMESPACE = uuid.UUID("6f3c2d0e-8a4b-5c7d-9e1f-2a3b4c5d6e7f")


class Verdict(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"  # taken before; the stored result stands
    REJECTED = "rejected"  # never taken as it is: a person must look (a finding says why)
    RETRY_LATER = "retry_later"  # not looked at now; send it again


#: Verdicts after which the counter may count the event as delivered.
ACKNOWLEDGED = frozenset({Verdict.APPLIED, Verdict.DUPLICATE})


class MalformedEventError(ValueError):
    """An event that does not have the shape of an audit entry."""


@dataclass(frozen=True)
class WireEvent:
    """One audit entry as it travels; the attribute names are the ones the hash reads."""

    id: int  # the entry's position in its chain: the terminal's sequence number
    event_id: str | None
    occurred_at: datetime
    kind: str
    operator_code: str | None
    sales_point_code: str | None
    terminal_code: str | None
    subject: str
    details: str
    previous_hash: str
    entry_hash: str

    @property
    def seq(self) -> int:
        return self.id

    @property
    def key(self) -> str:
        """The id the head office keeps the event under (derived for old entries)."""
        if self.event_id is not None:
            return self.event_id
        return str(uuid.uuid5(LEGACY_EVENT_NAMESPACE, self.entry_hash))

    @classmethod
    def of_entry(cls, entry: Any) -> WireEvent:
        """From an ``audit_log`` row (ORM object or Core row with the same names)."""
        return cls(
            id=entry.id,
            event_id=entry.event_id,
            occurred_at=entry.occurred_at,
            kind=entry.kind,
            operator_code=entry.operator_code,
            sales_point_code=entry.sales_point_code,
            terminal_code=entry.terminal_code,
            subject=entry.subject,
            details=entry.details,
            previous_hash=entry.previous_hash,
            entry_hash=entry.entry_hash,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "schema": EVENT_SCHEMA,
            "seq": self.id,
            "event_id": self.event_id,
            "occurred_at": self.occurred_at.isoformat(),
            "kind": self.kind,
            "operator": self.operator_code,
            "sales_point": self.sales_point_code,
            "terminal": self.terminal_code,
            "subject": self.subject,
            "details": self.details,
            "previous_hash": self.previous_hash,
            "entry_hash": self.entry_hash,
        }

    @classmethod
    def from_json(cls, data: Any) -> WireEvent:
        if not isinstance(data, Mapping):
            raise MalformedEventError("an event is not an object")
        schema = data.get("schema")
        if isinstance(schema, bool) or schema not in SUPPORTED_EVENT_SCHEMAS:
            raise MalformedEventError(f"event schema {schema!r} is not supported")
        try:
            occurred_at = datetime.fromisoformat(_text(data, "occurred_at"))
        except ValueError as error:
            raise MalformedEventError("occurred_at is not an ISO time") from error
        if occurred_at.tzinfo is None:
            raise MalformedEventError("occurred_at has no time zone")
        seq = data.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise MalformedEventError("seq is not a positive integer")
        event_id = _optional(data, "event_id")
        if event_id is not None:
            try:
                uuid.UUID(event_id)
            except ValueError as error:
                raise MalformedEventError("event_id is not a UUID") from error
        return cls(
            id=seq,
            event_id=event_id,
            occurred_at=occurred_at,
            kind=_text(data, "kind"),
            operator_code=_optional(data, "operator"),
            sales_point_code=_optional(data, "sales_point"),
            terminal_code=_optional(data, "terminal"),
            subject=_text(data, "subject"),
            details=_text(data, "details"),
            previous_hash=_digest(data, "previous_hash"),
            entry_hash=_digest(data, "entry_hash"),
        )


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise MalformedEventError(f"{name} is not text")
    return value


def _optional(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise MalformedEventError(f"{name} is not text")
    return value


_HEX = frozenset("0123456789abcdef")


def _digest(data: Mapping[str, Any], name: str) -> str:
    value = _text(data, name)
    # A set, not a walk of the characters: 30 digests a push of 15 (SYN-48).
    if len(value) != 64 or not _HEX.issuperset(value):
        raise MalformedEventError(f"{name} is not a SHA-256 in hex")
    return value


@dataclass(frozen=True)
class EventAnswer:
    """The head office's verdict on one event (``reason``: a code when not applied)."""

    seq: int
    verdict: Verdict
    reason: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "verdict": self.verdict.value, "reason": self.reason}

    @classmethod
    def from_json(cls, data: Any) -> EventAnswer:
        if not isinstance(data, Mapping):
            raise ValueError("a verdict is not an object")
        seq, verdict, reason = data.get("seq"), data.get("verdict"), data.get("reason")
        if not isinstance(seq, int) or not isinstance(verdict, str):
            raise ValueError("a verdict lacks seq or verdict")
        if reason is not None and not isinstance(reason, str):
            raise ValueError("a verdict's reason is not text")
        return cls(seq, Verdict(verdict), reason)


class Reason(StrEnum):
    """Why an event was not applied (the code in a verdict and in a finding)."""

    CHAIN_BROKEN = "chain_broken"  # its hash or its link to the one before is wrong
    HISTORY_REWRITTEN = "history_rewritten"  # differs from what was taken at that position
    EVENT_ID_REUSED = "event_id_reused"  # another chain already sent this event id
    MALFORMED = "malformed"
    GAP = "gap"  # not the next one: the ones before it must come first
    STOPPED = "stopped"  # an event before it in the same push was not applied
