"""Amounts and other 16-bit exponent/mantissa fields (IEC 62055-41, 6.3.5).

A field holds a 2-bit exponent ``e`` and a 14-bit mantissa ``m``; its value in base units is
``m * 10**e`` plus the top of every lower exponent's range: exponent 0 covers 0-16383 base
units, exponent 1 starts at 16384 in steps of 10, exponent 2 at 180224 in steps of 100,
exponent 3 at 1818624 in steps of 1000 and ends at 18201624. Credit amounts count tenths of
a unit (0.1 kWh, 0.1 m3 ...), so a token carries at most 1820162.4 units; power limits
count whole watts.

A value the field cannot hold is rounded UP to the next value it can (the compliance vectors
do this: 18022.3 -> 18022.4), so a customer never gets less than was paid for. Pricing uses
:func:`representable_floor` to never promise more than a token can carry.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from starpos.sts.errors import (
    AmountFormatError,
    AmountNotPositiveError,
    AmountTooLargeError,
    FieldValueError,
)

MANTISSA_BITS = 14
MANTISSA_MAX = (1 << MANTISSA_BITS) - 1
#: Start (in base units) and step of each exponent's range.
_RANGE_START = (0, 16384, 180224, 1818624)
_RANGE_STEP = (1, 10, 100, 1000)
_RANGE_END = tuple(
    s + MANTISSA_MAX * step for s, step in zip(_RANGE_START, _RANGE_STEP, strict=True)
)
#: The largest count of base units a field can carry (18201624).
MAX_UNITS = _RANGE_END[-1]
#: The largest credit amount one token can carry, in units (kWh, m3 ...).
MAX_AMOUNT = Decimal("1820162.4")
AMOUNT_RESOLUTION = Decimal("0.1")


def encode_units(units: int) -> int:
    """The 16-bit field for ``units`` (0-18201624) base units, rounded up when not exact."""
    if units < 0 or units > MAX_UNITS:
        raise FieldValueError(field="value", value=units, expected=f"0 to {MAX_UNITS}")
    for exponent, end in enumerate(_RANGE_END):
        if units <= end:
            start, step = _RANGE_START[exponent], _RANGE_STEP[exponent]
            # In the gap just above the previous range the value rounds up to this start.
            mantissa = max(0, -(-(units - start) // step))
            return (exponent << MANTISSA_BITS) | mantissa
    raise AssertionError("unreachable: units <= MAX_UNITS")


def decode_units(field: int) -> int:
    """The count of base units a 16-bit field carries."""
    if field < 0 or field > 0xFFFF:
        raise FieldValueError(field="field", value=field, expected="0 to 65535")
    exponent, mantissa = field >> MANTISSA_BITS, field & MANTISSA_MAX
    return _RANGE_START[exponent] + mantissa * _RANGE_STEP[exponent]


def floor_units(units: int) -> int:
    """The largest count of base units a field can carry that is <= ``units``."""
    if units <= 0:
        return 0
    for exponent in range(len(_RANGE_START) - 1, -1, -1):
        start = _RANGE_START[exponent]
        if units >= start:
            mantissa = min(MANTISSA_MAX, (units - start) // _RANGE_STEP[exponent])
            return start + mantissa * _RANGE_STEP[exponent]
    return 0


def parse_amount(value: object) -> Decimal:
    """``value`` (Decimal, int or decimal string) as a finite Decimal; floats are refused."""
    if isinstance(value, (bool, float)):
        raise AmountFormatError(amount=value)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise AmountFormatError(amount=value) from None
    if not amount.is_finite():
        raise AmountFormatError(amount=value)
    return amount


def _checked_tenths(amount: Decimal, allow_zero: bool = False) -> int:
    if not amount.is_finite():
        raise AmountFormatError(amount=amount)
    if amount < 0 or (amount == 0 and not allow_zero):
        raise AmountNotPositiveError(amount=amount)
    if amount > MAX_AMOUNT:
        raise AmountTooLargeError(amount=amount, maximum=MAX_AMOUNT)
    return int((amount * 10).to_integral_value(rounding=ROUND_CEILING))


def encode_amount(amount: Decimal, *, allow_zero: bool = False) -> int:
    """The 16-bit transfer amount field for ``amount`` units (0 < amount <= 1820162.4).

    Rounds up to the next representable value. Raises :class:`AmountNotPositiveError` or
    :class:`AmountTooLargeError` outside the range. ``allow_zero`` admits exactly 0: a
    zero-amount credit token is made only when asked for by name (a token cancel's later
    TID, the STS 531 compliance suites' CTSA21 step 11), never by a sale's arithmetic.
    """
    return encode_units(_checked_tenths(amount, allow_zero))


def decode_amount(field: int) -> Decimal:
    """The amount in units (0.1 resolution) a 16-bit transfer amount field carries."""
    return Decimal(decode_units(field)).scaleb(-1)


def token_amount(amount: Decimal) -> Decimal:
    """The amount a token for ``amount`` will actually carry (rounded up, 0.1 resolution)."""
    return decode_amount(encode_amount(amount))


def representable_floor(amount: Decimal) -> Decimal:
    """The largest amount a token can carry that is <= ``amount`` (0.0 below 0.1).

    Amounts above :data:`MAX_AMOUNT` give :data:`MAX_AMOUNT`.
    """
    if not amount.is_finite():
        raise AmountFormatError(amount=amount)
    tenths = int((min(amount, MAX_AMOUNT) * 10).to_integral_value(rounding=ROUND_FLOOR))
    return Decimal(floor_units(tenths)).scaleb(-1)
