"""Cash counted note by note: the drawer's denominations and a count's total.

A count is ``{denomination: pieces}``; its total is exact ``Decimal`` arithmetic. The
denominations come from the system parameters (``cash_denominations``, largest first); a
store that names none counts cash as a typed total only.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from starpos.shifts.errors import DenominationNotValidError


def parse_denominations(text: str) -> tuple[Decimal, ...]:
    """``"100,50,0.25"`` as Decimals, largest first (unreadable parts are left out)."""
    found: list[Decimal] = []
    for part in text.replace(";", ",").split(","):
        try:
            value = Decimal(part.strip())
        except (InvalidOperation, ValueError):
            continue
        if value.is_finite() and value > 0:
            found.append(value)
    return tuple(sorted(set(found), reverse=True))


def count_total(pieces: Mapping[Decimal, int], known: tuple[Decimal, ...]) -> Decimal:
    """What ``pieces`` add up to; each denomination must be one of ``known`` (when the store
    names any) and each count a whole number of 0 or more."""
    total = Decimal(0)
    names = ", ".join(str(value) for value in known) or "-"
    for denomination, count in pieces.items():
        if (known and denomination not in known) or not isinstance(count, int) or count < 0:
            raise DenominationNotValidError(denomination=denomination, count=count, known=names)
        total += denomination * count
    return total


def read_pieces(text: str) -> dict[Decimal, int]:
    """``"50x3,20x2"`` or ``"50=3 20=2"`` (the command line) as a count."""
    pieces: dict[Decimal, int] = {}
    for part in text.replace(",", " ").split():
        value, sep, count = part.replace("=", "x").partition("x")
        try:
            denomination = Decimal(value)
            number = int(count) if sep else -1
        except (InvalidOperation, ValueError) as error:
            raise DenominationNotValidError(denomination=value, count=count, known="-") from error
        if number < 0 or not denomination.is_finite() or denomination <= 0:
            raise DenominationNotValidError(denomination=value, count=count, known="-")
        pieces[denomination] = pieces.get(denomination, 0) + number
    return pieces
