"""The emulated module's persistent state: one folder, written atomically.

``DIR/master.key`` (mode 0600) plays the module's hardware secret: 32 random bytes that
never leave the folder. ``DIR/module.journal`` holds the module id, the trusted KMC key, the
credit balance and update sequence, the last answer, and every secret (the module's
X25519 identity key, each vending key) encrypted with AES-256-GCM under the master key,
bound to the module id and the slot as associated data. ``DIR/events.log`` is an
append-only JSON-lines log of what the module did; it never holds a key.

The journal is one full state per line, appended and ``fdatasync``-ed on every commit (one
sync and no rename per token: half the cost of a snapshot file). The last complete line
wins; a line torn by a crash is ignored, and the journal is rewritten to its last state at
every start (and when it grows long), so a torn tail never meets a new line.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from starpos.devices.sm.kmf import KeyInfo, VendingKey

STATE_FORMAT = "starpos-sm-state/1"
STATE_FILE = "module.journal"
COMPACT_AFTER_LINES = 2000
FIRMWARE = "EMU-1.0"


class StateError(RuntimeError):
    """The state folder cannot be used (unreadable, tampered, or for another module)."""


@dataclass
class LastAnswer:
    """The answer to the last command that acted, and the digest of its request."""

    request_digest: str
    frame: str  # the response frame without its CR


class ModuleState:
    """Load with :meth:`open`; mutate the fields, then :meth:`commit` before answering."""

    def __init__(self, folder: Path, master_key: bytes, data: dict[str, Any]) -> None:
        self.folder = folder
        self._aead = AESGCM(master_key)
        self._data = data
        self._journal: Any = None
        self._lines = 0

    # -- creation and loading --------------------------------------------------------
    @classmethod
    def open(
        cls, folder: Path, *, kmc_public_key_hex: str | None, module_id: str | None = None
    ) -> ModuleState:
        """Load the module in ``folder``, creating a new one when the folder is empty."""
        folder.mkdir(parents=True, exist_ok=True)
        key_path, state_path = folder / "master.key", folder / STATE_FILE
        if not state_path.exists():
            if not kmc_public_key_hex:
                raise StateError("a new module needs the public key of the KMC it trusts")
            return cls._create(folder, key_path, kmc_public_key_hex, module_id)
        try:
            master_key = key_path.read_bytes()
            data = _last_state(state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise StateError(f"state in {folder} cannot be read: {error}") from error
        if data is None or len(master_key) != 32:
            raise StateError(f"{folder} does not hold a secure module state")
        state = cls(folder, master_key, data)
        state.identity_key()  # fails now, not mid-command, if the master key does not fit
        state._compact()
        return state

    @classmethod
    def _create(
        cls, folder: Path, key_path: Path, kmc_public_key_hex: str, module_id: str | None
    ) -> ModuleState:
        master_key = secrets.token_bytes(32)
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(master_key)
        data: dict[str, Any] = {
            "format": STATE_FORMAT,
            "module_id": module_id or f"{secrets.randbelow(10**8):08d}",
            "firmware": FIRMWARE,
            "kmc_public_key": kmc_public_key_hex.strip().lower(),
            "sequence": 0,
            "balance_tenths": 0,
            "keys": {},
            "last_answer": None,
            "created_at": datetime.now().isoformat(timespec="seconds"),
        }
        state = cls(folder, master_key, data)
        identity = X25519PrivateKey.generate()
        data["identity_key"] = state._seal("identity", identity.private_bytes_raw())
        state._compact()
        return state

    # -- secrets -------------------------------------------------------------------
    def _seal(self, slot: str, secret: bytes) -> str:
        nonce = secrets.token_bytes(12)
        return (nonce + self._aead.encrypt(nonce, secret, self._aad(slot))).hex()

    def _unseal(self, slot: str, sealed_hex: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        sealed = bytes.fromhex(sealed_hex)
        try:
            return self._aead.decrypt(sealed[:12], sealed[12:], self._aad(slot))
        except InvalidTag as error:
            raise StateError(f"protected {slot} does not open with this master key") from error

    def _aad(self, slot: str) -> bytes:
        return f"{STATE_FORMAT}|{self.module_id}|{slot}".encode("ascii")

    def identity_key(self) -> X25519PrivateKey:
        raw = self._unseal("identity", self._data["identity_key"])
        return X25519PrivateKey.from_private_bytes(raw)

    # -- fields ----------------------------------------------------------------------
    @property
    def module_id(self) -> str:
        return str(self._data["module_id"])

    @property
    def firmware(self) -> str:
        return str(self._data["firmware"])

    @property
    def kmc_public_key_hex(self) -> str:
        return str(self._data["kmc_public_key"])

    @property
    def sequence(self) -> int:
        return int(self._data["sequence"])

    @sequence.setter
    def sequence(self, value: int) -> None:
        self._data["sequence"] = value

    @property
    def balance_tenths(self) -> int:
        return int(self._data["balance_tenths"])

    @balance_tenths.setter
    def balance_tenths(self, value: int) -> None:
        self._data["balance_tenths"] = value

    @property
    def last_answer(self) -> LastAnswer | None:
        raw = self._data.get("last_answer")
        return LastAnswer(raw["request_digest"], raw["frame"]) if raw else None

    @last_answer.setter
    def last_answer(self, value: LastAnswer) -> None:
        self._data["last_answer"] = {"request_digest": value.request_digest, "frame": value.frame}

    def key_infos(self) -> dict[int, KeyInfo]:
        return {
            int(register): KeyInfo.from_json(entry["info"])
            for register, entry in self._data["keys"].items()
        }

    def vending_key(self, register: int) -> VendingKey | None:
        entry = self._data["keys"].get(f"{register:02d}")
        if entry is None:
            return None
        key = self._unseal(f"key-{register:02d}", entry["key"])
        return VendingKey(KeyInfo.from_json(entry["info"]), key)

    def store_keys(self, keys: list[VendingKey]) -> None:
        """Put ``keys`` in their registers, replacing what those registers held."""
        for vending_key in keys:
            register = vending_key.info.register
            self._data["keys"][f"{register:02d}"] = {
                "info": vending_key.info.to_json(),
                "key": self._seal(f"key-{register:02d}", vending_key.key),
            }

    # -- persistence -------------------------------------------------------------------
    def _line(self) -> str:
        return json.dumps(self._data, sort_keys=True, separators=(",", ":")) + "\n"

    def commit(self) -> None:
        """Append the state to the journal and sync it: durable before anything is sent."""
        if self._journal is None or self._lines >= COMPACT_AFTER_LINES:
            self._compact()
            return
        self._journal.write(self._line())
        self._journal.flush()
        os.fdatasync(self._journal.fileno())
        self._lines += 1

    def _compact(self) -> None:
        """Rewrite the journal as one line holding the current state (temp, fsync, rename)."""
        self.close()
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".module-", suffix=".journal")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(self._line())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.folder / STATE_FILE)
        self._journal = (self.folder / STATE_FILE).open("a", encoding="utf-8")
        self._lines = 1

    def close(self) -> None:
        journal, self._journal = self._journal, None
        if journal is not None:
            journal.close()

    def log_event(self, event: str, **fields: Any) -> None:
        """Append one line to ``events.log`` (callers never pass key material)."""
        record = {"at": datetime.now().isoformat(timespec="milliseconds"), "event": event}
        record.update(fields)
        with (self.folder / "events.log").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")


def _last_state(text: str) -> dict[str, Any] | None:
    """The last complete state line of a journal (a torn last line is skipped)."""
    for line in reversed(text.splitlines()):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("format") == STATE_FORMAT:
            return data
    return None
