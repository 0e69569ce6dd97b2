"""SUN card sales in the application core: issue, vend, check, replace and blank a card,
and the meter data cards bring back (docs/card-sales.md).

Every flow takes a :class:`~starpos.devices.card.sun_card.SunCard` and runs on the card
reader's thread (``CardReaderWorker.submit(lambda card: vend_to_card(db, card, request))``);
none imports a GUI. Card sales book into the same vend ledger as token vends
(``vends.medium = card``), priced by the same pricing.
"""

from starpos.card_sales.blanking import blank_card
from starpos.card_sales.card_vend import CardVendResult, vend_to_card
from starpos.card_sales.check import check_card
from starpos.card_sales.lifecycle import (
    IssuedCardResult,
    ReplaceReason,
    issue_card,
    replace_card,
)
from starpos.card_sales.readings import flagged_readings, meter_history

__all__ = [
    "CardVendResult",
    "IssuedCardResult",
    "ReplaceReason",
    "blank_card",
    "check_card",
    "flagged_readings",
    "issue_card",
    "meter_history",
    "replace_card",
    "vend_to_card",
]
