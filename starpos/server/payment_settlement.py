"""A payment change's amounts settled at the head office by the terminal's sale that took
them, as the counter's ledger settled them (``masterdata.payment_dues.settle_dues``;
docs/sync.md, "Projection"; decision SYN-32).

The counter's rule, applied to what that counter knew: the first sale of the meter that is
ISSUED while a change is DUE settles it when the sale carried the change's lines
(``RECEIVABLE``/``REMAIN``) or a prearrange amount. A counter knows only its own payment
changes (they are its records and never come down), and its chain brings every change
before the sales after it, so the changes a terminal's sale settles at the head office are
exactly that terminal's DUE changes of the meter: the same rows as at the counter. A sale
settles only when it moves from PENDING to ISSUED here, so the same entry booked twice, or
a later step of the sale, settles nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from starpos.db.enums import PaymentChangeState
from starpos.db.models import PaymentChange, VendCharge
from starpos.masterdata.payment_dues import RECEIVABLE, REMAIN
from starpos.server.store import one_of


@dataclass(frozen=True)
class IssuedSale:
    """A sale of the terminal that moved from PENDING to ISSUED in this push."""

    vend_id: int
    meter_id: int
    prearrange: Decimal
    issued_at: datetime


def settle_dues(session: Session, terminal_id: int, issued: list[IssuedSale]) -> None:
    """Settle the terminal's DUE payment changes that ``issued`` (in chain order) took."""
    if not issued:
        return
    due: dict[int, list[int]] = defaultdict(list)
    for change_id, meter_id in session.execute(
        select(PaymentChange.id, PaymentChange.meter_id)
        .where(
            PaymentChange.terminal_id == terminal_id,
            PaymentChange.state == PaymentChangeState.DUE,
            one_of(PaymentChange.meter_id, {sale.meter_id for sale in issued}),
        )
        .order_by(PaymentChange.id)
        .with_for_update()
    ):
        due[meter_id].append(change_id)
    if not due:
        return  # the common case: one query a push
    candidates = [sale.vend_id for sale in issued if sale.meter_id in due]
    lined = set(
        session.scalars(
            select(VendCharge.vend_id)
            .where(
                one_of(VendCharge.vend_id, candidates), VendCharge.code.in_((RECEIVABLE, REMAIN))
            )
            .distinct()
        )
    )
    for sale in issued:
        changes = due.get(sale.meter_id)
        if not changes or not (sale.prearrange > 0 or sale.vend_id in lined):
            continue
        session.execute(
            update(PaymentChange)
            .where(PaymentChange.id.in_(changes))
            .values(
                state=PaymentChangeState.SETTLED, vend_id=sale.vend_id, settled_at=sale.issued_at
            )
        )
        del due[sale.meter_id]
