"""The utility card master key file: 32 or 64 hex digits (AES-128 or AES-256) on one line.

The file is the installer's business (made once per utility with ``starpos card keygen``
and copied to every POS and, in real life, into every meter's secure store). It is read
when a card operation starts and never logged; only its check value is ever shown.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from starpos.devices.card.errors import CardMasterKeyError
from starpos.paths import data_dir


def default_key_file() -> Path:
    """The utility card master key file: ``STARPOS_CARD_KEY_FILE``, else
    ``card-master.key`` in the data folder (the CLI's ``--key-file`` overrides both)."""
    override = os.environ.get("STARPOS_CARD_KEY_FILE")
    return Path(override) if override else data_dir() / "card-master.key"


def load_master_key(path: Path) -> bytes:
    """The key bytes (16 or 32) in ``path``; CardMasterKeyError when missing or malformed."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError as e:
        raise CardMasterKeyError(path=str(path), reason="the file does not exist") from e
    except (OSError, UnicodeDecodeError) as e:
        raise CardMasterKeyError(path=str(path), reason=type(e).__name__) from e
    try:
        key = bytes.fromhex(text)
    except ValueError as e:
        raise CardMasterKeyError(path=str(path), reason="it is not hexadecimal") from e
    if len(key) not in (16, 32):
        raise CardMasterKeyError(path=str(path), reason="it is not 32 or 64 hex digits")
    return key


def create_master_key(path: Path, size: int = 16) -> bytes:
    """Make a new random key file readable by its owner only; never overwrites one."""
    if size not in (16, 32):
        raise ValueError("an AES card master key is 16 or 32 bytes")
    key = secrets.token_bytes(size)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as e:
        raise CardMasterKeyError(path=str(path), reason="the file already exists") from e
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key
