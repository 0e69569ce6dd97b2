from __future__ import annotations

import pytest

from starpos.sts.errors import (
    MeterCheckDigitError,
    MeterNumberError,
    MeterNumberFormatError,
    MeterNumberLengthError,
    MeterNumberPartError,
)
from starpos.sts.meter_number import luhn_check_digit, make_meter_number, parse_meter_number


def test_an_11_digit_meter_number_has_the_long_iin() -> None:
    meter = parse_meter_number("00000000000")
    assert (meter.iin, meter.iain, meter.pan) == ("600727", "00000000000", "600727000000000009")
    assert (meter.manufacturer_code, meter.serial) == ("00", "00000000")


def test_a_13_digit_meter_number_has_the_short_iin() -> None:
    meter = parse_meter_number("0100000000008")
    assert meter.iin == "0000"
    assert meter.pan == "000001000000000082"
    assert (meter.manufacturer_code, meter.serial, meter.drn_check_digit) == ("0100", "00000000", 8)


def test_a_full_pan_is_accepted_with_spaces() -> None:
    assert parse_meter_number("6007 2700 0000 0000 09").iain == "00000000000"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("0000000000A", MeterNumberFormatError),
        ("", MeterNumberFormatError),
        ("123456789", MeterNumberLengthError),
        ("00000000001", MeterCheckDigitError),
        ("0100000000007", MeterCheckDigitError),
        ("600727000000000008", MeterCheckDigitError),
        ("123456000000000009", MeterNumberError),
    ],
)
def test_bad_meter_numbers_are_refused(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_meter_number(text)


def test_the_check_digit_error_says_which_digit_is_expected() -> None:
    with pytest.raises(MeterCheckDigitError) as caught:
        parse_meter_number("00000000001")
    assert "should be 0" in caught.value.message


def test_luhn_doubles_the_rightmost_payload_digit() -> None:
    assert luhn_check_digit("7992739871") == 3
    assert luhn_check_digit("010000000000") == 8


def test_made_meter_numbers_parse_back() -> None:
    for serial in (0, 1, 12345678, 99999999):
        for iin, code in (("600727", "04"), ("0000", "0101")):
            meter = make_meter_number(iin, code, serial)
            assert parse_meter_number(meter.iain) == meter
            assert parse_meter_number(meter.pan) == meter
            assert meter.serial == f"{serial:08d}"


@pytest.mark.parametrize(
    ("iin", "code", "serial"),
    [("600728", "04", 1), ("600727", "004", 1), ("0000", "04", 1), ("600727", "04", "123")],
)
def test_make_meter_number_refuses_bad_parts(iin: str, code: str, serial: object) -> None:
    with pytest.raises(MeterNumberPartError):
        make_meter_number(iin, code, serial)  # type: ignore[arg-type]
