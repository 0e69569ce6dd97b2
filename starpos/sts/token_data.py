"""The 64-bit token data blocks of every class (IEC 62055-41, 6.3) and their CRC.

Every block is ``subclass(4) | payload(44) | CRC(16)``; the 2-bit class is not in the block
but is covered by the CRC. Payloads:

- class 0 credit and class 2 management: ``random(4) | TID(24) | value(16)``;
- class 1 meter test/display: ``control(36) | manufacturer code(8)`` for subclass 0 (2-digit
  code) or ``control(28) | manufacturer code(16)`` for subclass 1 (4-digit code);
- class 2 key change sections: see :mod:`starpos.sts.key_change`.
"""

from __future__ import annotations

from enum import IntEnum

from starpos.sts.crc import token_crc
from starpos.sts.errors import FieldValueError, TokenClassError, TokenCrcError

PAYLOAD_BITS = 44
PAYLOAD_MASK = (1 << PAYLOAD_BITS) - 1


class TokenClass(IntEnum):
    CREDIT = 0
    METER_TEST = 1
    MANAGEMENT = 2


class CreditSubclass(IntEnum):
    """Class 0 subclasses: what the credit is for (units, or currency)."""

    ELECTRICITY = 0
    WATER = 1
    GAS = 2
    TIME = 3
    ELECTRICITY_CURRENCY = 4
    WATER_CURRENCY = 5
    GAS_CURRENCY = 6
    TIME_CURRENCY = 7


class ManagementSubclass(IntEnum):
    """Class 2 subclasses."""

    SET_MAXIMUM_POWER_LIMIT = 0
    CLEAR_CREDIT = 1
    SET_TARIFF_RATE = 2
    KEY_CHANGE_1 = 3
    KEY_CHANGE_2 = 4
    CLEAR_TAMPER = 5
    SET_MAXIMUM_PHASE_POWER_UNBALANCE_LIMIT = 6
    SET_WATER_METER_FACTOR = 7
    KEY_CHANGE_3 = 8
    KEY_CHANGE_4 = 9


class MeterTestSubclass(IntEnum):
    """Class 1 subclasses: the width of the manufacturer code."""

    TWO_DIGIT_MANUFACTURER = 0
    FOUR_DIGIT_MANUFACTURER = 1


KEY_CHANGE_SUBCLASSES = frozenset({3, 4, 8, 9})
#: Class 1 layout per subclass: (control bits, manufacturer code bits, code digits).
METER_TEST_LAYOUT = {0: (36, 8, 2), 1: (28, 16, 4)}


def check_range(field: str, value: int, low: int, high: int) -> int:
    """``value`` if it is an int in ``low..high``, else :class:`FieldValueError`."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise FieldValueError(field=field, value=value, expected=f"a whole number {low}-{high}")
    return value


def build_block(token_class: int, subclass: int, payload: int) -> int:
    """The 64-bit plaintext block: subclass, 44-bit payload and the CRC over class + data."""
    data48 = (subclass << PAYLOAD_BITS) | payload
    return (data48 << 16) | token_crc(token_class, data48)


def split_block(token_class: int, block: int, token: str = "") -> tuple[int, int]:
    """``(subclass, payload)`` of a decrypted block; :class:`TokenCrcError` if the CRC fails."""
    data48 = block >> 16
    if token_crc(token_class, data48) != block & 0xFFFF:
        raise TokenCrcError(token=token)
    return data48 >> PAYLOAD_BITS, data48 & PAYLOAD_MASK


def tid_payload(random_no: int, tid: int, value: int) -> int:
    """The payload of a credit or management block: random(4) | TID(24) | value(16)."""
    return (random_no << 40) | (tid << 16) | value


def split_tid_payload(payload: int) -> tuple[int, int, int]:
    """``(random_no, tid, value)`` of a credit or management payload."""
    return payload >> 40, (payload >> 16) & 0xFFFFFF, payload & 0xFFFF


def meter_test_payload(subclass: int, control: int, manufacturer_code: str) -> int:
    """The class 1 payload: control and manufacturer code (its digits as a binary number)."""
    if subclass not in METER_TEST_LAYOUT:
        raise TokenClassError(token_class=1, subclass=subclass)
    control_bits, code_bits, code_digits = METER_TEST_LAYOUT[subclass]
    check_range("control", control, 0, (1 << control_bits) - 1)
    if len(manufacturer_code) != code_digits or not manufacturer_code.isdigit():
        raise FieldValueError(
            field="manufacturer code",
            value=manufacturer_code,
            expected=f"{code_digits} digits for class 1 subclass {subclass}",
        )
    return (control << code_bits) | int(manufacturer_code)


def split_meter_test_payload(subclass: int, payload: int) -> tuple[int, str]:
    """``(control, manufacturer_code)`` of a class 1 payload."""
    if subclass not in METER_TEST_LAYOUT:
        raise TokenClassError(token_class=1, subclass=subclass)
    _, code_bits, code_digits = METER_TEST_LAYOUT[subclass]
    code = payload & ((1 << code_bits) - 1)
    return payload >> code_bits, f"{code:0{code_digits}d}"
