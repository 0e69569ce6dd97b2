"""Why a card flow refused or could not finish: each says what is wrong and what to do.

Card sale refusals are :class:`~starpos.vending.errors.VendRefusedError` (nothing sold,
only an audit entry written); the rest name the sale by its bill number. Translations:
``resources/translations/cardflows_*.ts`` (context ``errors``).
"""

from __future__ import annotations

from starpos.errors import VendError
from starpos.vending.errors import VendRefusedError


class CardSaleError(VendError):
    """A card flow could not be completed."""

    code = "card_sale"
    template = "The card operation could not be completed."


class UnknownCardError(VendRefusedError):
    code = "card_sale.unknown_card"
    template = (
        "Card {serial} (bound to meter {meter}) is not in this point of sale's card register. "
        "Sell only on cards issued here, or issue the meter a new card."
    )


class CardNotActiveError(VendRefusedError):
    code = "card_sale.card_not_active"
    template = (
        "Card {serial} of meter {meter} was {state} and is refused. Use the meter's current "
        "card (issue {current})."
    )


class CardRegisterMismatchError(VendRefusedError):
    code = "card_sale.register_mismatch"
    template = (
        "Card {serial} says it belongs to meter {card_meter} (issue {card_issue}), but the "
        "card register has it for meter {meter} (issue {issue}). Keep the card and report "
        "it to a supervisor."
    )


class NotACardMeterError(VendRefusedError):
    code = "card_sale.not_card_meter"
    template = "Meter {number} takes typed tokens, not a card. Sell a token for it instead."


class MeterHasCardError(CardSaleError):
    code = "card_sale.meter_has_card"
    template = (
        "Meter {number} already has card {serial} (issue {issue}). Use that card, or replace "
        "it if it is lost or broken."
    )


class NoCardToReplaceError(CardSaleError):
    code = "card_sale.nothing_to_replace"
    template = "Meter {number} has never had a card. Issue it a first card instead."


class CreditNotLoadedError(VendRefusedError):
    code = "card_sale.credit_not_loaded"
    template = (
        "The card still carries {energy} kWh (sale {bill}) that the meter has not loaded. "
        "Ask the customer to insert the card in the meter first, then come back to buy more."
    )


class CardRolledBackError(VendRefusedError):
    code = "card_sale.rolled_back"
    template = (
        "The card carries older credit (purchase {card_sequence}) than this point of sale "
        "sold to meter {meter} (purchase {sold_sequence}): it may be a restored copy. Nothing "
        "was sold; keep the card and report it to a supervisor."
    )


class BlankWithCreditError(CardSaleError):
    code = "card_sale.blank_with_credit"
    template = (
        "The card still carries {energy} kWh of sale {bill} that the meter has not loaded; "
        "blanking it would lose that credit. Insert the card in the meter first, or replace "
        "the card to carry it over."
    )


class CardVendFailedError(CardSaleError):
    code = "card_sale.failed"
    template = (
        "Sale {bill} was cancelled: the card could not be written ({reason}) and nothing was "
        "put on it. Give the customer back {net}, or insert the card and sell again."
    )


class CardVendInDoubtError(CardSaleError):
    code = "card_sale.in_doubt"
    template = (
        "The card was interrupted while sale {bill} was being written ({reason}). Insert the "
        "same card again: the sale is completed or cancelled from what the card holds. Do not "
        "refund or sell again before that."
    )


class CardVendPendingError(CardSaleError):
    code = "card_sale.pending"
    template = (
        "Sale {bill} to meter {meter} is still unfinished. Insert the card it was sold to "
        "({serial}) so it can be completed or cancelled first."
    )
