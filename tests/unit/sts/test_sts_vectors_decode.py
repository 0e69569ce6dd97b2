"""Every decode vector of tests/data/sts/vectors-dev.json, and decoding every encode vector."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from starpos.sts.decoder import decode_token
from starpos.sts.errors import TokenCrcError, TokenFormatError
from starpos.sts.request import TokenRequest
from starpos.sts.tables import StaTables
from tests.unit.sts.sts_data import request_fields, vectors

DECODE = vectors("decode")
ENCODE = vectors("encode")


def _bits(value: int, width: int) -> str:
    return format(value, f"0{width}b")


@pytest.mark.parametrize("vector", DECODE, ids=[v["id"] for v in DECODE])
def test_decode_vector(vector: dict[str, Any], compliance_tables: StaTables) -> None:
    key_hex = vector["given_decoder_key_hex_sts_order"]
    key = bytes.fromhex(key_hex) if key_hex else None
    decoded = decode_token(vector["expected_token"], key, vector["ea"], compliance_tables)
    asserted = vector["asserted_decoded"]
    assert decoded.token_class == asserted["token_class"]
    assert decoded.subclass == asserted["token_subclass"]
    if "random_no_bits" in asserted:
        assert decoded.random is not None
        assert _bits(decoded.random, 4) == asserted["random_no_bits"]
    if "amount" in asserted:
        assert decoded.amount == Decimal(str(asserted["amount"]))
    if "control" in asserted:
        assert decoded.control == asserted["control"]
        assert decoded.manufacturer_code is not None
        assert int(decoded.manufacturer_code) == int(asserted["manufacturer_code"], 2)
    if "max_power_limit_w" in asserted:
        assert decoded.max_power_limit_w == asserted["max_power_limit_w"]
    if "mppul_field_value" in asserted:
        assert decoded.value_field == asserted["mppul_field_value"]
    for name, attribute in (
        ("register_bits", "register"),
        ("rate_bits", "rate"),
        ("wmf_bits", "water_meter_factor"),
    ):
        if name in asserted:
            assert _bits(getattr(decoded, attribute), 16) == asserted[name]
    if "pad_bits" in asserted:
        assert decoded.value_field == int(asserted["pad_bits"], 2)
    section = decoded.key_change
    if asserted["token_class"] == 2 and asserted["token_subclass"] == 3:
        assert section is not None
        assert _bits(section.kenho or 0, 4) == asserted["kenho_bits"]
        assert (section.krn, section.key_type) == (asserted["krn"], asserted["key_type"])
        assert section.rollover == bool(asserted["rollover"])
        assert section.key_word == int(asserted["nkho_bits"], 2)
    if asserted["token_class"] == 2 and asserted["token_subclass"] == 4:
        assert section is not None
        assert _bits(section.kenlo or 0, 4) == asserted["kenlo_bits"]
        assert section.ti == int(asserted["ti"])
        assert section.key_word == int(asserted["nklo_bits"], 2)
    assert decoded.token == vector["expected_token"]


@pytest.mark.parametrize(
    "vector", [v for v in ENCODE if v["token_class"] != 1 and v["dkga"]], ids=lambda v: v["id"]
)
def test_encode_vectors_decode_back(vector: dict[str, Any], compliance_tables: StaTables) -> None:
    request = TokenRequest.from_mapping(request_fields(vector))
    expected = vector["expected_token"]
    tokens = expected if isinstance(expected, list) else [expected]
    for token in tokens:
        decoded = decode_token(token, request.decoder_key(), vector["ea"], compliance_tables)
        assert decoded.token_class == vector["token_class"]
        if "tid_minutes" in vector["intermediate"]:
            assert decoded.tid == vector["intermediate"]["tid_minutes"]
            assert decoded.random == vector["random_no"]
        if "amount" in vector:
            assert decoded.amount == Decimal(str(vector["amount"]))


def test_a_changed_digit_fails_the_crc(compliance_tables: StaTables) -> None:
    key = bytes.fromhex("0abc12def3456789")
    with pytest.raises(TokenCrcError):
        decode_token("29054347139309851357", key, "07", compliance_tables)


@pytest.mark.parametrize("token", ["1234", "2905434713930985135X", "99999999999999999999"])
def test_malformed_tokens(token: str, compliance_tables: StaTables) -> None:
    with pytest.raises(TokenFormatError):
        decode_token(token, bytes(8), "07", compliance_tables)
