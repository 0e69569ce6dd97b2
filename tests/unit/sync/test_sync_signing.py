"""Signed requests: what is covered, and every way a signature is refused."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from starpos.sync import signing
from starpos.sync.signing import SignatureProblem

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
BODY = b'{"protocol":1,"events":[]}'
NOW = 1_800_000_000


def _headers(**changes: str) -> dict[str, str]:
    signed = signing.sign(KEY, "key-1", "POST", "/v1/events", BODY, created=NOW, nonce="n" * 32)
    lowered = {name.lower(): value for name, value in signed.items()}
    lowered.update(changes)
    return lowered


def _verify(
    headers: dict[str, str],
    body: bytes = BODY,
    method: str = "POST",
    path: str = "/v1/events",
    key: Ed25519PrivateKey = KEY,
    now: float = NOW,
) -> None:
    claim = signing.read_claim(headers)
    signing.check_time(claim, now)
    signing.check_digest(claim, body)
    signing.check_signature(claim, key.public_key(), method, path)


def test_a_signed_request_verifies_and_names_its_key_time_and_nonce() -> None:
    headers = _headers()
    _verify(headers)
    claim = signing.read_claim(headers)
    assert (claim.key_id, claim.created, claim.nonce) == ("key-1", NOW, "n" * 32)


def test_the_signature_base_is_rfc_9421_shaped() -> None:
    params = '("@method" "@path" "content-digest");created=1;nonce="abc";keyid="k";alg="ed25519"'
    base = signing.signature_base("post", "/v1/events", "sha-256=:X:", params)
    assert base.decode().splitlines() == [
        '"@method": POST',
        '"@path": /v1/events',
        '"content-digest": sha-256=:X:',
        f'"@signature-params": {params}',
    ]


def test_the_content_digest_is_rfc_9530_sha_256() -> None:
    # RFC 9530 appendix B.1: {"hello": "world"}\n
    assert signing.content_digest(b'{"hello": "world"}\n') == (
        "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:"
    )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"body": b'{"protocol":1,"events":[1]}'}, signing.BAD_DIGEST),
        ({"path": "/v1/enrol"}, signing.BAD_SIGNATURE),
        ({"method": "PUT"}, signing.BAD_SIGNATURE),
        ({"key": Ed25519PrivateKey.generate()}, signing.BAD_SIGNATURE),
        ({"now": NOW + signing.WINDOW_SECONDS + 1}, signing.STALE),
        ({"now": NOW - signing.WINDOW_SECONDS - 1}, signing.STALE),
    ],
)
def test_a_changed_request_is_refused(change: dict[str, object], reason: str) -> None:
    with pytest.raises(SignatureProblem) as refused:
        _verify(_headers(), **change)  # type: ignore[arg-type]
    assert refused.value.reason == reason


def test_a_body_with_its_digest_recomputed_still_fails_the_signature() -> None:
    other = b'{"protocol":1,"events":[{"seq":1}]}'
    headers = _headers(**{"content-digest": signing.content_digest(other)})
    with pytest.raises(SignatureProblem) as refused:
        _verify(headers, body=other)
    assert refused.value.reason == signing.BAD_SIGNATURE


def test_a_signed_key_id_cannot_be_swapped() -> None:
    headers = _headers()
    headers["signature-input"] = headers["signature-input"].replace(
        'keyid="key-1"', 'keyid="key-2"'
    )
    with pytest.raises(SignatureProblem) as refused:
        _verify(headers)
    assert refused.value.reason == signing.BAD_SIGNATURE


def test_no_signature_headers_is_unsigned() -> None:
    with pytest.raises(SignatureProblem) as refused:
        signing.read_claim({"content-type": "application/json"})
    assert refused.value.reason == signing.UNSIGNED


NONCE = 'nonce="nnnnnnnnnnnnnnnnnnnn"'
ALL = '("@method" "@path" "content-digest")'


@pytest.mark.parametrize(
    "signature_input",
    [
        # The body left out of the covered components.
        f'starpos=("@method" "@path");created={NOW};{NONCE};keyid="k";alg="ed25519"',
        # Another algorithm.
        f'starpos={ALL};created={NOW};{NONCE};keyid="k";alg="hmac-sha256"',
        # No nonce.
        f'starpos={ALL};created={NOW};keyid="k";alg="ed25519"',
        # Another label.
        f'sig1={ALL};created={NOW};{NONCE};keyid="k";alg="ed25519"',
    ],
)
def test_only_the_one_accepted_shape_is_read(signature_input: str) -> None:
    with pytest.raises(SignatureProblem) as refused:
        signing.read_claim(_headers(**{"signature-input": signature_input}))
    assert refused.value.reason == signing.MALFORMED


def test_a_missing_digest_header_is_malformed() -> None:
    headers = _headers()
    del headers["content-digest"]
    with pytest.raises(SignatureProblem) as refused:
        signing.read_claim(headers)
    assert refused.value.reason == signing.MALFORMED
