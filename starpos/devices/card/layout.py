"""The SUN card's ISO 7816-4 file layout, answer-to-reset and command set constants.

Files (FID, size in bytes)::

    MF 3F00
    +-- EF.CARD     2F02   32  manufacturer data, read-only: magic, layout version, serial
    +-- DF.SUN      5300       the electricity application
        +-- EF.IDENTITY 5301  2 x 96   identity record, slots A/B (written by the POS)
        +-- EF.CREDIT   5302  2 x 64   credit record, slots A/B (written by the POS)
        +-- EF.RETURN   5303  2 x 192  return record, slots A/B (written by the meter)

Every record file holds two fixed-size slots; docs/sun-card.md explains why.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

MF = 0x3F00
EF_CARD = 0x2F02
DF_SUN = 0x5300

#: First bytes of EF.CARD on every StarPOS card, then the layout version.
CARD_MAGIC = b"STARSUN"
LAYOUT_VERSION = 1
CARD_FILE_SIZE = 32
#: Card serial: 8 bytes, shown as 16 hex digits.
SERIAL_LENGTH = 8


class RecordType(IntEnum):
    """The record each EF holds; also the first byte the MAC covers (domain separation)."""

    IDENTITY = 1
    CREDIT = 2
    RETURN = 3


@dataclass(frozen=True)
class RecordFile:
    fid: int
    record_type: RecordType
    slot_size: int

    @property
    def size(self) -> int:
        return 2 * self.slot_size


IDENTITY_FILE = RecordFile(0x5301, RecordType.IDENTITY, 96)
CREDIT_FILE = RecordFile(0x5302, RecordType.CREDIT, 64)
RETURN_FILE = RecordFile(0x5303, RecordType.RETURN, 192)
RECORD_FILES = (IDENTITY_FILE, CREDIT_FILE, RETURN_FILE)


def _atr(historical: bytes) -> bytes:
    # T0: TD1 follows (0x80) + number of historical bytes; TD1 = 0x01 (T=1, nothing more);
    # T=1 makes the check byte TCK (XOR of T0..last historical byte) mandatory.
    body = bytes([0x80 | len(historical), 0x01]) + historical
    tck = 0
    for byte in body:
        tck ^= byte
    return bytes([0x3B]) + body + bytes([tck])


#: Answer-to-reset of the virtual card: direct convention, T=1, historical bytes "STARSUN-V1".
ATR = _atr(b"STARSUN-V1")

# Instructions (CLA 00) the card understands.
INS_SELECT = 0xA4
INS_READ_BINARY = 0xB0
INS_UPDATE_BINARY = 0xD6
INS_DEACTIVATE_FILE = 0x04

#: Largest UPDATE BINARY the driver sends; a record write is several of these, which is
#: exactly why the slots exist.
WRITE_CHUNK = 64
#: Largest READ BINARY the driver asks for (Le = 00 would mean 256).
READ_CHUNK = 240

# Status words.
SW_OK = 0x9000
SW_END_OF_FILE = 0x6282
SW_DEACTIVATED = 0x6283
SW_WRONG_LENGTH = 0x6700
SW_SECURITY = 0x6982
SW_NO_EF = 0x6986
SW_NOT_ALLOWED = 0x6985
SW_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6B00
SW_INS = 0x6D00
SW_CLA = 0x6E00


def select(fid: int) -> bytes:
    """SELECT by file identifier (P1=00), asking for the FCP template (P2=04)."""
    return bytes([0x00, INS_SELECT, 0x00, 0x04, 0x02]) + fid.to_bytes(2, "big") + b"\x00"


def read_binary(offset: int, length: int) -> bytes:
    """READ BINARY of ``length`` (1..256) bytes at ``offset`` (0..32767) of the current EF."""
    return bytes([0x00, INS_READ_BINARY]) + offset.to_bytes(2, "big") + bytes([length & 0xFF])


def update_binary(offset: int, data: bytes) -> bytes:
    """UPDATE BINARY of ``data`` (1..255 bytes) at ``offset`` of the current EF."""
    return bytes([0x00, INS_UPDATE_BINARY]) + offset.to_bytes(2, "big") + bytes([len(data)]) + data


def deactivate_application() -> bytes:
    """DEACTIVATE FILE of the current DF: locks the card for good (ISO 7816-9)."""
    return bytes([0x00, INS_DEACTIVATE_FILE, 0x00, 0x00])


def status_text(sw: int) -> str:
    return f"{sw:04X}"
