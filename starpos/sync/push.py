"""``starpos sync push``: send the audit entries the head office has not acknowledged.

Batches of consecutive entries go up in chain order. The acknowledged position moves only
over events the head office answered *applied* or *duplicate*, in order, and only after the
answer came: an answer lost on the way (a cut connection, a killed process) leaves the
position where it was, the same events go up again, and the head office answers them as
duplicates. A *rejected* event stops the push until the head office has looked at it; a
*retry later* stops it until the next push.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starpos.db import Database
from starpos.sync import state
from starpos.sync.client import HeadOfficeClient
from starpos.sync.errors import EventRefusedError, ProtocolError, RetryLaterError, SyncError
from starpos.sync.keys import load_key
from starpos.sync.wire import ACKNOWLEDGED, PROTOCOL, EventAnswer, Verdict, WireEvent
from starpos.vending.crash_points import crash_point

BATCH_SIZE = 500
#: Crash point (:mod:`starpos.vending.crash_points`) for the kill tests: the head office
#: answered, nothing stored yet.
AFTER_ANSWER = "sync-after-answer"
#: A head office restored from a backup asks for events it had acknowledged: it may do so a
#: few times in one push, never endlessly.
MAX_REWINDS = 3


@dataclass
class PushReport:
    batches: int = 0
    sent: int = 0
    applied: int = 0
    duplicates: int = 0
    acknowledged: int = 0
    waiting: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "batches": self.batches,
            "sent": self.sent,
            "applied": self.applied,
            "duplicates": self.duplicates,
            "acknowledged": self.acknowledged,
            "waiting": self.waiting,
        }


@dataclass(frozen=True)
class _Answer:
    verdicts: list[EventAnswer]
    next_seq: int


def push(
    database: Database,
    *,
    batch_size: int = BATCH_SIZE,
    client: HeadOfficeClient | None = None,
) -> PushReport:
    """Send everything waiting; the report says what the head office did with it."""
    with database.reading() as session:
        found = state.require_enrolment(session)
        acknowledged = state.acknowledged_seq(session)
    own_client = client is None
    if client is None:
        client = HeadOfficeClient(found.server_url, key_id=found.key_id, key=load_key())
    report = PushReport(acknowledged=acknowledged)
    try:
        _push_all(database, client, report, batch_size)
    except SyncError as error:
        with database.unit_of_work() as uow:
            state.note_push(uow.session, error.message)
            uow.commit()
        raise
    finally:
        if own_client:
            client.close()
    with database.reading() as session:
        report.waiting = state.status(session).waiting
    return report


def _push_all(
    database: Database, client: HeadOfficeClient, report: PushReport, batch_size: int
) -> None:
    rewinds = 0
    while True:
        with database.reading() as session:
            rows = state.pending_entries(session, report.acknowledged, batch_size)
        if not rows:  # everything is acknowledged (the answers noted the contact)
            return
        events = [WireEvent.of_entry(row) for row in rows]
        answer = _read(client.push([event.as_json() for event in events], PROTOCOL))
        crash_point(AFTER_ANSWER)
        report.batches += 1
        report.sent += len(events)
        hashes = {event.id: event.entry_hash for event in events}
        reached, stop = _acknowledged_prefix(answer.verdicts, report.acknowledged, report)
        with database.unit_of_work() as uow:
            if reached > report.acknowledged:
                state.acknowledge(uow.session, reached, hashes[reached])
            elif answer.next_seq - 1 < report.acknowledged and rewinds < MAX_REWINDS:
                rewinds += 1
                reached = answer.next_seq - 1
                state.rewind(uow.session, reached)
                stop = None
            state.note_push(uow.session, None)
            state.note_contact(uow.session)
            uow.commit()
        progressed = reached != report.acknowledged
        report.acknowledged = reached
        if stop is not None and stop.verdict is Verdict.REJECTED:
            raise EventRefusedError(seq=stop.seq, reason=stop.reason or "rejected")
        if stop is not None:
            raise RetryLaterError(reason=f"event {stop.seq}: {stop.reason or 'retry later'}")
        if not progressed:
            raise RetryLaterError(reason="no event was acknowledged")


def _acknowledged_prefix(
    verdicts: list[EventAnswer], acknowledged: int, report: PushReport
) -> tuple[int, EventAnswer | None]:
    """How far the answers acknowledge, in order from ``acknowledged + 1``, and the first
    answer that stopped it (None when every event sent was acknowledged)."""
    reached = acknowledged
    for verdict in verdicts:
        if verdict.seq != reached + 1:
            return reached, verdict
        if verdict.verdict not in ACKNOWLEDGED:
            return reached, verdict
        reached = verdict.seq
        if verdict.verdict is Verdict.APPLIED:
            report.applied += 1
        else:
            report.duplicates += 1
    return reached, None


def _read(answer: dict[str, Any]) -> _Answer:
    try:
        verdicts = [EventAnswer.from_json(item) for item in answer["results"]]
        next_seq = answer["next_seq"]
    except (KeyError, TypeError, ValueError) as error:
        raise ProtocolError(detail=f"push answer: {error}") from error
    if not isinstance(next_seq, int) or next_seq < 1:
        raise ProtocolError(detail="push answer: next_seq")
    return _Answer(verdicts, next_seq)
