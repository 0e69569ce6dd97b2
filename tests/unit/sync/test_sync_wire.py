"""Events on the wire: an audit entry travels with every hashed field, and the hash the
head office recomputes from the wire is the one the counter stored."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from starpos.audit.log import GENESIS_HASH, canonical_json, entry_hash
from starpos.db.models import AuditEntry
from starpos.sync.push import PushReport, _acknowledged_prefix
from starpos.sync.wire import EventAnswer, MalformedEventError, Verdict, WireEvent

MOMENT = datetime(2026, 12, 2, 8, 30, 5, tzinfo=UTC)


def _entry(event_id: str | None = "5b0f6c1e-3f59-4a43-9d2c-7c1d8f1a2b3c") -> AuditEntry:
    entry = AuditEntry(
        id=7,
        occurred_at=MOMENT,
        kind="vend",
        operator_code="CASH1",
        sales_point_code="SP01",
        terminal_code="T01",
        subject="vend:V2612SP0100001",
        details=canonical_json({"step": "issued", "token_kwh": "12.3"}),
        previous_hash="a" * 64,
        event_id=event_id,
    )
    entry.entry_hash = entry_hash(entry)
    return entry


def test_an_entry_survives_the_wire_with_its_hash() -> None:
    entry = _entry()
    sent = json.loads(json.dumps(WireEvent.of_entry(entry).as_json()))
    received = WireEvent.from_json(sent)
    assert received.seq == 7
    assert entry_hash(received) == entry.entry_hash == received.entry_hash
    assert received.key == entry.event_id


def test_the_event_id_is_hashed_with_the_entry() -> None:
    received = WireEvent.of_entry(_entry())
    other_id = replace(received, event_id=str(uuid.uuid4()))
    assert entry_hash(other_id) != received.entry_hash


def test_an_entry_without_an_event_id_hashes_as_before_schema_0005() -> None:
    entry = _entry(event_id=None)
    body = canonical_json(
        [7, MOMENT.isoformat(), "vend", "CASH1", "SP01", "T01", entry.subject, entry.details]
    )
    assert entry.entry_hash == hashlib.sha256((entry.previous_hash + body).encode()).hexdigest()
    # Its key at the head office is derived from the hash: the same entry, the same key.
    received = WireEvent.of_entry(entry)
    assert received.key == WireEvent.of_entry(_entry(event_id=None)).key
    assert uuid.UUID(received.key).version == 5


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("seq", 0),
        ("seq", "7"),
        ("occurred_at", "yesterday"),
        ("occurred_at", "2026-12-02T08:30:05"),
        ("event_id", "not-a-uuid"),
        ("details", {"step": "issued"}),
        ("entry_hash", "XYZ"),
        ("previous_hash", GENESIS_HASH[:-1]),
        ("schema", 99),
        ("kind", None),
    ],
)
def test_a_malformed_event_is_refused(field: str, value: object) -> None:
    sent = WireEvent.of_entry(_entry()).as_json()
    sent[field] = value
    with pytest.raises(MalformedEventError):
        WireEvent.from_json(sent)


def _answers(*pairs: tuple[int, Verdict]) -> list[EventAnswer]:
    return [EventAnswer(seq, verdict) for seq, verdict in pairs]


def test_acknowledgement_moves_over_applied_and_duplicates_in_order() -> None:
    report = PushReport()
    reached, stop = _acknowledged_prefix(
        _answers((4, Verdict.DUPLICATE), (5, Verdict.APPLIED), (6, Verdict.APPLIED)), 3, report
    )
    assert (reached, stop) == (6, None)
    assert (report.applied, report.duplicates) == (2, 1)


@pytest.mark.parametrize(
    "answers",
    [
        _answers((4, Verdict.APPLIED), (5, Verdict.REJECTED), (6, Verdict.RETRY_LATER)),
        _answers((4, Verdict.APPLIED), (5, Verdict.RETRY_LATER)),
        # An answer out of order never moves the position past a missing one.
        _answers((4, Verdict.APPLIED), (6, Verdict.APPLIED)),
    ],
)
def test_acknowledgement_stops_at_the_first_event_not_taken(answers: list[EventAnswer]) -> None:
    reached, stop = _acknowledged_prefix(answers, 3, PushReport())
    assert reached == 4
    assert stop is not None and stop.seq in (5, 6)
