from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from starpos.sts.amount import (
    MAX_AMOUNT,
    decode_amount,
    encode_amount,
    representable_floor,
    token_amount,
)
from starpos.sts.errors import (
    AmountNotPositiveError,
    AmountTooLargeError,
    BaseDateError,
    TidBeforeBaseDateError,
    TidOverflowError,
)
from starpos.sts.tid import issued_at_for, tid_for


@pytest.mark.parametrize(
    ("asked", "carried"),
    [
        ("0.1", "0.1"),
        ("0.05", "0.1"),
        ("1638.3", "1638.3"),
        ("1638.5", "1639.4"),
        ("18022.3", "18022.4"),
        ("181862.3", "181862.4"),
        ("1820162.4", "1820162.4"),
    ],
)
def test_amounts_round_up_to_what_a_token_can_carry(asked: str, carried: str) -> None:
    assert token_amount(Decimal(asked)) == Decimal(carried)


def test_field_examples() -> None:
    assert encode_amount(Decimal("25.6")) == 0x0100
    assert encode_amount(MAX_AMOUNT) == 0xFFFF
    assert decode_amount(0x4000) == Decimal("1638.4")


@pytest.mark.parametrize("amount", ["0", "-1", "-0.1"])
def test_amounts_must_be_positive(amount: str) -> None:
    with pytest.raises(AmountNotPositiveError):
        encode_amount(Decimal(amount))


def test_amounts_above_the_maximum_are_refused() -> None:
    with pytest.raises(AmountTooLargeError):
        encode_amount(Decimal("1820162.5"))


def test_representable_floor_never_promises_more() -> None:
    assert representable_floor(Decimal("18022.3")) == Decimal("18021.4")
    assert representable_floor(Decimal("0.05")) == Decimal("0.0")
    assert representable_floor(Decimal("5000000")) == MAX_AMOUNT


def test_tid_of_a_vector() -> None:
    assert tid_for(datetime(2004, 3, 1, 13, 55, 59), 1993) == 5871715


def test_tid_keeps_the_wall_clock_of_an_aware_time() -> None:
    aware = datetime(2004, 3, 1, 13, 55, tzinfo=timezone(timedelta(hours=2)))
    assert tid_for(aware, 1993) == 5871715


@pytest.mark.parametrize("base_date", [1993, 2014, 2035])
def test_tid_round_trips(base_date: int) -> None:
    moment = datetime(base_date + 3, 7, 9, 10, 11)
    assert issued_at_for(tid_for(moment, base_date), base_date) == moment


def test_tid_errors() -> None:
    with pytest.raises(BaseDateError):
        tid_for(datetime(2020, 1, 1), 2000)
    with pytest.raises(TidBeforeBaseDateError):
        tid_for(datetime(2013, 12, 31, 23, 59), 2014)
    with pytest.raises(TidOverflowError):
        tid_for(datetime(2024, 11, 25), 1993)
    assert tid_for(datetime(2024, 11, 23), 1993) < 2**24
