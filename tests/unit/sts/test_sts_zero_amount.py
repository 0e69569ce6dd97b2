"""A zero-amount credit token is made only when asked for by name (issue 16, token cancel).

The STS 531 compliance suites issue one (CTSA21 step 11); that test case is not among the
published vectors in tests/data/sts, so the token is checked here against the compliance
inputs of CTSA01 step 1 (same key, meter and TID) with the amount field 0: the block it
decrypts to is rebuilt by hand, its CRC computed bit by bit, apart from the engine's table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from starpos.sts import errors
from starpos.sts.ciphers import decrypt_block
from starpos.sts.decoder import decode_token
from starpos.sts.meter_model import MeterModel, MeterResponse
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.sts.tables import StaTables
from starpos.sts.token_codec import extract_class, parse_token
from tests.support.data_files import STS_VECTORS, load_json

CTSA01_STEP1 = "531-1-0-02/CTSA01/step1"
INPUTS = (
    "dkga", "ea", "vending_key_hex", "key_type", "sgc", "ti", "krn", "ken", "base_date", "pan",
    "token_class", "token_subclass", "issued_at", "random_no",
)  # fmt: skip


def vector(identifier: str) -> dict[str, Any]:
    return next(v for v in load_json(STS_VECTORS) if v["id"] == identifier)


def zero_request(**changes: Any) -> TokenRequest:
    entry = vector(CTSA01_STEP1)
    fields = {name: entry[name] for name in INPUTS}
    return TokenRequest.from_mapping({**fields, "zero_amount": 1, **changes})


def crc_by_bits(data: bytes) -> int:
    """CRC-16, reflected polynomial 0xA001, initial 0xFFFF, one bit at a time."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def expected_block(subclass: int, random_no: int, tid: int) -> int:
    data48 = (subclass << 44) | (random_no << 40) | (tid << 16) | 0x0000
    crc = crc_by_bits(data48.to_bytes(7, "big"))  # class 0 above the 48 data bits
    return (data48 << 16) | ((crc & 0xFF) << 8) | (crc >> 8)


def test_a_zero_amount_credit_token_carries_amount_field_0(
    compliance_tables: StaTables,
) -> None:
    entry = vector(CTSA01_STEP1)
    (token,) = issue_tokens(zero_request(), compliance_tables)
    token_class, block = extract_class(parse_token(token))
    key = bytes.fromhex(entry["intermediate"]["decoder_key_hex"])
    plain = decrypt_block("07", key, block, compliance_tables)
    tid = entry["intermediate"]["tid_minutes"]
    assert token_class == 0
    assert plain == expected_block(0, entry["random_no"], tid)
    # The same inputs with 0.1 kWh give the published token: only the amount differs.
    (published,) = issue_tokens(zero_request(zero_amount=0, amount="0.1"), compliance_tables)
    assert published == entry["expected_token"]
    decoded = decode_token(token, key, "07", compliance_tables)
    assert (decoded.amount, decoded.tid, decoded.value_field) == (Decimal("0.0"), tid, 0)


def test_amount_zero_or_left_out_both_ask_for_the_zero_token(
    compliance_tables: StaTables,
) -> None:
    left_out = issue_tokens(zero_request(), compliance_tables)
    given = issue_tokens(zero_request(amount="0.0"), compliance_tables)
    assert left_out == given


def test_the_meter_takes_the_zero_token_without_credit_and_remembers_its_tid(
    compliance_tables: StaTables,
) -> None:
    request = zero_request()
    meter = MeterModel(request.decoder_key(), "07", compliance_tables, tid_memory=1)
    earlier = zero_request(zero_amount=0, amount="5", issued_at="2004-03-01T13:50:00")
    (earlier_token,) = issue_tokens(earlier, compliance_tables)
    (zero_token,) = issue_tokens(request, compliance_tables)
    assert meter.enter(zero_token).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("0.0")
    # The cancelled (older) token is refused once the zero token's later TID is remembered.
    assert meter.enter(earlier_token).response is MeterResponse.OLD
    assert meter.credit == Decimal("0.0")


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"zero_amount": 0, "amount": "0"}, errors.AmountNotPositiveError),
        ({"zero_amount": 0, "amount": "0.0"}, errors.AmountNotPositiveError),
        ({"zero_amount": 1, "amount": "0.1"}, errors.FieldValueError),
        ({"zero_amount": 1, "amount": "-1"}, errors.FieldValueError),
        ({"zero_amount": 2}, errors.FieldValueError),
        ({"zero_amount": "yes"}, errors.FieldValueError),
    ],
    ids=["zero", "zero point zero", "flag with an amount", "flag negative", "flag 2", "flag text"],
)
def test_zero_is_refused_unless_asked_for_by_name(
    changes: dict[str, Any], error: type[errors.StsError], compliance_tables: StaTables
) -> None:
    with pytest.raises(error):
        issue_tokens(zero_request(**changes), compliance_tables)


def test_the_flag_is_for_credit_tokens_only(compliance_tables: StaTables) -> None:
    # A management token ignores it: its value is its own field, never an amount.
    request = zero_request(token_class=2, token_subclass=5)
    (token,) = issue_tokens(request, compliance_tables)
    decoded = decode_token(token, request.decoder_key(), "07", compliance_tables)
    assert (decoded.token_class, decoded.subclass) == (2, 5)
