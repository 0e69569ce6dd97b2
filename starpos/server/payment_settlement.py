"""A payment change's amounts settled at the head office by the terminal's sale that took
them, as the counter's ledger settled them (``masterdata.payment_dues.settle_dues``;
docs/sync.md, "Projection"; decision SYN-32).

The counter's rule, applied to what that counter knew: the first sale of the meter that is
ISSUED while a change is DUE settles it when the sale carried the change's lines
(``RECEIVABLE``/``REMAIN``) or a prearrange amount. A counter knows only its own payment
changes (they are its records and never come down), and its chain brings every change
before the sales after it, so the changes a terminal's sale settles at the head office are
exactly that terminal's DUE changes of the meter: the same rows as at the counter. A
terminal set up again (a new store, a new enrolment) starts with none of its old store's
changes, so only the changes the sale's own enrolment sent are looked at (SYN-39). A sale
settles only when it moves from PENDING to ISSUED here, so the same entry booked twice, or
a later step of the sale, settles nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import exists, literal, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.db.enums import PaymentChangeState
from starpos.db.models import PaymentChange, ReceivedEvent
from starpos.masterdata.payment_dues import RECEIVABLE, REMAIN
from starpos.server.payment_change_projection import PREFIX
from starpos.server.store import one_of


@dataclass(frozen=True)
class IssuedSale:
    """A sale of the terminal that moved from PENDING to ISSUED in this push."""

    vend_id: int
    meter_id: int
    prearrange: Decimal
    issued_at: datetime
    #: It carried a payment change's line (``RECEIVABLE``/``REMAIN``).
    lined: bool

    @property
    def settles(self) -> bool:
        """What the counter's rule asks of the sale before any change is looked for."""
        return self.prearrange > 0 or self.lined


def settle_dues(
    session: Session, terminal_id: int, enrolment_id: str, issued: list[IssuedSale]
) -> None:
    """Settle the DUE payment changes that ``issued`` (in chain order) took: the terminal's,
    sent by the same enrolment (the same store) as the sales."""
    settling = [sale for sale in issued if sale.settles]
    if not settling:
        return  # the common case: no statement at all
    sent_by_this_store = exists().where(
        ReceivedEvent.enrolment_id == enrolment_id,
        ReceivedEvent.kind == AuditKind.MASTER_DATA_CHANGE.value,
        ReceivedEvent.subject == literal(PREFIX) + PaymentChange.bill_number,
    )
    due: dict[int, list[int]] = defaultdict(list)
    for change_id, meter_id in session.execute(
        select(PaymentChange.id, PaymentChange.meter_id)
        .where(
            PaymentChange.terminal_id == terminal_id,
            PaymentChange.state == PaymentChangeState.DUE,
            sent_by_this_store,
            one_of(PaymentChange.meter_id, {sale.meter_id for sale in settling}),
        )
        .order_by(PaymentChange.id)
        .with_for_update()
    ):
        due[meter_id].append(change_id)
    for sale in settling:
        changes = due.pop(sale.meter_id, None)
        if not changes:
            continue
        session.execute(
            update(PaymentChange)
            .where(PaymentChange.id.in_(changes))
            .values(
                state=PaymentChangeState.SETTLED, vend_id=sale.vend_id, settled_at=sale.issued_at
            )
        )


def carries_dues(codes: Iterable[str]) -> bool:
    """Whether charge lines with these codes include a payment change's."""
    return not DUE_CODES.isdisjoint(codes)


#: The codes of the lines a payment change leaves on the next sale.
DUE_CODES = frozenset({RECEIVABLE, REMAIN})
