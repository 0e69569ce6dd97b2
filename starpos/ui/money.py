"""Reading and showing money and energy in the window: Decimal only (DESIGN.md rule 5)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from starpos.ui.counter_errors import AmountNotPositive, AmountNotValid


def parse_amount(text: str, decimals: int) -> Decimal:
    """``text`` as an amount with at most ``decimals`` decimals (``,`` or ``.`` as the point)."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    example = format_money(Decimal("25"), decimals)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountNotValid(text=text, decimals=decimals, example=example) from None
    exponent = value.as_tuple().exponent
    if (
        not value.is_finite()
        or not isinstance(exponent, int)
        or -exponent > decimals
        or "e" in cleaned.lower()
    ):
        raise AmountNotValid(text=text, decimals=decimals, example=example)
    if value <= 0:
        raise AmountNotPositive()
    return value.quantize(Decimal(1).scaleb(-decimals))


def format_money(value: Decimal, decimals: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-decimals)):.{decimals}f}"


def format_kwh(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1')):.1f}"


def group_token(token: str) -> str:
    """A 20-digit token as five groups of four digits (how meters' keypads are read)."""
    digits = "".join(ch for ch in token if ch.isdigit())
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
