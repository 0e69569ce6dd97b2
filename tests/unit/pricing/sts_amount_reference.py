"""An independent reading of the STS amount grid (IEC 62055-41, FACTS.md), for tests.

Exponent e and 14-bit mantissa m carry ``m * 10**e + sum(16384 * 10**(n-1), n=1..e)``
tenths of a kWh. The pricing tests check the engine's ``starpos.sts.amount`` against it.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

MANTISSA = 1 << 14


def _offset(exponent: int) -> int:
    return sum(MANTISSA * 10 ** (n - 1) for n in range(1, exponent + 1))


def floor_tenths(tenths: int) -> int:
    best = 0
    for exponent in range(4):
        offset, unit = _offset(exponent), 10**exponent
        if tenths >= offset:
            best = offset + min((tenths - offset) // unit, MANTISSA - 1) * unit
    return best


def ceil_tenths(tenths: int) -> int:
    for exponent in range(4):
        offset, unit = _offset(exponent), 10**exponent
        top = offset + (MANTISSA - 1) * unit
        if tenths <= top:
            return max(offset, offset + -(-(tenths - offset) // unit) * unit)
    raise ValueError(f"{tenths} tenths are above the maximum")


def representable_floor(kwh: Decimal) -> Decimal:
    return Decimal(floor_tenths(int((kwh * 10).to_integral_value(ROUND_FLOOR)))) / 10


def token_amount(kwh: Decimal) -> Decimal:
    return Decimal(ceil_tenths(int((kwh * 10).to_integral_value(ROUND_CEILING)))) / 10


MAX_AMOUNT = Decimal(_offset(3) + (MANTISSA - 1) * 1000) / 10
