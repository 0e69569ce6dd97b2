"""Which transfer amounts an STS credit token can carry exactly.

A credit token holds its amount as a 2-bit exponent and a 14-bit mantissa (IEC 62055-41,
docs/sts.md): exponent 0 covers 0-16383 tenths in steps of one tenth, each
higher exponent starts where the previous ended and steps ten times coarser. The module
refuses an amount that would be rounded (code 46) so the balance decrease, the booked
amount and the token always agree; callers round up first with :func:`carried_tenths`.
"""

from __future__ import annotations

MANTISSA_LIMIT = 1 << 14
#: Lowest tenths value of each exponent and its step in tenths.
_RANGES = ((0, 1), (16384, 10), (16384 + 163840, 100), (16384 + 163840 + 1638400, 1000))
MAX_TENTHS = _RANGES[-1][0] + (MANTISSA_LIMIT - 1) * _RANGES[-1][1]  # 1,820,162.4 kWh


def carried_tenths(tenths: int) -> int:
    """The smallest amount (tenths) >= ``tenths`` a token carries exactly.

    Raises ``ValueError`` outside 0 .. 18,201,624 tenths.
    """
    if not 0 <= tenths <= MAX_TENTHS:
        raise ValueError("amount outside what a token can carry")
    for start, step in reversed(_RANGES):
        if tenths >= start:
            steps = -(-(tenths - start) // step)  # ceiling division
            if steps < MANTISSA_LIMIT:
                return start + steps * step
            break
    # Rounding up overflowed this exponent's mantissa: the next exponent starts here.
    for start, _ in _RANGES:
        if start >= tenths:
            return start
    raise ValueError("amount outside what a token can carry")


def is_carried_exactly(tenths: int) -> bool:
    try:
        return carried_tenths(tenths) == tenths
    except ValueError:
        return False
