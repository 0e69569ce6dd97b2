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

Round trips are what a push costs, so the stored entries a resend is compared with and the
event ids already taken are read in one query per push, the new entries are inserted in
one statement at the end (:mod:`starpos.server.bulk`), and the push's sale steps are booked
together after them (:mod:`starpos.server.sale_batch`: a few statements per push, not per
sale). An event whose
projector reads what the sales before it booked (``projections.AFTER_SALES``: a token
cancel, a meter replacement) first books the sales taken so far, so chain order holds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import entry_hash
from starpos.db.models import ReceivedEvent, TerminalEnrolment
from starpos.server import bulk, sale_batch, token_replacement_projection
from starpos.server.authentication import RequestRefused, Signer
from starpos.server.driver_sql import DriverStatement
from starpos.server.findings import FindingKind, Flag, raise_finding
from starpos.server.projections import AFTER_SALES, TerminalEvent, projector_for
from starpos.server.store import any_of
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
    locked = _LOCK.rows(session.connection(), {"enrolment": signer.enrolment_id})
    if not locked or locked[0][2] is not None:
        raise RequestRefused(403, signing.REVOKED)
    applied_seq, applied_hash, _ = locked[0]
    push = _Push(session, signer, applied_seq, applied_hash, raw_events)
    outcome = BatchOutcome()
    for position, raw in enumerate(raw_events):
        try:
            outcome.answers.append(push.apply(raw))
        except _Stop as stop:
            outcome.answers.append(stop.answer)
            for later in raw_events[position + 1 :]:
                seq = later.get("seq") if isinstance(later, dict) else None
                if isinstance(seq, int):
                    outcome.answers.append(EventAnswer(seq, Verdict.RETRY_LATER, Reason.STOPPED))
            break
    push.finish()
    _MOVED.run(
        session.connection(),
        {
            "enrolment": signer.enrolment_id,
            "seq": push.applied_seq,
            "hash": push.applied_hash,
            "now": now,
        },
    )
    outcome.next_seq = push.applied_seq + 1
    return outcome


_EVENTS = cast(Table, ReceivedEvent.__table__)
# The push's own statements are built once (SYN-43) and run on the driver (SYN-48).
#: The terminal's enrolment, locked: one push of a terminal at a time.
_LOCK = DriverStatement(
    select(
        TerminalEnrolment.applied_seq, TerminalEnrolment.applied_hash, TerminalEnrolment.revoked_at
    )
    .where(TerminalEnrolment.id == bindparam("enrolment"))
    .with_for_update()
)
#: How far the terminal's chain is applied, written once the push's entries are taken.
_MOVED = DriverStatement(
    update(TerminalEnrolment)
    .where(TerminalEnrolment.id == bindparam("enrolment"))
    .values(
        applied_seq=bindparam("seq"),
        applied_hash=bindparam("hash"),
        last_seen_at=bindparam("now", type_=TerminalEnrolment.last_seen_at.type),
    )
)
#: The stored entries at positions a push repeats, and the pushed ids some chain already
#: sent: one query.
_STORED = DriverStatement(
    select(
        ReceivedEvent.seq,
        ReceivedEvent.entry_hash,
        ReceivedEvent.event_id,
        ReceivedEvent.enrolment_id,
    ).where(
        or_(
            and_(
                ReceivedEvent.enrolment_id == bindparam("enrolment"),
                any_of(ReceivedEvent.seq, "seqs"),
            ),
            any_of(ReceivedEvent.event_id, "ids"),
        )
    )
)


