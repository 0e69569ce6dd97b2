"""The signed envelope shared by KMF key files and credit update blocks.

A file is one JSON object ``{"format": F, "body": B64, "signature": B64}``: ``body`` is
the base64 of a UTF-8 JSON document and ``signature`` the Ed25519 signature of the key
management centre over exactly those body bytes, so nothing has to be canonicalised
(docs/sm-protocol.md, "Signed files").
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class SignedFileError(ValueError):
    """The file is malformed (``signature`` false) or its signature is wrong (true)."""

    def __init__(self, reason: str, *, signature: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.signature = signature


def seal(file_format: str, body: dict[str, Any], signer: Ed25519PrivateKey) -> bytes:
    """The bytes of a signed file holding ``body``."""
    body_bytes = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    envelope = {
        "format": file_format,
        "body": base64.b64encode(body_bytes).decode("ascii"),
        "signature": base64.b64encode(signer.sign(body_bytes)).decode("ascii"),
    }
    return (json.dumps(envelope, indent=1) + "\n").encode("utf-8")


def open_sealed(data: bytes, file_format: str, trusted: Ed25519PublicKey) -> dict[str, Any]:
    """The body of a signed file after checking its format and signature."""
    try:
        envelope = json.loads(data.decode("utf-8"))
        if not isinstance(envelope, dict) or envelope.get("format") != file_format:
            raise SignedFileError(f"not a {file_format} file")
        body_bytes = base64.b64decode(envelope["body"], validate=True)
        signature = base64.b64decode(envelope["signature"], validate=True)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, binascii.Error) as error:
        if isinstance(error, SignedFileError):
            raise
        raise SignedFileError(f"not a {file_format} file") from error
    try:
        trusted.verify(signature, body_bytes)
    except InvalidSignature as error:
        raise SignedFileError("signature does not verify", signature=True) from error
    try:
        body = json.loads(body_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SignedFileError("signed body is not JSON") from error
    if not isinstance(body, dict):
        raise SignedFileError("signed body is not an object")
    return body


def public_key_from_hex(text: str) -> Ed25519PublicKey:
    """An Ed25519 public key from 64 hex digits (raises ``ValueError``)."""
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text.strip()))
