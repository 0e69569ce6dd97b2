"""Card-level operations on a SUN card, over any APDU channel (a PC/SC connection, or an
in-process :class:`VirtualCard` in unit tests). Used by the POS and the virtual meter.

Nothing here touches a database: the application core decides what to sell and records
it; this module guarantees what is on the card is authentic, bound to the right meter,
and written whole (see :mod:`sealing`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol, TypeVar

from starpos.devices.card import errors as E
from starpos.devices.card import layout as L
from starpos.devices.card.records import (
    CardKind,
    CreditRecord,
    IdentityRecord,
    RecordFormatError,
    ReturnRecord,
)
from starpos.devices.card.sealing import (
    RECORD_NAMES,
    FileReading,
    commit_marker_length,
    derive_card_key,
    read_file_slots,
    seal,
)

T = TypeVar("T")


class CardChannel(Protocol):
    """Moves one APDU: returns (response data, SW1SW2)."""

    reader: str

    def transmit(self, apdu: bytes) -> tuple[bytes, int]: ...


@dataclass(frozen=True)
class CardContents:
    """A verified reading of a card. ``returned`` is the meter's last return record."""

    serial: str
    identity: IdentityRecord | None
    credit: CreditRecord | None
    returned: ReturnRecord | None

    @property
    def credit_pending(self) -> bool:
        """True when the card carries a credit the meter has not loaded yet."""
        if self.credit is None:
            return False
        loaded = self.returned.last_loaded_sequence if self.returned else 0
        return self.credit.sequence > loaded

    @property
    def last_sequence(self) -> int:
        """The highest credit sequence this card knows of (written or loaded)."""
        return max(
            self.credit.sequence if self.credit else 0,
            self.returned.last_loaded_sequence if self.returned else 0,
            self.identity.sequence_base if self.identity else 0,
        )


