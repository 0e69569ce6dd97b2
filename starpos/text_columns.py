"""Columns of text for a terminal, counted in screen cells rather than characters.

Chinese and other wide characters take two cells of a terminal; ``str.ljust`` and format
widths count them as one, so translated labels pushed the columns after them out of line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: East Asian widths that a terminal draws two cells wide (Unicode UAX #11).
_WIDE = frozenset("WF")


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (combining marks take none)."""
    return sum(
        0
        if unicodedata.combining(char)
        else 2
        if unicodedata.east_asian_width(char) in _WIDE
        else 1
        for char in text
    )


def left(text: object, width: int) -> str:
    """``text`` padded on the right to ``width`` cells (never cut)."""
    shown = str(text)
    return shown + " " * max(0, width - cells(shown))


def right(text: object, width: int) -> str:
    """``text`` padded on the left to ``width`` cells (never cut)."""
    shown = str(text)
    return " " * max(0, width - cells(shown)) + shown


def label_lines(rows: Iterable[tuple[str, object]]) -> str:
    """``label  value`` lines with the values lined up after the widest label."""
    listed = [(label, str(value)) for label, value in rows]
    width = max((cells(label) for label, _ in listed), default=0)
    return "\n".join(f"{left(label, width)}  {value}" for label, value in listed)
