"""The quick checks and the price of a card sale: the store half of a token vend
(:func:`starpos.vending.sale_checks.price_sale`: the same seller, payment, meter and
customer checks and the same pricing), without the secure module, which has no part in a
card sale. A refusal is audited exactly like a token vend's."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.errors import StarposError
from starpos.vending.meter_check import SaleMeter, read_sale_meter_by_id
from starpos.vending.sale import PricedSale, VendRequest
from starpos.vending.sale_checks import audit_refusal, price_sale

__all__ = ["PricedSale", "price_card_sale"]


def price_card_sale(
    database: Database, request: VendRequest, meter_id: int, now: datetime
) -> PricedSale:
    """Check and price ``request`` for the card meter ``meter_id``; refusals are audited."""

    def card_meter(session: Session) -> SaleMeter:
        meter = read_sale_meter_by_id(session, meter_id)
        assert meter is not None  # the card's meter, read from the register a moment ago
        return meter

    try:
        with database.reading() as session:
            priced, _ = price_sale(session, request, card_meter, now)
            return priced
    except StarposError as refusal:
        audit_refusal(database, request, refusal)
        raise