class SunCard:
    """One SUN card in a channel, with the utility card ``master_key`` (16 or 32 bytes)."""

    def __init__(self, channel: CardChannel, master_key: bytes) -> None:
        self.channel = channel
        self._master_key = master_key
        self._serial: bytes | None = None
        self._key: bytes | None = None

    # --- low level -------------------------------------------------------------------

    def _send(self, apdu: bytes, command: str, allowed: tuple[int, ...] = (L.SW_OK,)) -> bytes:
        data, sw = self.channel.transmit(apdu)
        if sw not in allowed:
            if sw in (L.SW_DEACTIVATED, L.SW_NOT_ALLOWED):
                raise E.CardLockedError(sw=L.status_text(sw))
            raise E.CardCommandError(command=command, sw=L.status_text(sw))
        return data

    def _select(self, fid: int) -> None:
        _, sw = self.channel.transmit(L.select(fid))
        if sw == L.SW_NOT_FOUND:
            raise E.NotStarposCardError(sw=L.status_text(sw))
        if sw == L.SW_DEACTIVATED:
            raise E.CardLockedError(sw=L.status_text(sw))
        if sw != L.SW_OK:
            raise E.CardCommandError(command=f"SELECT {fid:04X}", sw=L.status_text(sw))

    def _read_current(self, size: int) -> bytes:
        data = bytearray()
        while len(data) < size:
            wanted = min(L.READ_CHUNK, size - len(data))
            data += self._send(L.read_binary(len(data), wanted), "READ BINARY")
        return bytes(data)

    def _open(self) -> bytes:
        """Check this is a StarPOS card and select its application; returns the card key."""
        if self._key is None:
            self._select(L.MF)
            self._select(L.EF_CARD)
            card_file = self._read_current(L.CARD_FILE_SIZE)
            magic_end = len(L.CARD_MAGIC)
            if card_file[:magic_end] != L.CARD_MAGIC or card_file[magic_end] != L.LAYOUT_VERSION:
                raise E.NotStarposCardError(sw=card_file[: magic_end + 1].hex().upper())
            self._serial = card_file[magic_end + 1 : magic_end + 1 + L.SERIAL_LENGTH]
            self._key = derive_card_key(self._master_key, self._serial)
        self._select(L.DF_SUN)
        return self._key

    def _read_file(self, record_file: L.RecordFile) -> FileReading:
        key = self._open()
        self._select(record_file.fid)
        reading = read_file_slots(key, record_file, self._read_current(record_file.size))
        if reading.unverifiable:
            raise E.CardMacError(record=RECORD_NAMES[record_file.record_type])
        return reading

    def _write_file(self, record_file: L.RecordFile, body: bytes) -> None:
        """Write ``body`` crash-safely into the older slot, then read it back."""
        reading = self._read_file(record_file)
        index, generation = reading.next_write()
        slot = seal(self._key or b"", record_file, generation, body)
        base = index * record_file.slot_size
        marker = commit_marker_length()
        # Uncommit the slot, write everything after the marker, then commit (sealing.py).
        self._send(L.update_binary(base, bytes(marker)), "UPDATE BINARY")
        for start in range(marker, len(slot), L.WRITE_CHUNK):
            chunk = slot[start : start + L.WRITE_CHUNK]
            self._send(L.update_binary(base + start, chunk), "UPDATE BINARY")
        self._send(L.update_binary(base, slot[:marker]), "UPDATE BINARY")
        check = self._read_file(record_file)
        if check.current is None or (check.current.generation, check.current.body) != (
            generation,
            body,
        ):
            raise E.CardWriteCheckError(record=RECORD_NAMES[record_file.record_type])

    def _read_record(self, record_file: L.RecordFile, decode: Callable[[bytes], T]) -> T | None:
        reading = self._read_file(record_file)
        if reading.blank or reading.current is None:
            return None
        try:
            return decode(reading.current.body)
        except RecordFormatError as e:
            # A record that verifies but does not parse was written by other software.
            raise E.CardMacError(record=RECORD_NAMES[record_file.record_type]) from e

    def forget(self) -> None:
        """Drop the cached serial and key (another card may now be in the channel)."""
        self._serial = None
        self._key = None

    # --- reading ---------------------------------------------------------------------

    @property
    def serial(self) -> str:
        """The card serial as 16 hex digits (reads the card on first use)."""
        self._open()
        assert self._serial is not None
        return self._serial.hex().upper()

    def read_identity(self) -> IdentityRecord | None:
        return self._read_record(L.IDENTITY_FILE, IdentityRecord.decode)

    def read_credit(self) -> CreditRecord | None:
        return self._read_record(L.CREDIT_FILE, CreditRecord.decode)

    def read_return(self) -> ReturnRecord | None:
        return self._read_record(L.RETURN_FILE, ReturnRecord.decode)

    def read(self) -> CardContents:
        """Everything on the card, every record verified (CardMacError otherwise)."""
        return CardContents(
            self.serial, self.read_identity(), self.read_credit(), self.read_return()
        )

    def require_meter(self, meter_number: str | None) -> IdentityRecord:
        """The card's identity, checking it is issued and (if given) bound to that meter."""
        return self._check_binding(self.read_identity(), meter_number)

    @staticmethod
    def _check_binding(identity: IdentityRecord | None, meter_number: str | None) -> IdentityRecord:
        if identity is None:
            raise E.CardNotIssuedError()
        if meter_number is not None and identity.meter_number != meter_number:
            raise E.WrongMeterCardError(card_meter=identity.meter_number, meter=meter_number)
        return identity

    def credit_loaded(self) -> bool:
        """True when the meter has loaded the credit on the card (or there is none)."""
        return not self.read().credit_pending

    # --- writing ---------------------------------------------------------------------

    def bind(
        self,
        meter_number: str,
        *,
        sgc: int,
        utility_id: int,
        issued_at: datetime,
        kind: CardKind = CardKind.CUSTOMER,
        issue_number: int = 1,
        sequence_base: int = 0,
    ) -> IdentityRecord:
        """Issue a blank card to ``meter_number``; raises CardAlreadyIssuedError otherwise."""
        existing = self.read_identity()
        if existing is not None:
            raise E.CardAlreadyIssuedError(meter=existing.meter_number)
        identity = IdentityRecord(
            kind, utility_id, sgc, meter_number, issue_number, issued_at, sequence_base
        )
        self._write_file(L.IDENTITY_FILE, identity.encode())
        return identity

    def write_credit(
        self,
        energy_kwh: Decimal,
        *,
        vend_id: str,
        created_at: datetime,
        meter_number: str | None = None,
        sequence: int | None = None,
        carry_pending: bool = False,
    ) -> CreditRecord:
        """Write a purchase of ``energy_kwh`` (Decimal, 0.1 kWh steps) and read it back.

        The sequence is the card's last known sequence + 1 unless given (it must then be
        higher). If the card still carries unloaded credit, CardCreditPendingError is
        raised, unless ``carry_pending``: then the new record carries the pending energy
        plus ``energy_kwh`` under the new sequence, so the meter loads both exactly once.
        Only customer cards take credit (CardKindError otherwise). Returns the record,
        as read back from the card.
        """
        contents = self.read()
        identity = self._check_binding(contents.identity, meter_number)
        if identity.kind != CardKind.CUSTOMER:
            # The meter would not load it (virtual_meter: "not-for-credit"): money lost.
            raise E.CardKindError(kind=identity.kind.name.lower())
        total = energy_kwh
        if contents.credit_pending and contents.credit is not None:
            if not carry_pending:
                raise E.CardCreditPendingError(
                    energy=contents.credit.energy_kwh, sequence=contents.credit.sequence
                )
            total = energy_kwh + contents.credit.energy_kwh
        next_sequence = contents.last_sequence + 1
        if sequence is not None:
            if sequence < next_sequence:
                raise ValueError(f"credit sequence {sequence} is not above {next_sequence - 1}")
            next_sequence = sequence
        record = CreditRecord(next_sequence, total, vend_id, created_at)
        self._write_file(L.CREDIT_FILE, record.encode())
        return record

    def write_return(self, record: ReturnRecord) -> None:
        """The meter's side: write its return record (read back and checked)."""
        self._write_file(L.RETURN_FILE, record.encode())

    def blank(self) -> None:
        """Empty the card: credit, return, then identity become tombstones. A torn blank
        leaves the card still issued (run it again), never issued with stale credit."""
        for record_file in (L.CREDIT_FILE, L.RETURN_FILE, L.IDENTITY_FILE):
            reading = self._read_file(record_file)
            if not reading.blank:
                self._write_file(record_file, b"")

    def lock(self) -> None:
        """Deactivate the card application for good (a card reported lost or stolen)."""
        self._open()
        self._send(L.deactivate_application(), "DEACTIVATE FILE")
