"""Whose sale a bill number names at the head office: the store (the enrolment) that opened
it (docs/sync.md, "Projection"; decision SYN-42).

A terminal set up again (a new PC, a new store, a new enrolment) numbers its bills afresh,
so its sales can carry the bill numbers of its old store's sales. Its PENDING entry is then
``bill_number_taken`` and not booked; a later step of that sale (issued, printed, failed, a
reprint, a cancel) must not move the old store's sale with the same number. A vend is
another enrolment's when one of that enrolment's PENDING entries opened it: the entry with
the vend's bill and request id (a request id is the sale's own, never reused).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ColumnElement, cast, exists, func, literal, select

from starpos.audit.log import AuditKind
from starpos.db.models import ReceivedEvent, Vend

#: The subject of a sale's audit entries is its bill number after this.
SALE_PREFIX = "vend:"


def opened_by(enrolment_id: str | ColumnElement[str]) -> ColumnElement[bool]:
    """True for a vend no other enrolment's PENDING entry opened (correlated on ``Vend``):
    the sending enrolment's own, also when its PENDING came earlier in the same push and
    is not stored yet. ``enrolment_id`` may be a bound parameter (a statement built once)."""
    return ~exists().where(
        ReceivedEvent.kind == AuditKind.VEND.value,
        ReceivedEvent.subject == literal(SALE_PREFIX) + Vend.bill_number,
        ReceivedEvent.enrolment_id != enrolment_id,
        cast(ReceivedEvent.details, JSON)["request_id"].as_string() == Vend.request_id,
    )


def sent_by_another(kind: str, subject: Any, enrolment_id: str) -> Any:
    """True when the first entry of ``kind`` with ``subject`` the head office received came
    from another enrolment (an old store of the same terminal): a payment change's or a
    replacement's bill then names that store's record, the one booked, as the first heard
    stands (SYN-46). No entry stored yet (one earlier in the same push) is the sender's
    own. ``subject`` may be correlated on a row's bill."""
    first = (
        select(ReceivedEvent.enrolment_id)
        .where(ReceivedEvent.kind == kind, ReceivedEvent.subject == subject)
        .order_by(ReceivedEvent.received_at, ReceivedEvent.seq)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(first, enrolment_id) != enrolment_id
