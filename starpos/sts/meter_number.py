"""Meter numbers: PAN, IIN, IAIN (the DRN) and their Luhn check digits (IEC 62055-41, 6.1).

A PAN is 18 digits: IIN + IAIN + PAN check digit. With IIN ``600727`` the IAIN has 11 digits
(2-digit manufacturer code, 8-digit serial, DRN check digit); with the short IIN ``0000`` it
has 13 (4-digit manufacturer code, 8-digit serial, DRN check digit). The DRN check digit is
the Luhn digit of manufacturer code + serial; the PAN check digit that of IIN + IAIN.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.sts.errors import (
    MeterCheckDigitError,
    MeterNumberFormatError,
    MeterNumberLengthError,
    MeterNumberPartError,
    PanCheckDigitError,
    UnknownIssuerError,
)
from starpos.sts.lazy import lazy

LONG_IIN = "600727"
SHORT_IIN = "0000"
#: IAIN length (check digit included) for each supported IIN.
IAIN_LENGTH = {LONG_IIN: 11, SHORT_IIN: 13}
SERIAL_LENGTH = 8
PAN_LENGTH = 18


# Digit characters mapped to the value they add when doubled (7 -> 14 -> 1 + 4 = 5).
_DOUBLED = bytes.maketrans(b"0123456789", bytes([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]))
_PLAIN = bytes.maketrans(b"0123456789", bytes(range(10)))


def luhn_check_digit(payload: str) -> int:
    """The Luhn check digit (0-9) of a string of decimal digits.

    The rightmost payload digit is doubled first, then every second digit to its left.
    """
    if not payload.isascii() or not payload.isdigit():
        raise MeterNumberFormatError(value=payload)
    digits = payload.encode()
    total = sum(digits[-1::-2].translate(_DOUBLED)) + sum(digits[-2::-2].translate(_PLAIN))
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class MeterNumber:
    """A validated meter identity.

    ``iin`` is ``600727`` or ``0000``; ``iain`` is the meter number printed on the meter (the
    DRN, check digit included, 11 or 13 digits); ``pan`` is the 18-digit primary account
    number; ``manufacturer_code`` has 2 or 4 digits; ``serial`` has 8.
    """

    iin: str
    iain: str

    @property
    def drn(self) -> str:
        """The decoder reference number: the IAIN, as printed on the meter."""
        return self.iain

    @property
    def manufacturer_code(self) -> str:
        return self.iain[: len(self.iain) - SERIAL_LENGTH - 1]

    @property
    def serial(self) -> str:
        return self.iain[-SERIAL_LENGTH - 1 : -1]

    @property
    def drn_check_digit(self) -> int:
        return int(self.iain[-1])

    @lazy
    def pan_check_digit(self) -> int:
        return luhn_check_digit(self.iin + self.iain)

    @lazy
    def pan(self) -> str:
        return f"{self.iin}{self.iain}{self.pan_check_digit}"

    def __str__(self) -> str:
        return self.iain


def _digits(text: str) -> str:
    # Cashiers and scanners group digits with spaces or dashes; nothing else is accepted.
    cleaned = "".join(text.split()).replace("-", "")
    if not cleaned or not cleaned.isascii() or not cleaned.isdigit():
        raise MeterNumberFormatError(value=text)
    return cleaned


def _check_iain(iain: str, original: str) -> None:
    expected = luhn_check_digit(iain[:-1])
    if int(iain[-1]) != expected:
        raise MeterCheckDigitError(value=original, found=int(iain[-1]), expected=expected)


def parse_meter_number(text: str) -> MeterNumber:
    """Parse an 11- or 13-digit meter number or an 18-digit PAN, checking every check digit.

    11 digits mean IIN ``600727``, 13 digits IIN ``0000``. An 18-digit PAN must start with one
    of the two IINs. Raises a :class:`MeterNumberError` subclass naming what is wrong.
    """
    digits = _digits(text)
    if len(digits) in (IAIN_LENGTH[LONG_IIN], IAIN_LENGTH[SHORT_IIN]):
        iin = LONG_IIN if len(digits) == IAIN_LENGTH[LONG_IIN] else SHORT_IIN
        _check_iain(digits, text)
        return MeterNumber(iin, digits)
    if len(digits) == PAN_LENGTH:
        if digits.startswith(LONG_IIN):
            iin = LONG_IIN
        elif digits.startswith(SHORT_IIN):
            iin = SHORT_IIN
        else:
            raise UnknownIssuerError(value=text)
        iain = digits[len(iin) : -1]
        _check_iain(iain, text)
        meter = MeterNumber(iin, iain)
        if int(digits[-1]) != meter.pan_check_digit:
            raise PanCheckDigitError(
                value=text, found=int(digits[-1]), expected=meter.pan_check_digit
            )
        return meter
    raise MeterNumberLengthError(value=text, length=len(digits))


def make_meter_number(iin: str, manufacturer_code: str, serial: str | int) -> MeterNumber:
    """Build a meter number from its parts, computing both check digits.

    ``manufacturer_code`` has 2 digits for IIN ``600727`` and 4 for ``0000``; ``serial`` is
    0-99999999 (an ``int``) or 8 digits.
    """
    if iin not in IAIN_LENGTH:
        raise MeterNumberPartError(part="IIN", value=iin, length="6 (600727) or 4 (0000)")
    code_length = IAIN_LENGTH[iin] - SERIAL_LENGTH - 1
    if len(manufacturer_code) != code_length or not manufacturer_code.isdigit():
        raise MeterNumberPartError(
            part="manufacturer code", value=manufacturer_code, length=code_length
        )
    serial_text = f"{serial:08d}" if isinstance(serial, int) and serial >= 0 else str(serial)
    if len(serial_text) != SERIAL_LENGTH or not serial_text.isdigit():
        raise MeterNumberPartError(part="serial number", value=serial, length=SERIAL_LENGTH)
    payload = manufacturer_code + serial_text
    return MeterNumber(iin, payload + str(luhn_check_digit(payload)))
