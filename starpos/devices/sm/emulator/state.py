"""The emulated module's persistent state: one folder, changed only by a synced journal line.

``DIR/master.key`` (mode 0600) plays the module's hardware secret: 32 random bytes that
never leave the folder. ``DIR/module.journal`` (:mod:`.journal`) holds the module id, the
trusted KMC key, the credit balance and update sequence, the cumulative counters, the store
binding and its audit anchor, the last answer, the history of credit updates and bindings,
and every secret (the X25519 identity key, the module credential, each vending key)
encrypted with AES-256-GCM under the master key, bound to the module id and the slot as
associated data. ``DIR/events.log`` is an append-only JSON-lines log of what the module
did; it never holds a key.

A change is a transaction (issue 17, section 5): :meth:`ModuleState.begin`, mutate,
:meth:`ModuleState.commit`. The commit appends the new state to the journal and syncs it;
only then do the history additions and the queued ``events.log`` lines take effect. If the
write fails (a full disk, an I/O error) the state goes back to what it was before
:meth:`begin`, nothing is logged as done, and :class:`NotSaved` is raised: the module never
serves a state it could not save.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from starpos.devices.sm.emulator.journal import (
    STATE_FILE,
    STATE_FORMAT,
    Journal,
    delta_line,
    empty_history,
    full_line,
    new_counters,
    unbound,
)
from starpos.devices.sm.kmf import KeyInfo, VendingKey

__all__ = ["STATE_FILE", "STATE_FORMAT", "LastAnswer", "ModuleState", "NotSaved", "StateError"]

#: Associated data label of every sealed secret. It names the first state format and stays
#: as it is: changing it would make every secret sealed before unreadable.
SEAL_LABEL = "starpos-sm-state/1"
COMPACT_AFTER_LINES = 2000
FIRMWARE = "EMU-2.0"
EVENTS_FILE = "events.log"


class StateError(RuntimeError):
    """The state folder cannot be used (unreadable, tampered, or for another module)."""


class NotSaved(Exception):
    """A change could not be written to the journal; the state is as it was before it."""


@dataclass
class LastAnswer:
    """The answer to the last command that acted, and the digest of its request."""

    request_digest: str
    frame: str  # the response frame without its CR


class ModuleState:
    """Load with :meth:`open`; change inside :meth:`begin` ... :meth:`commit`."""

    def __init__(
        self,
        folder: Path,
        master_key: bytes,
        data: dict[str, Any],
        history: dict[str, list[dict[str, Any]]],
        journal: Journal,
    ) -> None:
        self.folder = folder
        self._aead = AESGCM(master_key)
        self._data = data
        self._history = history
        self._journal = journal
        self._snapshot: dict[str, Any] | None = None
        self._added: dict[str, list[dict[str, Any]]] = empty_history()
        self._events: list[dict[str, Any]] = []

    # -- creation and loading --------------------------------------------------------
    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        kmc_public_key_hex: str | None,
        module_id: str | None = None,
        training: bool = False,
        credential: bytes | None = None,
    ) -> ModuleState:
        """Load the module in ``folder``, creating a new one when the folder is empty.

        ``training`` makes a new module a training module (it cannot be asked of an existing
        production module); ``credential`` becomes the module credential (the emulator's
        start is the module's set-up).
        """
        folder.mkdir(parents=True, exist_ok=True)
        key_path, journal = folder / "master.key", Journal(folder)
        if not journal.path.exists():
            if not kmc_public_key_hex:
                raise StateError("a new module needs the public key of the KMC it trusts")
            state = cls._create(folder, key_path, kmc_public_key_hex, module_id, training)
        else:
            state = cls._load(folder, key_path, journal)
            if training and not state.training:
                raise StateError(
                    f"the module in {folder} was made for production; training mode is "
                    "chosen when a module is made"
                )
        if credential is not None and state.credential() != credential:
            state.begin()
            state._data["credential"] = state._seal("credential", credential)
            state.log_event("credential_set")
            try:
                state.commit()
            except NotSaved as error:
                raise StateError(f"the module credential could not be saved: {error}") from error
        state.rewrite_journal()  # one line at every start: migrated, compact, no torn tail
        return state

    @classmethod
    def _load(cls, folder: Path, key_path: Path, journal: Journal) -> ModuleState:
        try:
            master_key = key_path.read_bytes()
            recorded = journal.read()
        except OSError as error:
            raise StateError(f"state in {folder} cannot be read: {error}") from error
        if recorded is None or len(master_key) != 32:
            raise StateError(f"{folder} does not hold a secure module state")
        state = cls(folder, master_key, recorded.state, recorded.history, journal)
        state.identity_key()  # fails now, not mid-command, if the master key does not fit
        state._check_history()
        try:
            journal.open(recorded.lines)
        except OSError as error:
            raise StateError(f"state in {folder} cannot be written: {error}") from error
        if recorded.format != STATE_FORMAT:
            state.log_event("state_migrated", was=recorded.format, now=STATE_FORMAT)
        return state

    @classmethod
    def _create(
        cls,
        folder: Path,
        key_path: Path,
        kmc_public_key_hex: str,
        module_id: str | None,
        training: bool,
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
            "training": training,
            "credential": None,
            "sequence": 0,
            "balance_tenths": 0,
            "keys": {},
            "last_answer": None,
            "counters": new_counters(),
            "binding": unbound(),
            "created_at": datetime.now().isoformat(timespec="seconds"),
        }
        state = cls(folder, master_key, data, empty_history(), Journal(folder))
        identity = X25519PrivateKey.generate()
        data["identity_key"] = state._seal("identity", identity.private_bytes_raw())
        state._journal.rewrite(full_line(state._data, state._history))
        return state

    def _check_history(self) -> None:
        counted = self.sequence - int(self.counters["counted_since"])
        applied = len(self._history["credit_updates"])
        if applied != counted:
            raise StateError(
                f"the journal in {self.folder} is damaged: {applied} credit updates on record "
                f"for {counted} applied"
            )

    def rewrite_journal(self) -> None:
        """Rewrite the journal as one line (at start, and when it grows long). Best effort:
        when it cannot be rewritten (a full disk), commits keep appending to it."""
        with contextlib.suppress(OSError):
            self._journal.rewrite(full_line(self._data, self._history))

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
        return f"{SEAL_LABEL}|{self.module_id}|{slot}".encode("ascii")

    def identity_key(self) -> X25519PrivateKey:
        raw = self._unseal("identity", self._data["identity_key"])
        return X25519PrivateKey.from_private_bytes(raw)

    def credential(self) -> bytes | None:
        """The module credential terminals sign in with (None: no terminal may act)."""
        sealed = self._data.get("credential")
        return self._unseal("credential", sealed) if sealed else None

    # -- fields ----------------------------------------------------------------------
    @property
    def module_id(self) -> str:
        return str(self._data["module_id"])

    @property
    def firmware(self) -> str:
        return FIRMWARE  # the code's version, whatever version made the state

    @property
    def kmc_public_key_hex(self) -> str:
        return str(self._data["kmc_public_key"])

    @property
    def training(self) -> bool:
        return bool(self._data.get("training", False))

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
    def counters(self) -> dict[str, Any]:
        """The cumulative counters (:func:`.journal.new_counters`); change inside a change."""
        counters: dict[str, Any] = self._data["counters"]
        return counters

    @property
    def binding(self) -> dict[str, Any]:
        """The current store binding (:func:`.journal.unbound`); change inside a change."""
        binding: dict[str, Any] = self._data["binding"]
        return binding

    @binding.setter
    def binding(self, value: dict[str, Any]) -> None:
        self._data["binding"] = value

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

    # -- history -----------------------------------------------------------------------
    def history(self, kind: str) -> list[dict[str, Any]]:
        """Saved entries of ``kind`` (``credit_updates``, ``bindings``), then this change's."""
        return self._history[kind] + self._added[kind]

    def add_history(self, kind: str, entry: dict[str, Any]) -> None:
        self._added[kind].append(entry)

    # -- transactions --------------------------------------------------------------------
    def begin(self) -> None:
        """Start a change: what follows takes effect only when :meth:`commit` succeeds."""
        self._snapshot = copy.deepcopy(self._data)
        self._added = empty_history()
        self._events = []

    def discard(self) -> None:
        """Undo this change's state and history (its queued events stay: a refusal is logged)."""
        if self._snapshot is not None:
            self._data = copy.deepcopy(self._snapshot)
        self._added = empty_history()

    def commit(self) -> None:
        """Append the state to the journal and sync it; raise :class:`NotSaved` (and go back to
        the state before :meth:`begin`) when it cannot be written."""
        try:
            self._journal.append(delta_line(self._data, self._added))
        except OSError as error:
            if self._snapshot is not None:
                self._data = self._snapshot
            self._snapshot, self._added, self._events = None, empty_history(), []
            raise NotSaved(error.strerror or str(error)) from error
        for kind, entries in self._added.items():
            self._history[kind].extend(entries)
        events, self._events = self._events, []
        self._snapshot, self._added = None, empty_history()
        self._write_events(events)  # after the commit, never before
        if self._journal.lines >= COMPACT_AFTER_LINES:
            self.rewrite_journal()

    def close(self) -> None:
        self._journal.close()

    # -- events --------------------------------------------------------------------------
    def log_event(self, event: str, **fields: Any) -> None:
        """Log one line to ``events.log`` (callers never pass key material). Inside a change
        it is written after the change is committed, and dropped if it is not."""
        record = {"at": datetime.now().isoformat(timespec="milliseconds"), "event": event}
        record.update(fields)
        if self._snapshot is not None:
            self._events.append(record)
        else:
            self._write_events([record])

    def _write_events(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        text = "".join(json.dumps(record, sort_keys=True) + "\n" for record in records)
        # The journal is the module's truth; a log line lost to a full disk loses no state.
        with contextlib.suppress(OSError), (self.folder / EVENTS_FILE).open("a") as handle:
            handle.write(text)
