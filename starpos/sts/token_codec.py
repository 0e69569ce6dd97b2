"""The 66-bit token and its 20 decimal digits (IEC 62055-41, 6.3.1 and 6.6).

After encryption, bits 28 and 27 of the 64-bit block move to bits 65 and 64 and the two
token class bits take their place (class bit 1 at 28, class bit 0 at 27). The 66-bit number
written in decimal and zero-padded to 20 digits is what the customer types.
"""

from __future__ import annotations

from starpos.sts.errors import TokenFormatError

TOKEN_DIGITS = 20
TOKEN_LIMIT = 1 << 66
_CLASS_BITS = 3 << 27
MASK64 = (1 << 64) - 1


def insert_class(block: int, token_class: int) -> int:
    """The 66-bit token number for an (encrypted) 64-bit block and a class 0-3."""
    return ((block & _CLASS_BITS) << 37) | (block & ~_CLASS_BITS & MASK64) | (token_class << 27)


def extract_class(number: int) -> tuple[int, int]:
    """``(token_class, block)`` from a 66-bit token number (inverse of :func:`insert_class`)."""
    token_class = (number >> 27) & 3
    block = (number & MASK64 & ~_CLASS_BITS) | ((number >> 37) & _CLASS_BITS)
    return token_class, block


def format_token(number: int) -> str:
    """The 20-digit text of a 66-bit token number."""
    return f"{number:020d}"


def parse_token(text: str) -> int:
    """The 66-bit number of a 20-digit token; spaces and dashes between digits are allowed.

    Raises :class:`TokenFormatError` for anything else (wrong length, letters, >= 2**66).
    """
    digits = "".join(text.split()).replace("-", "")
    if len(digits) != TOKEN_DIGITS or not digits.isascii() or not digits.isdigit():
        raise TokenFormatError(token=text)
    number = int(digits)
    if number >= TOKEN_LIMIT:
        raise TokenFormatError(token=text)
    return number


def group_token(token: str) -> str:
    """A token in five groups of four digits, as printed on vouchers."""
    return " ".join(token[i : i + 4] for i in range(0, TOKEN_DIGITS, 4))
