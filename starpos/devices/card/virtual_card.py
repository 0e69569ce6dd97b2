"""The virtual SUN card: the card's side of the APDU command set, and its saved state.

This is the chip, without any transport: :meth:`VirtualCard.process` takes a C-APDU and
returns the R-APDU, exactly the bytes a real card exchanges. :mod:`vpcd_link` plugs it
into vpcd so pcscd shows it in a real PC/SC reader. The state (serial, lock, file
contents) is saved to a JSON file with an atomic replace after every change, like a
card's EEPROM that keeps its data when the card leaves the reader.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from starpos.devices.card import layout as L

#: ``(fid, offset, data) -> bytes kept or None``: lets a fault cut an UPDATE BINARY short.
UpdateHook = Callable[[int, int, bytes], bytes | None]


@dataclass
class CardState:
    """Everything a card remembers. ``files`` maps FID -> file bytes."""

    serial: bytes
    locked: bool = False
    files: dict[int, bytearray] = field(default_factory=dict)

    @classmethod
    def new(cls, serial: bytes | None = None) -> CardState:
        """A factory-fresh card: EF.CARD written, every record file zero (blank)."""
        serial = serial or secrets.token_bytes(L.SERIAL_LENGTH)
        if len(serial) != L.SERIAL_LENGTH:
            raise ValueError(f"a card serial is {L.SERIAL_LENGTH} bytes")
        card_file = (L.CARD_MAGIC + bytes([L.LAYOUT_VERSION]) + serial).ljust(
            L.CARD_FILE_SIZE, b"\x00"
        )
        files = {L.EF_CARD: bytearray(card_file)}
        files.update({f.fid: bytearray(f.size) for f in L.RECORD_FILES})
        return cls(serial, False, files)

    def to_json(self) -> dict[str, object]:
        return {
            "serial": self.serial.hex(),
            "locked": self.locked,
            "files": {f"{fid:04X}": data.hex() for fid, data in sorted(self.files.items())},
        }

    @classmethod
    def from_json(cls, value: dict[str, object]) -> CardState:
        files = value["files"]
        assert isinstance(files, dict)
        return cls(
            bytes.fromhex(str(value["serial"])),
            bool(value.get("locked", False)),
            {int(fid, 16): bytearray.fromhex(data) for fid, data in files.items()},
        )

    def save(self, path: Path) -> None:
        """Write the state so that a crash leaves the old or the new file, never half."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.to_json(), handle, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load_or_create(cls, path: Path, serial: bytes | None = None) -> CardState:
        if path.exists():
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        state = cls.new(serial)
        state.save(path)
        return state


def _sw(sw: int, data: bytes = b"") -> bytes:
    return data + sw.to_bytes(2, "big")


def _fcp(fid: int, size: int | None, deactivated: bool = False) -> bytes:
    # ISO 7816-4 FCP: 82 descriptor (01 = transparent EF, 38 = DF), 83 FID, 80 size, 8A LCS.
    descriptor = b"\x82\x01" + (b"\x38" if size is None else b"\x01")
    body = descriptor + b"\x83\x02" + fid.to_bytes(2, "big")
    if size is not None:
        body += b"\x80\x02" + size.to_bytes(2, "big")
    body += b"\x8a\x01" + (b"\x04" if deactivated else b"\x05")
    return b"\x62" + bytes([len(body)]) + body


