"""The three SUN card records and their binary bodies (big-endian, fixed layout).

Energy travels as unsigned integer tenths of a kWh (the STS resolution), so a record
never holds a float; in Python every energy is a ``Decimal`` with one decimal place.
Times are UTC seconds since 1970 in 32 bits (valid until 2106). The byte layout of each
body is listed in docs/sun-card.md.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import IntEnum

TENTH = Decimal("0.1")
_U32 = 0xFFFFFFFF
MONTHS_KEPT = 6
TAMPER_EVENTS_KEPT = 4


class RecordFormatError(ValueError):
    """A record body has the wrong size or a value out of range (a programming error or a
    card written by something else); callers map it to a CardError."""


class CardKind(IntEnum):
    CUSTOMER = 1
    INSTALLER = 2
    TEST = 3


class TamperKind(IntEnum):
    COVER_OPEN = 1
    MAGNETIC_FIELD = 2
    REVERSE_CURRENT = 3


def kwh_to_tenths(value: Decimal) -> int:
    """Exact kWh -> tenths; refuses negatives, finer resolution and values over 32 bits."""
    if not isinstance(value, Decimal):
        raise RecordFormatError(f"energy must be a Decimal, not {type(value).__name__}")
    tenths = value * 10
    if tenths != tenths.to_integral_value() or tenths < 0 or tenths > _U32:
        raise RecordFormatError(f"energy {value} kWh is not 0..429496729.5 in steps of 0.1")
    return int(tenths)


def tenths_to_kwh(tenths: int) -> Decimal:
    return (Decimal(tenths) / 10).quantize(TENTH)


def to_seconds(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise RecordFormatError("times on the card must be timezone-aware")
    seconds = int(moment.timestamp())
    if not 0 <= seconds <= _U32:
        raise RecordFormatError(f"time {moment.isoformat()} does not fit the card")
    return seconds


def from_seconds(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _text(value: str, size: int, what: str) -> bytes:
    try:
        raw = value.encode("ascii")
    except UnicodeEncodeError:
        raw = b""
    if not raw or len(raw) > size or b"\x00" in raw:
        raise RecordFormatError(f"{what} {value!r} must be 1..{size} ASCII characters")
    return raw.ljust(size, b"\x00")


def _untext(raw: bytes) -> str:
    return raw.rstrip(b"\x00").decode("ascii", errors="replace")


@dataclass(frozen=True)
class IdentityRecord:
    """Who the card belongs to. ``meter_number``: 1..20 digits; ``sgc``: 0..999999;
    ``issue_number``: 1 for the first card of a meter, +1 for each replacement.
    ``sequence_base``: the last credit sequence sold to the meter before this card was
    issued (0 for a new meter), so a replacement card continues the meter's sequence."""

    kind: CardKind
    utility_id: int
    sgc: int
    meter_number: str
    issue_number: int
    issued_at: datetime
    sequence_base: int = 0

    _FORMAT = struct.Struct(">BIIHI20sI")

    def encode(self) -> bytes:
        if not (self.meter_number.isdigit() and 1 <= len(self.meter_number) <= 20):
            raise RecordFormatError(f"meter number {self.meter_number!r} must be 1..20 digits")
        if not 0 <= self.sgc <= 999_999 or not 0 <= self.utility_id <= _U32:
            raise RecordFormatError("SGC must be 0..999999 and utility id 32 bits")
        if not 1 <= self.issue_number <= 0xFFFF or not 0 <= self.sequence_base < _U32:
            raise RecordFormatError("issue number must be 1..65535, sequence base 32 bits")
        return self._FORMAT.pack(
            int(self.kind),
            self.utility_id,
            self.sgc,
            self.issue_number,
            to_seconds(self.issued_at),
            _text(self.meter_number, 20, "meter number"),
            self.sequence_base,
        )

    @classmethod
    def decode(cls, body: bytes) -> IdentityRecord:
        _check_size(body, cls._FORMAT.size, "identity")
        kind, utility, sgc, issue, issued, meter, base = cls._FORMAT.unpack(body)
        try:
            card_kind = CardKind(kind)
        except ValueError as e:
            raise RecordFormatError(f"unknown card kind {kind}") from e
        return cls(card_kind, utility, sgc, _untext(meter), issue, from_seconds(issued), base)


@dataclass(frozen=True)
class CreditRecord:
    """Credit bought at the POS for the meter. ``sequence`` 1..2^32-1 rises by one per
    purchase; the meter loads a record only if its sequence is above the last it loaded."""

    sequence: int
    energy_kwh: Decimal
    vend_id: str
    created_at: datetime

    _FORMAT = struct.Struct(">II24sI")

    def encode(self) -> bytes:
        if not 1 <= self.sequence <= _U32:
            raise RecordFormatError(f"credit sequence {self.sequence} out of range")
        return self._FORMAT.pack(
            self.sequence,
            kwh_to_tenths(self.energy_kwh),
            _text(self.vend_id, 24, "vend id"),
            to_seconds(self.created_at),
        )

    @classmethod
    def decode(cls, body: bytes) -> CreditRecord:
        _check_size(body, cls._FORMAT.size, "credit")
        sequence, tenths, vend_id, created = cls._FORMAT.unpack(body)
        return cls(sequence, tenths_to_kwh(tenths), _untext(vend_id), from_seconds(created))


