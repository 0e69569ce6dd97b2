"""The secure module's wire format, free of any transport (docs/sm-protocol.md).

A frame is printable ASCII ended by CR (0x0D)::

    request:  CC ? MM params CRC4 CR      e.g. ``SM?TS`` + ``3A4F`` + CR
    response: CC ! MM RC data CRC4 CR     e.g. ``SM!TS00`` + data + CRC + CR

``CC`` is the class (``GL`` general, ``SM`` module), ``MM`` the command, ``RC`` a
two-digit response code (:mod:`starpos.devices.sm.codes`) and ``CRC4`` the CRC-16/ARC of
every byte before it, as four uppercase hex digits. Everything here works on ``bytes``
and is unit-tested on bytes; the driver and the emulator share it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from starpos.devices.sm.codes import ResponseCode

TERMINATOR = b"\r"
#: Longest frame either side accepts, terminator excluded (a KMF with a few keys is ~3 kB).
MAX_FRAME_LENGTH = 16384
CLASSES = ("GL", "SM")
_HEX_UPPER = frozenset(b"0123456789ABCDEF")
_NOT_PRINTABLE = re.compile(rb"[^\x20-\x7e]")


class FrameError(ValueError):
    """A frame that cannot be parsed; ``checksum`` is true when only its CRC is wrong."""

    def __init__(self, reason: str, *, checksum: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.checksum = checksum


def _crc_table() -> tuple[int, ...]:
    table = []
    for index in range(256):
        crc = index
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


#: The CRC of each byte value: a byte costs one look-up instead of eight shifts (every
#: frame is sealed or checked about five times a token; docs/benchmarks.md, engineering).
_CRC_TABLE = _crc_table()


def crc16_arc(data: bytes) -> int:
    """CRC-16/ARC: reflected polynomial 0xA001, initial value 0, no final XOR."""
    crc, table = 0, _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def _seal(body: bytes) -> bytes:
    return body + b"%04X" % crc16_arc(body) + TERMINATOR


@dataclass(frozen=True)
class Request:
    """A request frame: ``klass`` ``GL``/``SM``, ``command`` two letters, ``params`` ASCII."""

    klass: str
    command: str
    params: str = ""

    @property
    def name(self) -> str:
        """``GL?RR``-style name used in logs and errors."""
        return f"{self.klass}?{self.command}"

    def encode(self) -> bytes:
        return _seal(f"{self.klass}?{self.command}{self.params}".encode("ascii"))

    def digest(self) -> str:
        """8 hex digits identifying this exact request (echoed by ``GL?RR``)."""
        return hashlib.sha256(self.encode()).hexdigest()[:8].upper()


@dataclass(frozen=True)
class Response:
    """A response frame; ``code`` is the two-digit response code as an int."""

    klass: str
    command: str
    code: int
    data: str = ""

    @property
    def name(self) -> str:
        return f"{self.klass}!{self.command}"

    @property
    def ok(self) -> bool:
        return self.code == ResponseCode.OK

    def encode(self) -> bytes:
        return _seal(f"{self.klass}!{self.command}{self.code:02d}{self.data}".encode("ascii"))


def _checked_body(frame: bytes) -> bytes:
    """The frame without CRC and CR, after checking charset, length and CRC."""
    if frame.endswith(TERMINATOR):
        frame = frame[:-1]
    if len(frame) > MAX_FRAME_LENGTH:
        raise FrameError("frame too long")
    if _NOT_PRINTABLE.search(frame):
        raise FrameError("frame holds non-printable bytes")
    if len(frame) < 5 + 4:
        raise FrameError("frame too short")
    body, crc_text = frame[:-4], frame[-4:]
    if not set(crc_text) <= _HEX_UPPER:
        raise FrameError("CRC is not four uppercase hex digits")
    if int(crc_text, 16) != crc16_arc(body):
        raise FrameError("CRC does not match", checksum=True)
    return body


def _head(body: bytes, marker: bytes) -> tuple[str, str]:
    klass, command = body[:2].decode("ascii"), body[3:5].decode("ascii")
    if body[2:3] != marker:
        raise FrameError(f"third character is not {marker.decode()!r}")
    if klass not in CLASSES:
        raise FrameError("unknown frame class")
    if not (command.isascii() and command.isalpha() and command.isupper()):
        raise FrameError("command is not two uppercase letters")
    return klass, command


def parse_request(frame: bytes) -> Request:
    """Parse one request frame (with or without its CR); raises :class:`FrameError`."""
    body = _checked_body(frame)
    klass, command = _head(body, b"?")
    return Request(klass, command, body[5:].decode("ascii"))


def parse_response(frame: bytes) -> Response:
    """Parse one response frame (with or without its CR); raises :class:`FrameError`."""
    body = _checked_body(frame)
    klass, command = _head(body, b"!")
    code_text = body[5:7]
    if len(code_text) != 2 or not code_text.isdigit():
        raise FrameError("response code is not two digits")
    return Response(klass, command, int(code_text), body[7:].decode("ascii"))


class FrameSplitter:
    """Cuts a byte stream into CR-ended frames, bounding what it buffers.

    Bytes beyond :data:`MAX_FRAME_LENGTH` without a CR are dropped and reported as one
    oversize frame, so a peer sending garbage can never make the buffer grow unbounded.
    """

    def __init__(self, max_length: int = MAX_FRAME_LENGTH) -> None:
        self._buffer = bytearray()
        self._max_length = max_length
        self._overflowed = False

    def feed(self, data: bytes) -> list[bytes]:
        """Add ``data``; return the complete frames (each ending with CR) now available."""
        frames: list[bytes] = []
        for chunk in data.split(TERMINATOR)[:-1] if TERMINATOR in data else []:
            frames.append(self._finish(chunk))
        tail = data.rsplit(TERMINATOR, 1)[-1] if TERMINATOR in data else data
        self._append(tail)
        return frames

    def _finish(self, chunk: bytes) -> bytes:
        self._append(chunk)
        frame = b"\x00" * (self._max_length + 1) if self._overflowed else bytes(self._buffer)
        self._buffer.clear()
        self._overflowed = False
        return frame + TERMINATOR

    def _append(self, chunk: bytes) -> None:
        if self._overflowed:
            return
        self._buffer += chunk
        if len(self._buffer) > self._max_length:
            self._buffer.clear()
            self._overflowed = True

    def clear(self) -> None:
        self._buffer.clear()
        self._overflowed = False
