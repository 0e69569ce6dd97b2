"""Reading and showing money and energy in the window: Decimal only (DESIGN.md rule 5).

Amounts are shown the way the language in use writes them, from Qt's locale for that
language (the language of the translations, whatever the PC's locale): ``ZAR 1,500.00``
in English, ``1 500,00 ZAR`` in French. Qt formats only binary floats as currency, so the
digits are laid out here from the Decimal, and the locale is asked only for its symbols
(decimal point, digit grouping of an integer, where the currency goes). Typed amounts
accept a point or a comma, and otherwise follow the command line's one rule for numbers
(``commands/_output.py``): ASCII digits only, so ``４５``, ``٤٥``, ``1_0`` and ``1e2`` are
refused here as they are there.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from PySide6.QtCore import QLocale

from starpos.i18n import current_language
from starpos.ui.counter_errors import AmountNotPositive, AmountNotValid

#: Qt's placeholder for the currency in a locale's currency pattern.
_CURRENCY_MARK = "¤"
_NO_BREAK_SPACE = "\u00a0"
#: ASCII digits with at most one point (``re.ASCII``: ``\d`` would take any script's digits).
_AMOUNT = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)
#: The store's money columns hold 14 whole digits (the command line's MONEY rule too).
_MAX_WHOLE_DIGITS = 14


def parse_amount(text: str, decimals: int) -> Decimal:
    """``text`` as an amount with at most ``decimals`` decimals (``,`` or ``.`` as the point)."""
    cleaned = text.strip().replace(" ", "").replace(_NO_BREAK_SPACE, "").replace(",", ".")
    example = format_money(Decimal("25"), decimals)
    if _AMOUNT.fullmatch(cleaned) is None:
        if cleaned.startswith("-") and _AMOUNT.fullmatch(cleaned[1:]):
            raise AmountNotPositive()
        raise AmountNotValid(text=text, decimals=decimals, example=example)
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
        or len(cleaned.partition(".")[0].lstrip("0")) > _MAX_WHOLE_DIGITS
    ):
        raise AmountNotValid(text=text, decimals=decimals, example=example)
    if value <= 0:
        raise AmountNotPositive()
    return value.quantize(Decimal(1).scaleb(-decimals))


def format_money(value: Decimal, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and the language's decimal point, no grouping:
    what an amount field holds (it reads back with :func:`parse_amount`)."""
    return number_text(value, decimals, grouped=False)


@cache
def _locale_of(language: str) -> QLocale:
    return QLocale(language)


def language_locale() -> QLocale:
    """Qt's locale of the language in use."""
    return _locale_of(current_language())


def number_text(value: Decimal, decimals: int, grouped: bool = True) -> str:
    """``value`` to ``decimals`` decimals as the current language writes numbers."""
    locale = language_locale()
    quantised = value.quantize(Decimal(1).scaleb(-decimals))
    sign, digits = ("-", -quantised) if quantised < 0 else ("", quantised)
    whole, _, fraction = f"{digits:.{decimals}f}".partition(".")
    if grouped:
        whole = locale.toString(int(whole))  # an integer: the locale's digit grouping
    text = whole + (locale.decimalPoint() + fraction if decimals else "")
    return sign + text


def money_text(value: Decimal, currency: str, decimals: int) -> str:
    """``value`` with its currency, placed and spaced as the current language does."""
    number = number_text(value, decimals)
    if not currency:
        return number
    sign = ""
    if number.startswith("-"):
        sign, number = "-", number[1:]
    pattern = language_locale().toCurrencyString(1, _CURRENCY_MARK)  # an integer: no float involved
    before, _, after = pattern.strip("()").partition("1")
    # CLDR's currency spacing: a code made of letters never touches the digits.
    if before.endswith(_CURRENCY_MARK):
        before += _NO_BREAK_SPACE
    if after.startswith(_CURRENCY_MARK):
        after = _NO_BREAK_SPACE + after
    return sign + (before + number + after).replace(_CURRENCY_MARK, currency)


def format_kwh(value: Decimal) -> str:
    """Energy at the STS resolution (0.1 kWh), as the current language writes numbers."""
    return number_text(value, 1)


def group_token(token: str) -> str:
    """A 20-digit token as five groups of four digits (how meters' keypads are read)."""
    digits = "".join(ch for ch in token if ch.isdigit())
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
