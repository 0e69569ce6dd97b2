"""Refusals of the pricing: each says what is wrong with the sale and what to do.

They are :class:`starpos.errors.PricingError` subclasses, so the CLI and UI funnels show
them as one translated line (context ``errors``, catalogs ``resources/translations/
pricing_*.ts``). Amounts in ``params`` are ``Decimal`` quantised to the currency decimals.
"""

from __future__ import annotations

from starpos.errors import PricingError


class InvalidCurrencyAmountError(PricingError):
    """A money value has more decimals than the system's currency, or is negative."""

    code = "pricing.invalid_amount"
    template = (
        "The amount {amount} is not a valid amount in this currency: it must not be "
        "negative and may have at most {decimals} decimal places."
    )


class NetTooSmallError(PricingError):
    """The net amount does not cover the charges and debt due, or buys no energy."""

    code = "pricing.net_too_small"
    template = (
        "The net amount {net} is too small: after the charges and debt due on this sale "
        "it leaves nothing to buy energy with; ask for at least {minimum}."
    )


class EnergyTooLargeError(PricingError):
    """The energy would not fit in one STS credit token."""

    code = "pricing.energy_too_large"
    template = (
        "{kwh} kWh is more than one token can carry (at most {maximum} kWh); "
        "sell a smaller amount and vend the rest on another token."
    )


class TariffNotInForceError(PricingError):
    """No version of the meter's tariff is in force at the time of sale."""

    code = "pricing.tariff_not_in_force"
    template = (
        "The tariff {tariff} has no version in force on {when}; ask an administrator "
        "to give the tariff a price that starts on or before that date."
    )


class InvalidPricingRuleError(PricingError):
    """Master data the pricing was given is inconsistent (a setup mistake, not a sale one)."""

    code = "pricing.invalid_rule"
    template = "The pricing setting {name} is not valid: {reason}. Ask an administrator to fix it."


class InvalidEnergyError(PricingError):
    """A requested energy is not positive."""

    code = "pricing.invalid_energy"
    template = "The energy {kwh} kWh is not valid: ask for a positive number of kWh."


#: Every refusal this package raises (the translation test walks this list).
PRICING_ERRORS: tuple[type[PricingError], ...] = (
    InvalidCurrencyAmountError,
    NetTooSmallError,
    EnergyTooLargeError,
    TariffNotInForceError,
    InvalidPricingRuleError,
    InvalidEnergyError,
)