class VirtualCard:
    """A SUN card answering APDUs. ``on_change`` is called after every file change (to
    save the state); ``before_update`` may shorten the bytes an UPDATE BINARY stores and
    returns them (a tear), after which the card stops answering until powered again."""

    def __init__(
        self,
        state: CardState,
        on_change: Callable[[CardState], None] | None = None,
        before_update: UpdateHook | None = None,
    ) -> None:
        self.state = state
        self._on_change = on_change or (lambda _state: None)
        self._before_update = before_update
        self._current_df = L.MF
        self._current_ef: int | None = None
        self.torn = False

    def power_on(self) -> None:
        """Cold or warm reset: selection goes back to the MF."""
        self._current_df = L.MF
        self._current_ef = None
        self.torn = False

    def process(self, apdu: bytes) -> bytes:
        if len(apdu) < 4:
            return _sw(L.SW_WRONG_LENGTH)
        cla, ins, p1, p2 = apdu[:4]
        if cla != 0x00:
            return _sw(L.SW_CLA)
        if ins == L.INS_SELECT:
            return self._select(p1, apdu[4:])
        if ins == L.INS_READ_BINARY:
            return self._read(p1 << 8 | p2, apdu[4:])
        if ins == L.INS_UPDATE_BINARY:
            return self._update(p1 << 8 | p2, apdu[4:])
        if ins == L.INS_DEACTIVATE_FILE:
            return self._deactivate()
        return _sw(L.SW_INS)

    def _select(self, p1: int, rest: bytes) -> bytes:
        if p1 != 0x00 or len(rest) < 3 or rest[0] != 2:
            return _sw(L.SW_WRONG_P1P2)
        fid = int.from_bytes(rest[1:3], "big")
        if fid == L.MF:
            self._current_df, self._current_ef = L.MF, None
            return _sw(L.SW_OK, _fcp(L.MF, None))
        if fid == L.DF_SUN:
            self._current_df, self._current_ef = L.DF_SUN, None
            if self.state.locked:
                return _sw(L.SW_DEACTIVATED, _fcp(fid, None, deactivated=True))
            return _sw(L.SW_OK, _fcp(fid, None))
        in_df = {f.fid for f in L.RECORD_FILES} if self._current_df == L.DF_SUN else {L.EF_CARD}
        if fid not in in_df:
            return _sw(L.SW_NOT_FOUND)
        self._current_ef = fid
        return _sw(L.SW_OK, _fcp(fid, len(self.state.files[fid])))

    def _current_file(self) -> tuple[int, bytearray] | bytes:
        if self._current_ef is None:
            return _sw(L.SW_NO_EF)
        if self.state.locked and self._current_df == L.DF_SUN:
            return _sw(L.SW_NOT_ALLOWED)
        return self._current_ef, self.state.files[self._current_ef]

    def _read(self, offset: int, rest: bytes) -> bytes:
        selected = self._current_file()
        if isinstance(selected, bytes):
            return selected
        _, data = selected
        if len(rest) != 1:
            return _sw(L.SW_WRONG_LENGTH)
        wanted = rest[0] or 256
        if offset >= len(data):
            return _sw(L.SW_WRONG_P1P2)
        chunk = bytes(data[offset : offset + wanted])
        return _sw(L.SW_OK if len(chunk) == wanted else L.SW_END_OF_FILE, chunk)

    def _update(self, offset: int, rest: bytes) -> bytes:
        selected = self._current_file()
        if isinstance(selected, bytes):
            return selected
        fid, data = selected
        if fid == L.EF_CARD:
            return _sw(L.SW_SECURITY)
        if not rest or len(rest) != rest[0] + 1 or rest[0] == 0:
            return _sw(L.SW_WRONG_LENGTH)
        payload = rest[1:]
        if offset + len(payload) > len(data):
            return _sw(L.SW_WRONG_P1P2)
        if self._before_update is not None:
            cut = self._before_update(fid, offset, payload)
            if cut is not None:
                data[offset : offset + len(cut)] = cut
                self._on_change(self.state)
                self.torn = True
                return b""
        data[offset : offset + len(payload)] = payload
        self._on_change(self.state)
        return _sw(L.SW_OK)

    def _deactivate(self) -> bytes:
        if self._current_df != L.DF_SUN:
            return _sw(L.SW_NOT_ALLOWED)
        self.state.locked = True
        self._on_change(self.state)
        return _sw(L.SW_OK)
