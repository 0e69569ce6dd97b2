"""What a card sale adds to the ledger's state machine (:mod:`starpos.vending.ledger`):
``medium = card`` on the row, no TID and no token, and a ``card_vends`` row naming the card
and the credit sequence. The sale is PENDING before the card is written, ISSUED once the
credit is on the card, FAILED when it certainly is not, by the same moves as a token sale."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from starpos.db import Database
from starpos.db.enums import MeterMedium
from starpos.db.models import CardVend, IssuedCard
from starpos.vending import ledger
from starpos.vending.sale import PricedSale


@dataclass(frozen=True)
class PendingCardVend:
    """A committed PENDING card sale: what goes onto the card."""

    vend_id: int
    bill_number: str
    sequence: int
    energy_kwh: Decimal


def open_pending(
    database: Database,
    sale: PricedSale,
    *,
    card_id: int,
    sequence: int,
    reading_id: int | None,
) -> PendingCardVend:
    """Commit the PENDING sale and its card and credit sequence, before the card is written."""
    with database.unit_of_work() as uow:
        session = uow.session
        card = session.get(IssuedCard, card_id)
        assert card is not None  # the card register's row, read by the intake
        # The card by the name every store gives it (SYN-47): the head office files the
        # sale under it, or raises it when it did not book that card.
        named = {"card": card.serial, "issue_number": card.issue_number}
        row = ledger.add_pending(
            session,
            sale,
            when=sale.local_time,
            columns={"medium": MeterMedium.CARD},
            details={"sequence": sequence, **named},
        )
        session.add(
            CardVend(
                vend_id=row.vend_id,
                card_id=card_id,
                meter_id=sale.meter_id,
                sequence=sequence,
                reading_id=reading_id,
            )
        )
        uow.commit()
        return PendingCardVend(row.vend_id, row.bill_number, sequence, sale.breakdown.token_kwh)
