"""Checks for the fields of a token request; each raises a typed :class:`StsError`."""

from __future__ import annotations

from datetime import datetime

from starpos.sts.errors import (
    BaseDateError,
    FieldValueError,
    IssueTimeError,
    KeyFormatError,
    UnknownAlgorithmError,
)
from starpos.sts.tid import check_base_date, parse_issued_at

DKGA02 = "02"
DKGA04 = "04"


def whole_number(field: str, value: object, low: int, high: int) -> int:
    """An int in ``low..high`` from an int or a string of digits."""
    number: object = value
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
        raise FieldValueError(field=field, value=value, expected=f"a whole number {low}-{high}")
    return number


def check_dkga(value: object) -> str:
    text = f"{value:02d}" if isinstance(value, int) and not isinstance(value, bool) else value
    if text not in (DKGA02, DKGA04):
        raise UnknownAlgorithmError(
            kind="decoder key generation algorithm", value=value, supported="02 or 04"
        )
    return str(text)


def check_sgc(field: str, value: object) -> str:
    """A supply group code: 6 digits (an int is zero-padded)."""
    text = f"{value:06d}" if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or len(text) != 6 or not text.isascii() or not text.isdigit():
        raise FieldValueError(field=field, value=value, expected="6 digits")
    return text


def check_key_hex(name: str, value: object) -> bytes:
    """Key bytes from hexadecimal text (spaces allowed); :class:`KeyFormatError` otherwise."""
    if not isinstance(value, str):
        raise KeyFormatError(name=name)
    try:
        key = bytes.fromhex(value)
    except ValueError:
        raise KeyFormatError(name=name) from None
    if not key:
        raise KeyFormatError(name=name)
    return key


def check_issued_at(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise IssueTimeError(value=value)
    return parse_issued_at(value)


def check_base_date_field(value: object) -> int:
    number: object = value
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if isinstance(number, bool) or not isinstance(number, int):
        raise BaseDateError(value=value)
    return check_base_date(number)
