"""Signed requests between a counter and its head office, after HTTP Message Signatures
(RFC 9421) with ``Content-Digest`` (RFC 9530) and Ed25519.

Every request after enrolment carries::

    Content-Digest: sha-256=:<base64 of SHA-256(body)>:
    Signature-Input: starpos=("@method" "@path" "content-digest");created=<unix time>;
                     nonce="<random>";keyid="<enrolment id>";alg="ed25519"
    Signature: starpos=:<base64 of the Ed25519 signature>:

and the signature covers the RFC 9421 signature base of those components (section 2.5)::

    "@method": POST
    "@path": /v1/events
    "content-digest": sha-256=:...:
    "@signature-params": ("@method" "@path" "content-digest");created=...;nonce=...

So the method, the path, the body (through its digest), the time, the nonce and the key
(the terminal's enrolment) are all signed. Only this one shape is accepted: a verifier that
takes any covered-component list would let a signer leave the body out. The head office
checks the time window, then the digest, then the signature, then remembers the nonce.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

LABEL = "starpos"
COMPONENTS = '("@method" "@path" "content-digest")'
ALGORITHM = "ed25519"
#: How far a request's ``created`` may be from the head office's clock, either way.
WINDOW_SECONDS = 300

DIGEST_HEADER = "content-digest"
INPUT_HEADER = "signature-input"
SIGNATURE_HEADER = "signature"

_INPUT = re.compile(
    rf"^{LABEL}=(?P<params>{re.escape(COMPONENTS)}"
    r";created=(?P<created>\d{1,12})"
    r';nonce="(?P<nonce>[A-Za-z0-9_-]{16,64})"'
    r';keyid="(?P<keyid>[A-Za-z0-9-]{1,64})"'
    rf';alg="{ALGORITHM}")$'
)
_SIGNATURE = re.compile(rf"^{LABEL}=:(?P<value>[A-Za-z0-9+/]+=*):$")
_DIGEST = re.compile(r"^sha-256=:(?P<value>[A-Za-z0-9+/]+=*):$")


class SignatureProblem(Exception):
    """Why a request's signature is not accepted; ``reason`` is a stable code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


UNSIGNED = "unsigned"
MALFORMED = "malformed_signature"
STALE = "stale_signature"
BAD_DIGEST = "content_digest_mismatch"
BAD_SIGNATURE = "bad_signature"
UNKNOWN_KEY = "unknown_key"
REVOKED = "revoked"
REPLAYED = "replayed"


def content_digest(body: bytes) -> str:
    return f"sha-256=:{base64.b64encode(hashlib.sha256(body).digest()).decode('ascii')}:"


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def _params(created: int, nonce: str, key_id: str) -> str:
    return f'{COMPONENTS};created={created};nonce="{nonce}";keyid="{key_id}";alg="{ALGORITHM}"'


def signature_base(method: str, path: str, digest: str, params: str) -> bytes:
    """The RFC 9421 signature base of the covered components (section 2.5)."""
    lines = (
        f'"@method": {method.upper()}',
        f'"@path": {path}',
        f'"content-digest": {digest}',
        f'"@signature-params": {params}',
    )
    return "\n".join(lines).encode("ascii")


def sign(
    key: Ed25519PrivateKey,
    key_id: str,
    method: str,
    path: str,
    body: bytes,
    *,
    created: int,
    nonce: str | None = None,
) -> dict[str, str]:
    """The three headers that sign this request."""
    digest = content_digest(body)
    params = _params(created, nonce or new_nonce(), key_id)
    signature = key.sign(signature_base(method, path, digest, params))
    return {
        "Content-Digest": digest,
        "Signature-Input": f"{LABEL}={params}",
        "Signature": f"{LABEL}=:{base64.b64encode(signature).decode('ascii')}:",
    }


@dataclass(frozen=True)
class SignatureClaim:
    """What a request says about its signature, before anything is verified."""

    key_id: str
    created: int
    nonce: str
    params: str
    digest: str
    signature: bytes


def read_claim(headers: Mapping[str, str]) -> SignatureClaim:
    """The claim of a request's headers (names in lower case), or why there is none."""
    signature_input = headers.get(INPUT_HEADER)
    signature = headers.get(SIGNATURE_HEADER)
    digest = headers.get(DIGEST_HEADER)
    if signature_input is None and signature is None:
        raise SignatureProblem(UNSIGNED)
    if signature_input is None or signature is None or digest is None:
        raise SignatureProblem(MALFORMED)
    found = _INPUT.match(signature_input.strip())
    value = _SIGNATURE.match(signature.strip())
    if found is None or value is None:
        raise SignatureProblem(MALFORMED)
    try:
        raw = base64.b64decode(value["value"], validate=True)
    except ValueError as error:
        raise SignatureProblem(MALFORMED) from error
    return SignatureClaim(
        key_id=found["keyid"],
        created=int(found["created"]),
        nonce=found["nonce"],
        params=found["params"],
        digest=digest.strip(),
        signature=raw,
    )


def check_time(claim: SignatureClaim, now: float, window: int = WINDOW_SECONDS) -> None:
    if abs(now - claim.created) > window:
        raise SignatureProblem(STALE)


def check_digest(claim: SignatureClaim, body: bytes) -> None:
    if _DIGEST.match(claim.digest) is None or claim.digest != content_digest(body):
        raise SignatureProblem(BAD_DIGEST)


def check_signature(
    claim: SignatureClaim, public_key: Ed25519PublicKey, method: str, path: str
) -> None:
    base = signature_base(method, path, claim.digest, claim.params)
    try:
        public_key.verify(claim.signature, base)
    except InvalidSignature as error:
        raise SignatureProblem(BAD_SIGNATURE) from error


def public_key_from_hex(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))
