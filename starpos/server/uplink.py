"""A terminal's push, applied once: each event in chain order, in one transaction.

The terminal's enrolment row is locked first, so two pushes of one terminal (a resend while
the first is still running, two server processes) take turns; pushes of different
terminals do not wait for each other. For each event, in order:

* position at or below the last applied: a *duplicate*, answered as such if it is exactly
  the stored entry; a different entry at a taken position is history rewritten (refused);
* the next position: its link must be the hash of the last applied entry and its own hash
  must be right (else the chain is broken: refused); its event id must be new (a copied
  store sends ids another chain already sent: refused); then it is stored and projected;
* further on: a *gap* (answered retry later): the ones before it must come first.

The first refused event or gap stops the push: the events after it are answered retry
later. Refusals raise a finding. Nothing is answered *applied* before the transaction that
applied it has committed: the caller sends the answer after the commit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import entry_hash
from starpos.db.models import ReceivedEvent, TerminalEnrolment
from starpos.server.authentication import RequestRefused, Signer
from starpos.server.findings import FindingKind, Flag, raise_finding
from starpos.server.projections import TerminalEvent, project
from starpos.sync import signing
from starpos.sync.wire import EventAnswer, MalformedEventError, Reason, Verdict, WireEvent

log = logging.getLogger(__name__)


@dataclass
class BatchOutcome:
    answers: list[EventAnswer] = field(default_factory=list)
    next_seq: int = 1

    def count(self, verdict: Verdict) -> int:
        return sum(1 for answer in self.answers if answer.verdict is verdict)

    def as_json(self) -> dict[str, Any]:
        return {
            "results": [answer.as_json() for answer in self.answers],
            "next_seq": self.next_seq,
        }


class _Stop(Exception):
    def __init__(self, answer: EventAnswer) -> None:
        super().__init__(answer.reason)
        self.answer = answer


def apply_batch(
    session: Session, signer: Signer, raw_events: list[Any], now: datetime
) -> BatchOutcome:
    enrolment = session.get(TerminalEnrolment, signer.enrolment_id, with_for_update=True)
    if enrolment is None or enrolment.revoked_at is not None:
        raise RequestRefused(403, signing.REVOKED)
    outcome = BatchOutcome()
    for position, raw in enumerate(raw_events):
        try:
            outcome.answers.append(_apply_one(session, signer, enrolment, raw))
        except _Stop as stop:
            outcome.answers.append(stop.answer)
            for later in raw_events[position + 1 :]:
                seq = later.get("seq") if isinstance(later, dict) else None
                if isinstance(seq, int):
                    outcome.answers.append(EventAnswer(seq, Verdict.RETRY_LATER, Reason.STOPPED))
            break
    enrolment.last_seen_at = now
    outcome.next_seq = enrolment.applied_seq + 1
    return outcome


def _refuse(
    session: Session,
    signer: Signer,
    seq: int,
    reason: Reason,
    kind: FindingKind,
    details: dict[str, Any],
    subject: str = "",
) -> _Stop:
    raise_finding(
        session,
        kind,
        enrolment_id=signer.enrolment_id,
        terminal_code=signer.terminal_code,
        seq=seq,
        subject=subject,
        details=details,
    )
    log.warning(
        "event refused",
        extra={"terminal": signer.terminal_code, "seq": seq, "reason": reason.value},
    )
    return _Stop(EventAnswer(seq, Verdict.REJECTED, reason))


def _apply_one(
    session: Session, signer: Signer, enrolment: TerminalEnrolment, raw: Any
) -> EventAnswer:
    try:
        event = WireEvent.from_json(raw)
    except MalformedEventError as error:
        seq = raw.get("seq") if isinstance(raw, dict) else None
        seq = seq if isinstance(seq, int) else enrolment.applied_seq + 1
        raise _refuse(
            session,
            signer,
            seq,
            Reason.MALFORMED,
            FindingKind.MALFORMED_EVENT,
            {"problem": str(error)},
        ) from error
    expected = enrolment.applied_seq + 1
    if event.seq < expected:
        return _duplicate(session, signer, event)
    if event.seq > expected:
        raise _Stop(EventAnswer(event.seq, Verdict.RETRY_LATER, Reason.GAP))
    if event.previous_hash != enrolment.applied_hash or entry_hash(event) != event.entry_hash:
        raise _refuse(
            session,
            signer,
            event.seq,
            Reason.CHAIN_BROKEN,
            FindingKind.CHAIN_BROKEN,
            {
                "expected_previous": enrolment.applied_hash,
                "previous": event.previous_hash,
                "hash_matches": entry_hash(event) == event.entry_hash,
            },
            event.subject,
        )
    reused = session.scalar(
        select(ReceivedEvent.enrolment_id).where(ReceivedEvent.event_id == event.key)
    )
    if reused is not None:
        raise _refuse(
            session,
            signer,
            event.seq,
            Reason.EVENT_ID_REUSED,
            FindingKind.EVENT_ID_REUSED,
            {"event_id": event.key, "first_sent_by": reused},
            event.subject,
        )
    _store(session, signer, event)
    enrolment.applied_seq = event.seq
    enrolment.applied_hash = event.entry_hash
    return EventAnswer(event.seq, Verdict.APPLIED)


def _duplicate(session: Session, signer: Signer, event: WireEvent) -> EventAnswer:
    stored = session.get(ReceivedEvent, (signer.enrolment_id, event.seq))
    if stored is not None and stored.entry_hash == event.entry_hash:
        return EventAnswer(event.seq, Verdict.DUPLICATE)
    raise _refuse(
        session,
        signer,
        event.seq,
        Reason.HISTORY_REWRITTEN,
        FindingKind.HISTORY_REWRITTEN,
        {
            "stored_hash": stored.entry_hash if stored is not None else None,
            "sent_hash": event.entry_hash,
        },
        event.subject,
    )


def _store(session: Session, signer: Signer, event: WireEvent) -> None:
    session.add(
        ReceivedEvent(
            enrolment_id=signer.enrolment_id,
            seq=event.seq,
            event_id=event.key,
            occurred_at=event.occurred_at,
            kind=event.kind,
            operator_code=event.operator_code,
            sales_point_code=event.sales_point_code,
            terminal_code=event.terminal_code,
            subject=event.subject,
            details=event.details,
            previous_hash=event.previous_hash,
            entry_hash=event.entry_hash,
        )
    )
    if event.terminal_code is not None and event.terminal_code != signer.terminal_code:
        raise_finding(
            session,
            FindingKind.TERMINAL_MISMATCH,
            enrolment_id=signer.enrolment_id,
            terminal_code=signer.terminal_code,
            seq=event.seq,
            subject=event.subject,
            details={"claimed": event.terminal_code, "signed_by": signer.terminal_code},
        )
    _project(session, signer, event)


def _project(session: Session, signer: Signer, event: WireEvent) -> None:
    """Book the event into the business tables; a failure there flags it, never refuses it
    (the event is already stored: the sale stands)."""
    session.flush()
    try:
        with session.begin_nested():
            flags = project(session, _terminal_event(signer, event))
    except Exception as error:  # the event stands; a person looks at why it did not book
        log.exception("projection failed", extra={"terminal": signer.terminal_code})
        flags = [
            Flag(FindingKind.PROJECTION_FAILED, {"error": f"{type(error).__name__}: {error}"[:500]})
        ]
    for flag in flags:
        raise_finding(
            session,
            flag.kind,
            enrolment_id=signer.enrolment_id,
            terminal_code=signer.terminal_code,
            seq=event.seq,
            subject=event.subject,
            details=flag.details,
        )


def _terminal_event(signer: Signer, event: WireEvent) -> TerminalEvent:
    return TerminalEvent(
        enrolment_id=signer.enrolment_id,
        terminal_id=signer.terminal_id,
        terminal_code=signer.terminal_code,
        sales_point_code=signer.sales_point_code,
        seq=event.seq,
        kind=event.kind,
        occurred_at=event.occurred_at,
        operator_code=event.operator_code,
        sales_point_claimed=event.sales_point_code,
        subject=event.subject,
        details=TerminalEvent.parse_details(event.details),
    )
