"""KMF key files and credit update blocks: what the module accepts and what it refuses."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.credit_blocks import (
    CEILING_TENTHS,
    CreditBlock,
    CreditBlockError,
    apply_credit_block,
    read_credit_block,
    write_credit_block,
)
from starpos.devices.sm.kmc import development_key
from starpos.devices.sm.kmf import KmfError, describe_kmf, read_kmf, write_kmf

MODULE_ID = "10203040"
TODAY = date(2026, 11, 22)


@pytest.fixture
def kmc() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def module_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def _read(data: bytes, kmc: Ed25519PrivateKey, module_key: X25519PrivateKey, **kw: object):
    options: dict[str, object] = {
        "trusted_kmc": kmc.public_key(),
        "module_id": MODULE_ID,
        "module_private_key": module_key,
        "today": TODAY,
    }
    options.update(kw)
    return read_kmf(data, **options)  # type: ignore[arg-type]


def test_a_kmf_round_trips_keys_and_metadata(kmc, module_key) -> None:
    keys = [
        development_key(1, vending_key_hex="0ABC12DEF3456789", activation=TODAY),
        development_key(2, dkga=4, ea=11, usage="key-change-only", krn=2, activation=TODAY),
    ]
    data = write_kmf(MODULE_ID, module_key.public_key(), keys, kmc, TODAY)
    loaded = _read(data, kmc, module_key)
    assert [k.key for k in loaded] == [k.key for k in keys]
    assert [k.info for k in loaded] == [k.info for k in keys]
    assert b"0abc12def3456789" not in data.lower()  # the key is only there wrapped
    described = describe_kmf(data)
    assert described["module_id"] == MODULE_ID
    assert all("wrapped_key" not in entry for entry in described["keys"])


def test_a_kmf_for_another_module_is_refused(kmc, module_key) -> None:
    data = write_kmf("99999999", module_key.public_key(), [development_key(1)], kmc, TODAY)
    with pytest.raises(KmfError) as caught:
        _read(data, kmc, module_key)
    assert caught.value.kind == "module"


def test_a_kmf_signed_by_someone_else_is_refused(kmc, module_key) -> None:
    forger = Ed25519PrivateKey.generate()
    data = write_kmf(MODULE_ID, module_key.public_key(), [development_key(1)], forger, TODAY)
    with pytest.raises(KmfError) as caught:
        _read(data, kmc, module_key)
    assert caught.value.kind == "signature"


def test_an_edited_kmf_body_breaks_the_signature(kmc, module_key) -> None:
    data = write_kmf(MODULE_ID, module_key.public_key(), [development_key(1)], kmc, TODAY)
    envelope = json.loads(data)
    import base64

    body = json.loads(base64.b64decode(envelope["body"]))
    body["keys"][0]["credit_limit_tenths"] = 18_000_000 - 1
    envelope["body"] = base64.b64encode(json.dumps(body).encode()).decode()
    with pytest.raises(KmfError) as caught:
        _read(json.dumps(envelope).encode(), kmc, module_key)
    assert caught.value.kind == "signature"


def test_a_kmf_wrapped_for_another_module_key_does_not_unwrap(kmc, module_key) -> None:
    other = X25519PrivateKey.generate()
    data = write_kmf(MODULE_ID, other.public_key(), [development_key(1)], kmc, TODAY)
    with pytest.raises(KmfError) as caught:
        _read(data, kmc, module_key)
    assert caught.value.kind == "signature"


def test_a_kmf_with_an_expired_key_is_refused(kmc, module_key) -> None:
    old = development_key(
        1, activation=TODAY - timedelta(days=30), issued_until=TODAY - timedelta(days=1)
    )
    data = write_kmf(MODULE_ID, module_key.public_key(), [old], kmc, TODAY)
    with pytest.raises(KmfError) as caught:
        _read(data, kmc, module_key)
    assert caught.value.kind == "expired"


@pytest.mark.parametrize("garbage", [b"", b"{}", b"not json", b'{"format": "starpos-kmf/1"}'])
def test_garbage_is_a_format_error(kmc, module_key, garbage: bytes) -> None:
    with pytest.raises(KmfError) as caught:
        _read(garbage, kmc, module_key)
    assert caught.value.kind == "format"


def _block(sequence: int, operation: str, tenths: int) -> CreditBlock:
    return CreditBlock(MODULE_ID, sequence, operation, tenths, datetime(2026, 11, 22, 8, 0))


def test_credit_blocks_replace_add_and_decrease_like_the_manual(kmc) -> None:
    def run(block: CreditBlock, sequence: int, balance: int) -> int:
        data = write_credit_block(block, kmc)
        return apply_credit_block(
            read_credit_block(data, kmc.public_key()), MODULE_ID, sequence, balance
        )

    assert run(_block(1, "replace", 5000), 0, 12345) == 5000
    assert run(_block(2, "add", 5000), 1, 5000) == 10000
    assert run(_block(3, "decrease", 2500), 2, 10000) == 7500


@pytest.mark.parametrize(
    ("block", "sequence", "balance", "code"),
    [
        (_block(1, "add", 10), 1, 0, ResponseCode.INVALID_UPDATE_SEQUENCE),  # replayed
        (_block(3, "add", 10), 1, 0, ResponseCode.INVALID_UPDATE_SEQUENCE),  # skipped one
        (_block(1, "add", 1), 0, CEILING_TENTHS, ResponseCode.CREDIT_OVERFLOW),
        (_block(1, "decrease", 11), 0, 10, ResponseCode.INSUFFICIENT_CREDIT),
        (
            CreditBlock("99999999", 1, "add", 1, datetime(2026, 1, 1)),
            0,
            0,
            ResponseCode.INVALID_MODULE_ID,
        ),
    ],
)
def test_credit_blocks_out_of_order_or_out_of_range_are_refused(
    block: CreditBlock, sequence: int, balance: int, code: ResponseCode
) -> None:
    with pytest.raises(CreditBlockError) as caught:
        apply_credit_block(block, MODULE_ID, sequence, balance)
    assert caught.value.response_code == code


def test_a_forged_credit_block_is_refused(kmc) -> None:
    forged = write_credit_block(_block(1, "add", 10**6), Ed25519PrivateKey.generate())
    with pytest.raises(CreditBlockError) as caught:
        read_credit_block(forged, kmc.public_key())
    assert caught.value.response_code == ResponseCode.SIGNATURE_INVALID


def test_a_block_above_the_ceiling_cannot_even_be_written(kmc) -> None:
    with pytest.raises(ValueError):
        write_credit_block(_block(1, "replace", CEILING_TENTHS + 1), kmc)
