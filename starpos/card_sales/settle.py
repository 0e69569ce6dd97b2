"""Settling the card sales a removal or a crash left PENDING, from what the card holds.

A PENDING card sale is in doubt only while nobody has looked at its card: the card answers
it. At the next insertion of a card of the meter (a vend or a check), before anything else:

- the card's credit record carries the sale's bill number and sequence -> ISSUED (the
  credit is on the card);
- the meter's return record says it loaded that sequence or a later one -> ISSUED (the
  credit reached the meter);
- otherwise, if this is the very card the sale was written to -> FAILED (its credit record
  is the older one: the write never committed, so the meter can never load it);
- a different card of the meter cannot tell: the sale stays PENDING (replacing the card
  settles it, see :mod:`starpos.card_sales.lifecycle`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.card_sales import register
from starpos.db.enums import VendState
from starpos.db.models import IssuedCard
from starpos.devices.card.sun_card import CardContents
from starpos.vending import ledger

#: The reason a settled sale is FAILED (docs/card-sales.md).
NOT_ON_CARD = "card_sale.not_on_card"


@dataclass(frozen=True)
class SettledSale:
    bill_number: str
    state: VendState


def settle_pending(
    session: Session, card: IssuedCard, contents: CardContents, actor: Actor
) -> list[SettledSale]:
    """Settle the PENDING card sales of ``card``'s meter that ``contents`` can answer."""
    settled = []
    loaded = contents.returned.last_loaded_sequence if contents.returned else 0
    for card_vend, vend in register.pending_card_vends(session, card.meter_id):
        on_card = (
            contents.credit is not None
            and contents.credit.vend_id == vend.bill_number
            and contents.credit.sequence == card_vend.sequence
        )
        if on_card or loaded >= card_vend.sequence:
            ledger.mark_issued(session, vend.id, actor, step="settled")
            settled.append(SettledSale(vend.bill_number, VendState.ISSUED))
        elif card_vend.card_id == card.id:
            ledger.mark_failed(session, vend.id, NOT_ON_CARD, actor, step="settled")
            settled.append(SettledSale(vend.bill_number, VendState.FAILED))
    session.flush()
    return settled
