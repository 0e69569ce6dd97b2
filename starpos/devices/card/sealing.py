"""Card keys and sealed record slots: AES-CMAC authenticity plus A/B crash safety.

Key hierarchy: the utility's card master key (AES-128 or AES-256) never leaves the POS
and the meters. Each card's key is derived from it and the card serial with the NIST
SP 800-108 counter-mode KDF over AES-CMAC, so a key read out of one card opens no other.

A slot (``slot_size`` bytes, two per file) holds::

    "SP" | record type (1) | format version (1) | generation (4, big-endian)
         | body length (2) | body | AES-CMAC (16) over everything before it | zero padding

A record write goes to the slot that does NOT hold the newest valid record, with a
generation one above it, in three steps: clear the slot's 2-byte "SP" marker, write the
rest of the slot, then write the marker. The marker is the commit: a slot without it is
ignored (``uncommitted``). A write torn at any byte therefore leaves that slot either
uncommitted or whole, and the other slot still holds the previous record: the card always
shows the old or the new record, never a mixture. A slot WITH its marker whose MAC fails
(``broken``) cannot come from a torn write: it was altered or damaged, and the whole file
is refused. An empty body is a tombstone: the file is blank from that generation on.
"""

from __future__ import annotations

import hmac
import struct
from dataclasses import dataclass

from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.kdf.kbkdf import KBKDFCMAC, CounterLocation, Mode

from starpos.devices.card.layout import RecordFile, RecordType

MAC_LENGTH = 16
SLOT_MAGIC = b"SP"
SLOT_FORMAT_VERSION = 1
_HEADER = struct.Struct(">2sBBIH")
_KDF_LABEL = b"STARPOS SUN CARD KEY"


def derive_card_key(master_key: bytes, serial: bytes) -> bytes:
    """The 16-byte AES key of the card with ``serial`` (8 bytes) under ``master_key``
    (16 or 32 bytes)."""
    kdf = KBKDFCMAC(
        algorithm=algorithms.AES,
        mode=Mode.CounterMode,
        length=16,
        rlen=4,
        llen=4,
        location=CounterLocation.BeforeFixed,
        label=_KDF_LABEL,
        context=serial,
        fixed=None,
    )
    return kdf.derive(master_key)


def compute_mac(key: bytes, data: bytes) -> bytes:
    mac = cmac.CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()


def key_check_value(key: bytes) -> str:
    """Six hex digits that identify a key without revealing it (CMAC of 16 zero bytes)."""
    return compute_mac(key, bytes(16))[:3].hex().upper()


@dataclass(frozen=True)
class SealedSlot:
    """A slot that verified: its generation and body (empty body = tombstone)."""

    index: int
    generation: int
    body: bytes


class SlotState:
    """How one slot read: ``sealed`` (valid), ``empty`` (all zeros: never written),
    ``uncommitted`` (no commit marker: a write that did not finish) or ``broken`` (marker
    present but the MAC or header is wrong: altered or damaged data)."""

    SEALED = "sealed"
    EMPTY = "empty"
    UNCOMMITTED = "uncommitted"
    BROKEN = "broken"


def seal(key: bytes, record_file: RecordFile, generation: int, body: bytes) -> bytes:
    """The full ``slot_size`` bytes of a slot holding ``body`` at ``generation``."""
    if not 1 <= generation <= 0xFFFFFFFF:
        raise ValueError(f"generation {generation} out of range")
    header = _HEADER.pack(
        SLOT_MAGIC, int(record_file.record_type), SLOT_FORMAT_VERSION, generation, len(body)
    )
    sealed = header + body
    slot = sealed + compute_mac(key, sealed)
    if len(slot) > record_file.slot_size:
        raise ValueError(f"record of {len(body)} bytes does not fit a {record_file.slot_size}")
    return slot.ljust(record_file.slot_size, b"\x00")


def open_slot(
    key: bytes, record_file: RecordFile, index: int, raw: bytes
) -> tuple[str, SealedSlot | None]:
    """Check one slot's bytes; returns its :class:`SlotState` and, when sealed, the slot."""
    if not any(raw):
        return SlotState.EMPTY, None
    if raw[: len(SLOT_MAGIC)] != SLOT_MAGIC:
        return SlotState.UNCOMMITTED, None
    if len(raw) < _HEADER.size + MAC_LENGTH:
        return SlotState.BROKEN, None
    magic, record_type, version, generation, length = _HEADER.unpack_from(raw, 0)
    end = _HEADER.size + length
    if (
        magic != SLOT_MAGIC
        or record_type != int(record_file.record_type)
        or version != SLOT_FORMAT_VERSION
        or end + MAC_LENGTH > len(raw)
    ):
        return SlotState.BROKEN, None
    expected = compute_mac(key, raw[:end])
    if not hmac.compare_digest(expected, raw[end : end + MAC_LENGTH]):
        return SlotState.BROKEN, None
    return SlotState.SEALED, SealedSlot(index, generation, raw[_HEADER.size : end])


@dataclass(frozen=True)
class FileReading:
    """Both slots of a record file: the newest valid one (if any) and what the other held."""

    current: SealedSlot | None
    states: tuple[str, str]

    @property
    def blank(self) -> bool:
        """Nothing valid to show: never written, or the newest record is a tombstone."""
        return self.current is None or not self.current.body

    @property
    def unverifiable(self) -> bool:
        """A committed slot fails its MAC: altered, written under another key, or damaged.
        A torn write never causes this (it leaves a slot uncommitted), so the whole file
        is refused rather than quietly falling back to the other slot."""
        return SlotState.BROKEN in self.states

    def next_write(self) -> tuple[int, int]:
        """(slot index, generation) for the next write: never the newest valid slot."""
        if self.current is None:
            return 0, 1
        return 1 - self.current.index, self.current.generation + 1


def commit_marker_length() -> int:
    """Bytes at the start of a slot that are written last, as the commit."""
    return len(SLOT_MAGIC)


def read_file_slots(key: bytes, record_file: RecordFile, raw: bytes) -> FileReading:
    """Decide which slot of a whole file's bytes is current."""
    size = record_file.slot_size
    results = [open_slot(key, record_file, i, raw[i * size : (i + 1) * size]) for i in (0, 1)]
    sealed = [slot for _, slot in results if slot is not None]
    current = max(sealed, key=lambda s: s.generation, default=None)
    return FileReading(current, (results[0][0], results[1][0]))


RECORD_NAMES = {
    RecordType.IDENTITY: "identity",
    RecordType.CREDIT: "credit",
    RecordType.RETURN: "return",
}
