"""CRC-16 of a token (IEC 62055-41, 6.3.4): reflected polynomial 0xA001, initial 0xFFFF.

The CRC covers the 50 bits ``class(2) | data(48)`` right-aligned in 7 bytes, most significant
byte first, with no final XOR; the token carries it byte-swapped in its last 16 bits.
"""

from __future__ import annotations


def _build_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_TABLE = _build_table()


def crc16(data: bytes) -> int:
    """The CRC-16 (0-65535) of ``data``, before the byte swap."""
    crc = 0xFFFF
    table = _TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def token_crc(token_class: int, data48: int) -> int:
    """The 16-bit CRC field (already byte-swapped) for a class (0-3) and 48 data bits."""
    crc = crc16(((token_class << 48) | data48).to_bytes(7, "big"))
    return ((crc & 0xFF) << 8) | (crc >> 8)
