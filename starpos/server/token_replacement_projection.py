"""A TID collision's replacement at the head office (docs/sync.md, "TID collision"; SYN-51).

When a sale it books gives a meter a TID another sale of that meter already has, the head
office raises ``tid_collision`` and keeps a row for the sale it booked second
(:func:`keep_due`): the meter refuses that token as used. The row comes down with the meter;
the counter that made the sale issues the replacement and its ``replaced`` entry is booked
here over the first token (:func:`replacement_step`). A second replacement of one due (from
another terminal, or another token of the same one) stands as a fact and is flagged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import TokenReplacementState
from starpos.db.models import Meter, TokenReplacementDue, Vend
from starpos.server.findings import FindingKind, Flag

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

PREFIX = "token_replacement:"


def keep_due(session: Session, details: dict[str, Any]) -> None:
    """The "needs a replacement" row for the sale a ``tid_collision`` finding names (kept
    once, however often the sale is pushed)."""
    vend = session.scalars(
        select(Vend)
        .join(Meter, Meter.id == Vend.meter_id)
        .where(Vend.bill_number == details["bill"], Meter.number == details["meter"])
    ).first()
    if vend is None or vend.terminal_id is None:
        return
    kept = session.scalar(
        select(TokenReplacementDue.id).where(
            TokenReplacementDue.meter_id == vend.meter_id,
            TokenReplacementDue.bill_number == vend.bill_number,
        )
    )
    if kept is not None:
        return
    session.add(
        TokenReplacementDue(
            meter_id=vend.meter_id,
            bill_number=vend.bill_number,
            other_bill=str(details["other"]),
            terminal_id=vend.terminal_id,
            tid=int(details["tid"]),
            energy_kwh=vend.token_kwh,
            amount=vend.net_amount,
        )
    )
    session.flush()


def replacement_step(session: Session, event: TerminalEvent) -> list[Flag]:
    """Book a counter's ``replaced`` step: the due REPLACED, naming the replacement token's
    row; the same replacement again changes nothing; another one is flagged."""
    facts = event.details
    if facts.get("step") != "replaced":
        return []  # the planned step: what was asked, kept in the chain
    due = session.scalars(
        select(TokenReplacementDue)
        .join(Meter, Meter.id == TokenReplacementDue.meter_id)
        .where(
            Meter.number == facts.get("meter"),
            TokenReplacementDue.bill_number == facts.get("bill"),
        )
        .with_for_update()
    ).first()
    if due is None:
        flag = {"bill": facts.get("bill"), "meter": facts.get("meter"), "missing": ["due"]}
        return [Flag(FindingKind.UNKNOWN_REFERENCE, flag)]
    operation = facts.get("operation")
    if due.state is TokenReplacementState.REPLACED:
        if due.replacement == operation:
            return []  # the same entry booked again: nothing doubled
        return [_twice(due, facts, "replaced")]
    due.state = TokenReplacementState.REPLACED
    due.replacement = operation
    due.replaced_at = event.occurred_at
    session.flush()
    if due.terminal_id != event.terminal_id:
        return [_twice(due, facts, "other_terminal")]
    return []


def _twice(due: TokenReplacementDue, facts: dict[str, Any], why: str) -> Flag:
    return Flag(
        FindingKind.TID_REPLACED_TWICE,
        {
            "bill": due.bill_number, "meter": facts.get("meter"), "why": why,
            "kept": due.replacement, "operation": facts.get("operation"),
        },
    )  # fmt: skip