@dataclass(frozen=True)
class TamperEvent:
    kind: TamperKind
    at: datetime


@dataclass(frozen=True)
class ReturnRecord:
    """What the meter wrote back at its last contact with the card.

    ``monthly_kwh`` holds the consumption of the last six calendar months of the meter
    clock, newest (current month) first. ``tamper_events`` holds the newest four events,
    newest first; ``tamper_count`` counts all of them. ``warning_level`` is 0 (none),
    1 (low credit) or 2 (very low credit).
    """

    last_loaded_sequence: int
    remaining_kwh: Decimal
    cumulative_kwh: Decimal
    monthly_kwh: tuple[Decimal, ...]
    relay_open: bool
    relay_open_count: int
    power_cut_count: int
    last_power_cut: datetime | None
    tamper_count: int
    tamper_events: tuple[TamperEvent, ...]
    overload_count: int
    warning_level: int
    overdraft_used_kwh: Decimal
    meter_clock: datetime
    firmware: str = field(default="SUN-1.0")

    _HEAD = struct.Struct(">III")
    _MONTHS = struct.Struct(">" + "I" * MONTHS_KEPT)
    _STATUS = struct.Struct(">BHHIH")
    _TAMPER = struct.Struct(">BI")
    _TAIL = struct.Struct(">HBII8s")
    SIZE = _HEAD.size + _MONTHS.size + _STATUS.size + TAMPER_EVENTS_KEPT * _TAMPER.size + _TAIL.size

    def encode(self) -> bytes:
        if len(self.monthly_kwh) != MONTHS_KEPT or len(self.tamper_events) > TAMPER_EVENTS_KEPT:
            raise RecordFormatError("six months and at most four tamper events are kept")
        if self.warning_level not in (0, 1, 2):
            raise RecordFormatError(f"warning level {self.warning_level} is not 0, 1 or 2")
        counts = (self.relay_open_count, self.power_cut_count, self.tamper_count)
        if any(not 0 <= c <= 0xFFFF for c in (*counts, self.overload_count)):
            raise RecordFormatError("event counts must be 0..65535")
        if not 0 <= self.last_loaded_sequence <= _U32:
            raise RecordFormatError("last loaded sequence out of range")
        events = b"".join(
            self._TAMPER.pack(int(e.kind), to_seconds(e.at)) for e in self.tamper_events
        ).ljust(TAMPER_EVENTS_KEPT * self._TAMPER.size, b"\x00")
        last_cut = to_seconds(self.last_power_cut) if self.last_power_cut else 0
        return (
            self._HEAD.pack(
                self.last_loaded_sequence,
                kwh_to_tenths(self.remaining_kwh),
                kwh_to_tenths(self.cumulative_kwh),
            )
            + self._MONTHS.pack(*(kwh_to_tenths(m) for m in self.monthly_kwh))
            + self._STATUS.pack(
                int(self.relay_open),
                self.relay_open_count,
                self.power_cut_count,
                last_cut,
                self.tamper_count,
            )
            + events
            + self._TAIL.pack(
                self.overload_count,
                self.warning_level,
                kwh_to_tenths(self.overdraft_used_kwh),
                to_seconds(self.meter_clock),
                _text(self.firmware, 8, "firmware"),
            )
        )

    @classmethod
    def decode(cls, body: bytes) -> ReturnRecord:
        _check_size(body, cls.SIZE, "return")
        view = memoryview(body)
        last, remaining, cumulative = cls._HEAD.unpack_from(view, 0)
        at = cls._HEAD.size
        months = cls._MONTHS.unpack_from(view, at)
        at += cls._MONTHS.size
        relay, relay_count, cuts, last_cut, tamper_count = cls._STATUS.unpack_from(view, at)
        at += cls._STATUS.size
        events = []
        for _ in range(TAMPER_EVENTS_KEPT):
            kind, when = cls._TAMPER.unpack_from(view, at)
            at += cls._TAMPER.size
            if kind:
                try:
                    events.append(TamperEvent(TamperKind(kind), from_seconds(when)))
                except ValueError as e:
                    raise RecordFormatError(f"unknown tamper kind {kind}") from e
        overloads, warning, overdraft, clock, firmware = cls._TAIL.unpack_from(view, at)
        if relay not in (0, 1) or warning not in (0, 1, 2):
            raise RecordFormatError("relay state or warning level out of range")
        return cls(
            last_loaded_sequence=last,
            remaining_kwh=tenths_to_kwh(remaining),
            cumulative_kwh=tenths_to_kwh(cumulative),
            monthly_kwh=tuple(tenths_to_kwh(m) for m in months),
            relay_open=bool(relay),
            relay_open_count=relay_count,
            power_cut_count=cuts,
            last_power_cut=from_seconds(last_cut) if last_cut else None,
            tamper_count=tamper_count,
            tamper_events=tuple(events),
            overload_count=overloads,
            warning_level=warning,
            overdraft_used_kwh=tenths_to_kwh(overdraft),
            meter_clock=from_seconds(clock),
            firmware=_untext(firmware),
        )


def _check_size(body: bytes, size: int, what: str) -> None:
    if len(body) != size:
        raise RecordFormatError(f"{what} record body is {len(body)} bytes, expected {size}")


Record = IdentityRecord | CreditRecord | ReturnRecord
