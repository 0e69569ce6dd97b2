"""What the head office found wrong in what terminals sent: a list for the supervisor.

A finding is raised in the transaction that found it and never rewrites what it is about:
a sale is a fact and stands; the finding says what it disagrees with (docs/sync.md).
The same problem at the same place of a chain is listed once, however often it is sent.
A supervisor resolves it once dealt with, saying what was done: the finding leaves the open
list and the audit log keeps who resolved it, when and why (SYN-59).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append, canonical_json
from starpos.db.column_types import utc_now
from starpos.db.models import SyncFinding
from starpos.i18n import tr_noop
from starpos.server.errors import HeadOfficeError


class FindingKind(StrEnum):
    # The chain itself (the event is refused).
    CHAIN_BROKEN = "chain_broken"
    HISTORY_REWRITTEN = "history_rewritten"
    EVENT_ID_REUSED = "event_id_reused"
    MALFORMED_EVENT = "malformed_event"
    # What an applied event says (the event stands).
    TERMINAL_MISMATCH = "terminal_mismatch"
    UNKNOWN_REFERENCE = "unknown_reference"
    BILL_NUMBER_TAKEN = "bill_number_taken"
    SALE_NOT_FOUND = "sale_not_found"
    DEBT_OVERPAID = "debt_overpaid"
    CREDIT_RETURNED_TWICE = "credit_returned_twice"
    STALE_TARIFF = "stale_tariff"
    TID_COLLISION = "tid_collision"
    # A TID collision's due replaced twice, or by another terminal (SYN-51).
    TID_REPLACED_TWICE = "tid_replaced_twice"
    PROJECTION_FAILED = "projection_failed"
    # A key change flag two counters both sold while apart (server/key_change_projection.py).
    KEY_CHANGE_SOLD_TWICE = "key_change_sold_twice"
    # The card register (server/card_projection.py; SYN-37, SYN-38).
    SECOND_ACTIVE_CARD = "second_active_card"
    CARD_SEQUENCE_SOLD_TWICE = "card_sequence_sold_twice"
    # A terminal's Zs (the Z stands as sent; server/z_projection.py).
    Z_NUMBER_GAP = "z_number_gap"
    Z_NUMBER_REPEATED = "z_number_repeated"
    Z_CHAIN_BROKEN = "z_chain_broken"
    Z_HASH_WRONG = "z_hash_wrong"
    Z_GRAND_TOTALS = "z_grand_totals"
    Z_AUDIT_HEAD = "z_audit_head"
    # A credit block withdrawn at the head office that its counter had applied (SYN-35).
    WITHDRAWN_BLOCK_APPLIED = "withdrawn_block_applied"
    # A counter's reconciliation of its module disagreed (server/ghost_check.py, SYN-60).
    MODULE_BOOKS_DISAGREE = "module_books_disagree"
    # About the terminal rather than one event.
    CLOCK_SKEW = "clock_skew"


#: What a finding kind means and what to do, for the kinds whose name alone does not say:
#: ``starpos server findings`` shows it, translated, under the finding.
PROBLEMS: dict[str, str] = {
    FindingKind.CREDIT_RETURNED_TWICE.value: tr_noop(
        "sync",
        "Two sales returned the same credit owed to this meter (two counters sold to it "
        "while apart): the customer got it back twice. Both sales stand; recover the "
        "amount from the customer or write it off.",
    ),
    FindingKind.SECOND_ACTIVE_CARD.value: tr_noop(
        "sync",
        "Two counters issued a card to this meter while apart: the card named here is not "
        "booked, and the card the head office had first stays the meter's card. Take the "
        "other card back and blank it.",
    ),
    FindingKind.CARD_SEQUENCE_SOLD_TWICE.value: tr_noop(
        "sync",
        "Two sales put the same credit sequence on this meter's card (two counters sold to "
        "the card while apart, or to a restored copy of it): the meter loads only one of "
        "them. Both sales stand; refund or sell again the one the meter did not load.",
    ),
    FindingKind.TID_COLLISION.value: tr_noop(
        "sync",
        "Two counters gave this meter the same TID while apart: the meter takes the token "
        "entered first and refuses the other as used. The counter that sold the bill named "
        "here (not the other) replaces its token after its next sync: same energy, new TID, "
        "no money.",
    ),
    FindingKind.KEY_CHANGE_SOLD_TWICE.value: tr_noop(
        "sync",
        "Two counters sold this meter's key change while apart. The meter takes the pair "
        "of key change tokens entered first and refuses the other pair; both credit tokens "
        "are made for the new key, so the customer loses nothing. Both sales stand: tell "
        "the customer to enter one pair, then both credit tokens.",
    ),
    FindingKind.MODULE_BOOKS_DISAGREE.value: tr_noop(
        "sync",
        "The counter reconciled its secure module after a sync and the module's figures do "
        "not agree with the counter's books: the module gave out energy, or made tokens, "
        "that no sale or token operation records (ghost vending), or a credit update is "
        "missing. Run starpos server check, then starpos audit verify at the counter; take "
        "the module out of service until it is explained.",
    ),
    FindingKind.TID_REPLACED_TWICE.value: tr_noop(
        "sync",
        "A sale's collided token was replaced twice, or by a counter that did not sell it: "
        "both replacement tokens stand, the first is the one kept. Recover the energy of the "
        "other from the customer.",
    ),
}


@dataclass(frozen=True)
class Flag:
    """A finding a projection asks for about the event it is projecting."""

    kind: FindingKind
    details: dict[str, Any]


def raise_finding(
    session: Session,
    kind: FindingKind,
    *,
    enrolment_id: str | None,
    terminal_code: str | None,
    seq: int | None,
    subject: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    already = session.scalar(
        select(SyncFinding.id).where(
            SyncFinding.kind == kind.value,
            SyncFinding.enrolment_id == enrolment_id,
            SyncFinding.seq == seq,
            SyncFinding.resolved_at.is_(None),
        )
    )
    if already is not None:
        return
    session.add(
        SyncFinding(
            kind=kind.value,
            enrolment_id=enrolment_id,
            terminal_code=terminal_code,
            seq=seq,
            subject=subject[:80],
            details=canonical_json(details or {}),
        )
    )
    session.flush()


@dataclass(frozen=True)
class FindingRow:
    id: int
    raised_at: datetime
    kind: str
    terminal: str | None
    seq: int | None
    subject: str
    details: str
    resolved: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "raised_at": self.raised_at,
            "kind": self.kind,
            "terminal": self.terminal,
            "seq": self.seq,
            "subject": self.subject,
            "details": self.details,
            "resolved": self.resolved,
        }


def list_findings(session: Session, *, include_resolved: bool = False) -> list[FindingRow]:
    query = select(SyncFinding).order_by(SyncFinding.id)
    if not include_resolved:
        query = query.where(SyncFinding.resolved_at.is_(None))
    return [
        FindingRow(
            f.id,
            f.raised_at,
            f.kind,
            f.terminal_code,
            f.seq,
            f.subject,
            f.details,
            f.resolved_at is not None,
        )
        for f in session.scalars(query)
    ]


class FindingNotFoundError(HeadOfficeError):
    code = "server.finding_not_found"
    template = (
        "There is no finding {finding} at the head office (starpos server findings --all "
        "lists every finding with its number)."
    )


class FindingResolvedError(HeadOfficeError):
    code = "server.finding_already_resolved"
    template = "Finding {finding} was already resolved on {resolved_at}; nothing was changed."


class FindingNoteMissingError(HeadOfficeError):
    code = "server.finding_note_missing"
    template = (
        "Say what was done about finding {finding} with --note (it is kept in the audit "
        "log); nothing was changed."
    )


def resolve_finding(session: Session, finding_id: int, note: str, actor: Actor) -> FindingRow:
    """Mark an open finding resolved, audited with ``note`` (what was done) and who did it."""
    if not note.strip():
        raise FindingNoteMissingError(finding=finding_id)
    finding = session.get(SyncFinding, finding_id, with_for_update=True)
    if finding is None:
        raise FindingNotFoundError(finding=finding_id)
    if finding.resolved_at is not None:
        raise FindingResolvedError(
            finding=finding_id, resolved_at=finding.resolved_at.strftime("%Y-%m-%d %H:%M")
        )
    finding.resolved_at = utc_now()
    append(
        session,
        AuditKind.RECONCILE,
        subject=f"sync_finding:{finding.id}",
        details={
            "step": "finding_resolved", "kind": finding.kind, "terminal": finding.terminal_code,
            "seq": finding.seq, "about": finding.subject, "note": note.strip(),
        },
        actor=actor,
    )  # fmt: skip
    session.flush()
    return FindingRow(
        finding.id, finding.raised_at, finding.kind, finding.terminal_code, finding.seq,
        finding.subject, finding.details, True,
    )  # fmt: skip
