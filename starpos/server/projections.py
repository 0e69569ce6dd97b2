"""Which applied events change the head office's own tables, and how: one registry.

Every event of a terminal is kept as it came (``sync_events``, the terminal's chain). An
event whose kind has a projector here is also written into the store's business tables
(a sale into ``vends``, its charges and tokens), so the head office's reports read them
like its own. A new kind of record travels as soon as it is audited with its facts; it
shows in the head office's tables once its projector is added to :data:`PROJECTORS`.

A projector works in the push's transaction, from codes (row ids differ between stores),
and never refuses: a sale is a fact. What it cannot book or disagrees with comes back as
flags, which become findings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.server import (
    card_projection,
    credit_blocks,
    ghost_check,
    meter_replacement_projection,
    payment_change_projection,
    sale_projection,
    shift_projection,
    token_cancel_projection,
    token_operation_projection,
)
from starpos.server.findings import FindingKind, Flag


@dataclass(frozen=True)
class TerminalEvent:
    """An applied event with the terminal that signed it (not the one it claims)."""

    enrolment_id: str
    terminal_id: int
    terminal_code: str
    sales_point_code: str
    seq: int
    kind: str
    occurred_at: datetime
    operator_code: str | None
    sales_point_claimed: str | None
    subject: str
    details: dict[str, Any]
    #: The hash of the entry before it in the terminal's chain, as the push verified it
    #: (what a Z's audit head must be: server/z_projection.py).
    previous_hash: str = ""

    @classmethod
    def parse_details(cls, text: str) -> dict[str, Any]:
        """The entry's details as data (Decimals arrive as strings and stay so here)."""
        value = json.loads(text)
        return value if isinstance(value, dict) else {}


Projector = Callable[[Session, TerminalEvent], list[Flag]]


def master_data_step(session: Session, event: TerminalEvent) -> list[Flag]:
    """The counter's own records written under ``master_data_change`` (payment changes and
    meter replacements, SYN-30); other master data is the head office's and comes down."""
    if event.subject.startswith(payment_change_projection.PREFIX):
        return payment_change_projection.payment_changed(session, event)
    if event.subject.startswith(meter_replacement_projection.PREFIX):
        return meter_replacement_projection.replaced(session, event)
    return []


def reconcile_step(session: Session, event: TerminalEvent) -> list[Flag]:
    """A counter's verdict on its module (after every sync, SYN-28): a disagreement is
    raised at the head office as it arrives (SYN-60)."""
    if not event.subject.startswith(ghost_check.MODULE_SUBJECT):
        return []
    if not ghost_check.disagrees(event.details):
        return []
    facts = ghost_check.verdict_facts(event.details, event.terminal_code)
    facts["module"] = event.subject.removeprefix(ghost_check.MODULE_SUBJECT)
    return [Flag(FindingKind.MODULE_BOOKS_DISAGREE, facts)]


PROJECTORS: dict[str, Projector] = {
    AuditKind.VEND.value: sale_projection.vend_step,
    AuditKind.VEND_FAILED.value: sale_projection.vend_failed,
    AuditKind.REPRINT.value: sale_projection.reprint,
    AuditKind.TOKEN_OPERATION.value: token_operation_projection.token_operation_step,
    AuditKind.MODULE_CREDIT.value: credit_blocks.module_credit_step,
    AuditKind.SHIFT.value: shift_projection.shift_step,
    AuditKind.VEND_CANCELLED.value: token_cancel_projection.cancel_step,
    AuditKind.MASTER_DATA_CHANGE.value: master_data_step,
    AuditKind.CARD_ACTION.value: card_projection.card_step,
    AuditKind.RECONCILE.value: reconcile_step,
}

#: Kinds whose projector reads or moves what the push's sales before them booked (a cancel
#: finds its sale; a replacement moves the debt the sales left; a payment change sets the
#: prearrangement a later sale takes; a card replaced ends the card earlier card sales were
#: on): the sales taken so far are booked first (uplink).
AFTER_SALES = frozenset(
    {
        AuditKind.VEND_CANCELLED.value,
        AuditKind.MASTER_DATA_CHANGE.value,
        AuditKind.CARD_ACTION.value,
    }
)


def projector_for(kind: str) -> Projector | None:
    """How events of ``kind`` are booked, or None: kept in the chain only."""
    return PROJECTORS.get(kind)
