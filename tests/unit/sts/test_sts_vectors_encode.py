"""Every encode vector of tests/data/sts/vectors-dev.json gives its expected token(s)."""

from __future__ import annotations

from typing import Any

import pytest

from starpos.sts.request import TokenRequest, issue_tokens, issue_with_key
from starpos.sts.tables import StaTables
from tests.unit.sts.sts_data import request_fields, vectors

ENCODE = vectors("encode")


@pytest.mark.parametrize("vector", ENCODE, ids=[v["id"] for v in ENCODE])
def test_encode_vector(vector: dict[str, Any], compliance_tables: StaTables) -> None:
    request = TokenRequest.from_mapping(request_fields(vector))
    given_key = vector.get("given_decoder_key_hex_sts_order")
    if given_key:
        tokens = issue_with_key(request, bytes.fromhex(given_key), compliance_tables)
    else:
        tokens = issue_tokens(request, compliance_tables)
    expected = vector["expected_token"]
    assert tokens == (expected if isinstance(expected, list) else [expected])


@pytest.mark.parametrize(
    "vector",
    [v for v in ENCODE if v["intermediate"].get("decoder_key_hex") and v["dkga"]],
    ids=lambda v: v["id"],
)
def test_decoder_key_vector(vector: dict[str, Any]) -> None:
    request = TokenRequest.from_mapping(request_fields(vector))
    assert request.decoder_key().hex() == vector["intermediate"]["decoder_key_hex"]


def test_the_vectors_cover_every_class() -> None:
    classes = {(v["token_class"], str(v["token_subclass"])) for v in ENCODE}
    assert {c for c, _ in classes} == {0, 1, 2}
    assert {v["ea"] for v in ENCODE if v["ea"]} == {"07", "11"}
