"""Amount representability and the parameter layouts of each command."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.devices.sm import amounts, messages
from starpos.devices.sm.frames import FrameError
from starpos.devices.sm.messages import MeterKeyRef

PAN = "600727000000000009"


@pytest.mark.parametrize(
    ("tenths", "carried"),
    [
        (0, 0),
        (16383, 16383),
        (16384, 16384),
        (16385, 16394),
        (180223, 180224),  # 18022.3 kWh -> 18022.4, as in the STS vectors
        (1818623, 1818624),  # 181862.3 kWh -> 181862.4
        (amounts.MAX_TENTHS, amounts.MAX_TENTHS),
    ],
)
def test_carried_amount_rounds_up_like_the_sts_vectors(tenths: int, carried: int) -> None:
    assert amounts.carried_tenths(tenths) == carried


def test_amounts_beyond_the_token_maximum_are_refused() -> None:
    with pytest.raises(ValueError):
        amounts.carried_tenths(amounts.MAX_TENTHS + 1)
    assert not amounts.is_carried_exactly(-1)


def test_credit_token_parameters_follow_the_issue_layout() -> None:
    key = MeterKeyRef(PAN, 1, "123456", 1, 1, 255)
    params = messages.credit_token_params(key, 0, 0x00ABCD, 250)
    assert params == f"{PAN}01123456011FF00" + "00ABCD" + "L0000FA"
    assert MeterKeyRef.parse(params[: messages.KEY_REF_LENGTH]) == key


@pytest.mark.parametrize(
    "key",
    [
        MeterKeyRef("12345", 1, "123456", 1, 1, 255),
        MeterKeyRef(PAN, 100, "123456", 1, 1, 255),
        MeterKeyRef(PAN, 1, "12345X", 1, 1, 255),
        MeterKeyRef(PAN, 1, "123456", 1, 1, 256),
    ],
)
def test_bad_key_fields_are_caught_before_sending(key: MeterKeyRef) -> None:
    with pytest.raises(ValueError):
        key.params()


def test_balance_data_is_sequence_and_tenths_in_hex() -> None:
    data = messages.format_balance(3, 18_000_000)
    balance = messages.parse_balance(data)
    assert balance.sequence == 3 and balance.next_sequence == 4
    assert balance.balance == Decimal("1800000.0")
    with pytest.raises(FrameError):
        messages.parse_balance("12")


def test_issued_token_data_must_agree_with_itself() -> None:
    token = "12345678901234567890"
    data = f"{int(token):017X}{token}"
    assert messages.parse_issued(data).token == token
    with pytest.raises(FrameError):
        messages.parse_issued(f"{int(token) + 1:017X}{token}")


def test_decoded_credit_token_carries_its_amount() -> None:
    decoded = messages.DecodedToken(0, 0, 0x123, 255, Decimal("25.5"))
    assert messages.parse_decoded(messages.format_decoded(decoded)) == decoded


def test_a_key_change_is_for_one_meter() -> None:
    key = MeterKeyRef(PAN, 1, "123456", 1, 1, 255)
    params = messages.key_change_params(key, MeterKeyRef(PAN, 3, "123456", 1, 2, 255), False)
    assert params == f"{PAN}01123456011FF" + "03123456012FF" + "0"
    with pytest.raises(ValueError, match="one meter"):
        messages.key_change_params(key, MeterKeyRef("0" * 18, 3, "123456", 1, 2, 255), False)
