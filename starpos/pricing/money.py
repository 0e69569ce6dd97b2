"""Currency arithmetic: every money value is a ``Decimal`` on the currency's grid.

The grid is ``10 ** -decimals`` with ``decimals`` 0, 1 or 2 (STAR manual 1.1, "Amount
Decimal"). Lines computed from a rate (percentage charges, percentage repayment, VAT) are
rounded half up, the commercial rule tax authorities expect on an invoice line
(docs/pricing.md, "Rounding rules").
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from starpos.pricing.errors import InvalidCurrencyAmountError, InvalidPricingRuleError

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CURRENCY_DECIMALS = (0, 1, 2)


def quantum(decimals: int) -> Decimal:
    """The smallest currency step: ``1``, ``0.1`` or ``0.01``."""
    if decimals not in CURRENCY_DECIMALS:
        raise InvalidPricingRuleError(
            name="currency decimals", reason=f"{decimals} is not 0, 1 or 2"
        )
    return Decimal(1).scaleb(-decimals)


def currency(value: Decimal | int | str, decimals: int) -> Decimal:
    """``value`` as a currency amount; refused when negative or finer than the grid.

    The result carries exactly ``decimals`` places (``Decimal("5")`` -> ``5.00``).
    """
    step = quantum(decimals)
    if isinstance(value, float):  # a float is already off by a binary fraction
        raise InvalidCurrencyAmountError(amount=value, decimals=decimals)
    try:
        amount = Decimal(value)
    except (InvalidOperation, ValueError, TypeError) as error:
        raise InvalidCurrencyAmountError(amount=value, decimals=decimals) from error
    if not amount.is_finite() or amount < 0 or amount % step != 0:
        raise InvalidCurrencyAmountError(amount=value, decimals=decimals)
    return amount.quantize(step)


def rate_of(base: Decimal, percent: Decimal, decimals: int) -> Decimal:
    """``percent`` % of ``base``, rounded half up to the currency grid."""
    return (base * percent / HUNDRED).quantize(quantum(decimals), rounding=ROUND_HALF_UP)


def ceil_to_grid(value: Decimal, decimals: int) -> Decimal:
    """The smallest currency amount not below ``value`` (what a price must charge)."""
    return value.quantize(quantum(decimals), rounding=ROUND_CEILING)


def floor_to_grid(value: Decimal, decimals: int) -> Decimal:
    """The largest currency amount not above ``value``."""
    return value.quantize(quantum(decimals), rounding=ROUND_FLOOR)
