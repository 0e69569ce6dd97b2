"""KMF key load files: vending keys wrapped for one module, signed by the KMC.

Format ``starpos-kmf/1`` (docs/sm-protocol.md, "KMF files"), inside the signed envelope of
:mod:`starpos.devices.sm.signed_files`. The body names the module id, carries the KMC's
ephemeral X25519 public key and a list of key entries. Each vending key is wrapped with
AES key wrap with padding (RFC 5649) under a key-encryption key that only the addressed
module can derive: HKDF-SHA256 over X25519(ephemeral, module identity key), bound to the
module id. Metadata is protected by the signature; the wrap protects the key bytes.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.keywrap import (
    InvalidUnwrap,
    aes_key_unwrap_with_padding,
    aes_key_wrap_with_padding,
)

from starpos.devices.sm.signed_files import SignedFileError, open_sealed, seal

KMF_FORMAT = "starpos-kmf/1"
USAGES = ("credit", "key-change-only")
#: Vending key length in bytes for each DKGA (02: DES, 04: 160-bit HMAC key).
KEY_LENGTHS = {2: 8, 4: 20}


class KmfError(ValueError):
    """A KMF file that must be refused; ``kind`` says why (for the response code).

    ``kind`` is ``format``, ``signature``, ``module`` (another module's file) or
    ``expired`` (a key whose issued-until date has passed).
    """

    def __init__(self, reason: str, kind: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


@dataclass(frozen=True)
class KeyInfo:
    """What the module knows about one vending key, without the key itself.

    ``register`` 0-99 is the module's slot for the key (the "vending key register" of
    token requests); ``key_type`` is the STS KT (0-3); ``ken`` 0-255; ``dkga`` 2 or 4;
    ``ea`` 7 or 11; ``base_date`` 1993, 2014 or 2035; ``usage`` ``credit`` (an M-type key,
    may vend) or ``key-change-only`` (an E-type key); tokens may be issued from
    ``activation`` up to and including ``issued_until``; ``credit_limit_tenths`` is the
    largest transfer one token may carry, in tenths of a unit.
    """

    register: int
    sgc: str
    krn: int
    key_type: int
    ken: int
    dkga: int
    ea: int
    base_date: int
    usage: str
    activation: date
    issued_until: date
    credit_limit_tenths: int

    def validate(self) -> None:
        """Raise ``ValueError`` naming the first field out of its range."""
        checks = (
            ("register", 0 <= self.register <= 99),
            ("sgc", bool(re.fullmatch(r"[0-9]{6}", self.sgc))),
            ("krn", 1 <= self.krn <= 9),
            ("key_type", 0 <= self.key_type <= 3),
            ("ken", 0 <= self.ken <= 255),
            ("dkga", self.dkga in KEY_LENGTHS),
            ("ea", self.ea in (7, 11)),
            ("base_date", self.base_date in (1993, 2014, 2035)),
            ("usage", self.usage in USAGES),
            ("issued_until", self.activation <= self.issued_until),
            ("credit_limit_tenths", 0 <= self.credit_limit_tenths <= 18_000_000),
        )
        for name, good in checks:
            if not good:
                raise ValueError(f"key field {name} out of range")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["activation"] = self.activation.isoformat()
        data["issued_until"] = self.issued_until.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyInfo:
        info = cls(
            register=int(data["register"]),
            sgc=str(data["sgc"]),
            krn=int(data["krn"]),
            key_type=int(data["key_type"]),
            ken=int(data["ken"]),
            dkga=int(data["dkga"]),
            ea=int(data["ea"]),
            base_date=int(data["base_date"]),
            usage=str(data["usage"]),
            activation=date.fromisoformat(str(data["activation"])),
            issued_until=date.fromisoformat(str(data["issued_until"])),
            credit_limit_tenths=int(data["credit_limit_tenths"]),
        )
        info.validate()
        return info


@dataclass(frozen=True)
class VendingKey:
    """A key entry with its clear key bytes (KMC side, and inside the module only)."""

    info: KeyInfo
    key: bytes


def _kek(shared: bytes, module_id: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=f"{KMF_FORMAT}|{module_id}".encode("ascii"),
    ).derive(shared)


def write_kmf(
    module_id: str,
    module_public_key: X25519PublicKey,
    keys: list[VendingKey],
    signer: Ed25519PrivateKey,
    issued_on: date,
) -> bytes:
    """A KMF file for ``module_id`` holding ``keys``, signed by ``signer`` (the KMC)."""
    ephemeral = X25519PrivateKey.generate()
    kek = _kek(ephemeral.exchange(module_public_key), module_id)
    entries = []
    for vending_key in keys:
        vending_key.info.validate()
        if len(vending_key.key) != KEY_LENGTHS[vending_key.info.dkga]:
            raise ValueError(f"key in register {vending_key.info.register} has the wrong length")
        entry = vending_key.info.to_json()
        entry["wrapped_key"] = aes_key_wrap_with_padding(kek, vending_key.key).hex()
        entries.append(entry)
    body = {
        "module_id": module_id,
        "issued_on": issued_on.isoformat(),
        "ephemeral_public_key": ephemeral.public_key().public_bytes_raw().hex(),
        "keys": entries,
    }
    return seal(KMF_FORMAT, body, signer)


def read_kmf(
    data: bytes,
    *,
    trusted_kmc: Ed25519PublicKey,
    module_id: str,
    module_private_key: X25519PrivateKey,
    today: date,
) -> list[VendingKey]:
    """The keys of a KMF file after every check the module makes; raises :class:`KmfError`."""
    try:
        body = open_sealed(data, KMF_FORMAT, trusted_kmc)
    except SignedFileError as error:
        raise KmfError(error.reason, "signature" if error.signature else "format") from error
    if body.get("module_id") != module_id:
        raise KmfError("file is for another module", "module")
    try:
        ephemeral = X25519PublicKey.from_public_bytes(bytes.fromhex(body["ephemeral_public_key"]))
        entries = list(body["keys"])
        kek = _kek(module_private_key.exchange(ephemeral), module_id)
        keys = []
        for entry in entries:
            info = KeyInfo.from_json(entry)
            key = aes_key_unwrap_with_padding(kek, bytes.fromhex(entry["wrapped_key"]))
            if len(key) != KEY_LENGTHS[info.dkga]:
                raise ValueError("key length does not match its DKGA")
            keys.append(VendingKey(info, key))
    except InvalidUnwrap as error:
        raise KmfError("a key does not unwrap for this module", "signature") from error
    except (KeyError, TypeError, ValueError) as error:
        raise KmfError(f"malformed key entry ({error})", "format") from error
    if not keys:
        raise KmfError("file holds no keys", "format")
    if len({k.info.register for k in keys}) != len(keys):
        raise KmfError("two keys for one register", "format")
    for vending_key in keys:
        if vending_key.info.issued_until < today:
            raise KmfError(f"key in register {vending_key.info.register} has expired", "expired")
    return keys


def describe_kmf(data: bytes, trusted_kmc: Ed25519PublicKey | None = None) -> dict[str, Any]:
    """Module id and key metadata of a KMF file (no key bytes), for display before loading.

    With ``trusted_kmc`` the signature is checked too; without, the body is only decoded.
    """
    if trusted_kmc is not None:
        body = open_sealed(data, KMF_FORMAT, trusted_kmc)
    else:
        try:
            envelope = json.loads(data.decode("utf-8"))
            body = json.loads(base64.b64decode(envelope["body"]))
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
            raise KmfError("not a KMF file", "format") from error
    return {
        "module_id": body.get("module_id"),
        "issued_on": body.get("issued_on"),
        "keys": [
            {k: v for k, v in entry.items() if k != "wrapped_key"} for entry in body.get("keys", [])
        ],
    }
