"""Refusals the counter makes itself, before any device or database work starts.

These are the ``prepare()`` checks of the counter (STYLE.md point 3): each says what is
wrong and what to do, and is translated when shown (catalogs ``ui_<lang>.ts``, context
``errors``).
"""

from __future__ import annotations

from starpos.errors import AuthError, PricingError, VendError


class AmountNotValid(PricingError):
    code = "ui.amount_not_valid"
    template = (
        "{text} is not an amount. Type digits with at most {decimals} decimals, "
        "for example {example}."
    )


class AmountMissing(PricingError):
    code = "ui.amount_missing"
    template = "Choose a default amount (F1-F8) or type the amount the customer pays."


class AmountNotPositive(PricingError):
    code = "ui.amount_not_positive"
    template = "The amount must be more than zero."


class PaidTooLittle(VendError):
    code = "ui.paid_too_little"
    template = "The customer paid {paid}, less than the {net} to pay. Take the full amount first."


class MeterNumberMissing(VendError):
    code = "ui.meter_missing"
    template = "Type or scan the meter number first."


class MeterNumberMistyped(VendError):
    # The engine's own message names the expected check digit; at the counter that invites
    # "fixing" the last digit instead of reading the number again, so it is not shown.
    code = "ui.meter_mistyped"
    template = (
        "The meter number {number} is not right: its check digit does not match the other "
        "digits, so a digit was probably mistyped. Read the number again from the meter or "
        "the customer's card."
    )


class CustomerBlacklisted(VendError):
    code = "ui.customer_blacklisted"
    template = (
        "{name} is blacklisted: {reason}. No credit can be sold to this meter; "
        "send the customer to the office."
    )


class CardMeterNeedsCard(VendError):
    code = "ui.card_meter_needs_card"
    template = (
        "Meter {number} is a smart card meter: its credit goes onto the customer's card, not "
        "into a token. Insert the customer's card in the reader to sell to it."
    )


class LookUpFailed(VendError):
    code = "ui.lookup_failed"
    template = (
        "The customer could not be looked up. Type the number again; if it happens again, "
        "send the report to your support contact."
    )


class NothingToReprint(VendError):
    code = "ui.nothing_to_reprint"
    template = "There is no voucher to reprint yet in this shift."


class PermissionMissing(AuthError):
    code = "ui.permission_missing"
    template = (
        "You do not have the {permission} permission. Ask an operator who has it, or an "
        "administrator to give it to you."
    )


class CardNotSellable(VendError):
    code = "ui.card_not_sellable"
    template = "Nothing can be sold to the card in the reader: {reason}"


class CardStillReading(VendError):
    code = "ui.card_still_reading"
    template = "The card is still being read. Wait until its data shows, then press Enter again."
