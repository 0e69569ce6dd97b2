"""The counter's own Ed25519 key: made at enrolment, kept in the data folder, never sent.

The private key is a PKCS #8 PEM file readable by its owner only (mode 0600, in a 0700
folder), like an SSH key; the head office only ever sees the public half. Whoever can read
the data folder can sign as this counter, which is why a head office can revoke a key.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from starpos.paths import data_dir
from starpos.sync.errors import SyncError

FOLDER = "sync"
KEY_FILE = "terminal-key.pem"


class KeyFileError(SyncError):
    code = "sync.key_file"
    template = (
        "The counter's signing key {path} cannot be read ({reason}). Restore it from the "
        "data folder's backup, or have the head office enrol this counter again."
    )


def key_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / FOLDER / KEY_FILE


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_hex(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def save_key(key: Ed25519PrivateKey, path: Path | None = None) -> Path:
    """Write the key (replacing an older one at once), readable by this user only."""
    path = path or key_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, pem)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)
    return path


def load_key(path: Path | None = None) -> Ed25519PrivateKey:
    path = path or key_path()
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as error:
        raise KeyFileError(path=str(path), reason=str(error)) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(path=str(path), reason="not an Ed25519 key")
    return key