class _Push:
    """One push's walk along the terminal's chain."""

    def __init__(
        self,
        session: Session,
        signer: Signer,
        applied_seq: int,
        applied_hash: str,
        raw_events: list[Any],
    ) -> None:
        self.session = session
        self.signer = signer
        self.applied_seq = applied_seq
        self.applied_hash = applied_hash
        self.rows: list[dict[str, Any]] = []
        #: Sale steps taken, booked together at the end (sale_batch).
        self.sales: list[WireEvent] = []
        # What a resend is compared with (only positions already applied can be taken) and
        # the ids some chain already sent: one query.
        seqs = {
            e["seq"]
            for e in raw_events
            if isinstance(e, dict)
            and isinstance(e.get("seq"), int)
            and e["seq"] <= self.applied_seq
        }
        ids = {e.get("event_id") for e in raw_events if isinstance(e, dict)}
        self.taken: dict[int, str] = {}
        self.sent_before: dict[str, str] = {}
        for seq, stored_hash, event_id, sender in _STORED.rows(
            session.connection(),
            {
                "enrolment": signer.enrolment_id,
                "seqs": list(seqs),
                "ids": [i for i in ids if isinstance(i, str)],
            },
        ):
            if sender == signer.enrolment_id and seq in seqs:
                self.taken[seq] = stored_hash
            if event_id in ids:
                self.sent_before[event_id] = sender

    def apply(self, raw: Any) -> EventAnswer:
        try:
            event = WireEvent.from_json(raw)
        except MalformedEventError as error:
            seq = raw.get("seq") if isinstance(raw, dict) else None
            seq = seq if isinstance(seq, int) else self.applied_seq + 1
            raise self._refuse(
                seq, Reason.MALFORMED, FindingKind.MALFORMED_EVENT, {"problem": str(error)}
            ) from error
        if event.seq <= self.applied_seq:
            if self.taken.get(event.seq) == event.entry_hash:
                return EventAnswer(event.seq, Verdict.DUPLICATE)
            raise self._refuse(
                event.seq,
                Reason.HISTORY_REWRITTEN,
                FindingKind.HISTORY_REWRITTEN,
                {"stored_hash": self.taken.get(event.seq), "sent_hash": event.entry_hash},
                event.subject,
            )
        if event.seq > self.applied_seq + 1:
            raise _Stop(EventAnswer(event.seq, Verdict.RETRY_LATER, Reason.GAP))
        if event.previous_hash != self.applied_hash or entry_hash(event) != event.entry_hash:
            raise self._refuse(
                event.seq,
                Reason.CHAIN_BROKEN,
                FindingKind.CHAIN_BROKEN,
                {
                    "expected_previous": self.applied_hash,
                    "previous": event.previous_hash,
                    "hash_matches": entry_hash(event) == event.entry_hash,
                },
                event.subject,
            )
        first_sender = self.sent_before.get(event.key)
        if first_sender is not None:
            raise self._refuse(
                event.seq,
                Reason.EVENT_ID_REUSED,
                FindingKind.EVENT_ID_REUSED,
                {"event_id": event.key, "first_sent_by": first_sender},
                event.subject,
            )
        self._take(event)
        return EventAnswer(event.seq, Verdict.APPLIED)

    def _take(self, event: WireEvent) -> None:
        self.rows.append(
            {
                "enrolment_id": self.signer.enrolment_id,
                "seq": event.seq,
                "event_id": event.key,
                "occurred_at": event.occurred_at,
                "kind": event.kind,
                "operator_code": event.operator_code,
                "sales_point_code": event.sales_point_code,
                "terminal_code": event.terminal_code,
                "subject": event.subject,
                "details": event.details,
                "previous_hash": event.previous_hash,
                "entry_hash": event.entry_hash,
            }
        )
        self.taken[event.seq] = event.entry_hash
        self.sent_before[event.key] = self.signer.enrolment_id
        self.applied_seq = event.seq
        self.applied_hash = event.entry_hash
        if event.terminal_code is not None and event.terminal_code != self.signer.terminal_code:
            self._flag(
                event,
                Flag(
                    FindingKind.TERMINAL_MISMATCH,
                    {"claimed": event.terminal_code, "signed_by": self.signer.terminal_code},
                ),
            )
        if event.kind in sale_batch.KINDS and not sale_batch.alone(event.kind, event.details):
            self.sales.append(event)
        else:
            if (event.kind in AFTER_SALES or event.kind in sale_batch.KINDS) and self.sales:
                self._book_sales()  # in chain order: what it reads is booked before it
            self._project(event)

    def _project(self, event: WireEvent) -> None:
        """Book the event into the business tables; a failure there flags it, never refuses
        it (the event is stored with the push: the sale stands)."""
        projector = projector_for(event.kind)
        if projector is None:
            return
        try:
            with self.session.begin_nested():
                flags = projector(self.session, _terminal_event(self.signer, event))
        except Exception as error:  # the event stands; a person looks at why it did not book
            log.exception("projection failed", extra={"terminal": self.signer.terminal_code})
            problem = f"{type(error).__name__}: {error}"[:500]
            flags = [Flag(FindingKind.PROJECTION_FAILED, {"error": problem})]
        for flag in flags:
            self._flag(event, flag)

    def _flag(self, event: WireEvent, flag: Flag) -> None:
        if flag.kind is FindingKind.TID_COLLISION:
            # Whichever way the sale was booked: its token needs a replacement (SYN-51).
            token_replacement_projection.keep_due(self.session, flag.details)
        raise_finding(
            self.session,
            flag.kind,
            enrolment_id=self.signer.enrolment_id,
            terminal_code=self.signer.terminal_code,
            seq=event.seq,
            subject=event.subject,
            details=flag.details,
        )

    def _refuse(
        self,
        seq: int,
        reason: Reason,
        kind: FindingKind,
        details: dict[str, Any],
        subject: str = "",
    ) -> _Stop:
        raise_finding(
            self.session,
            kind,
            enrolment_id=self.signer.enrolment_id,
            terminal_code=self.signer.terminal_code,
            seq=seq,
            subject=subject,
            details=details,
        )
        log.warning(
            "event refused",
            extra={"terminal": self.signer.terminal_code, "seq": seq, "reason": reason.value},
        )
        return _Stop(EventAnswer(seq, Verdict.REJECTED, reason))

    def finish(self) -> None:
        """Store the entries this push took, then book its sales."""
        self._store()
        if self.sales:
            self._book_sales()

    def _store(self) -> None:
        """The entries taken and not yet stored, in one ``COPY``."""
        if self.rows:
            bulk.insert_rows(self.session.connection(), _EVENTS, self.rows)
            self.rows = []

    def _book_sales(self) -> None:
        """The sale steps taken so far at once; if that fails, step by step (each in a
        savepoint of its own, so only a failing event flags itself). The entries before
        them are stored first: a sale settles only the payment changes whose entries this
        enrolment sent (SYN-39), earlier in this push too."""
        self._store()
        taken, self.sales = self.sales, []
        events = [_terminal_event(self.signer, event) for event in taken]
        try:
            with self.session.begin_nested():
                flags = sale_batch.project(self.session, events)
        except Exception:
            log.exception(
                "sales not booked together", extra={"terminal": self.signer.terminal_code}
            )
            for event in taken:
                self._project(event)
            return
        for event in taken:
            for flag in flags.get(event.seq, []):
                self._flag(event, flag)


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
        previous_hash=event.previous_hash,
    )
