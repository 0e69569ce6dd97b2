"""A virtual SUN meter: credit, consumption over simulated time, events, and the card
contact where it loads credit and writes its return record.

The meter's memory (``MeterState``) is what a real meter keeps in its EEPROM, including
the utility card master key in its secure store and the last credit sequence it loaded,
which is what stops a copied or replayed credit record from being loaded twice. Energy is
kept in integer tenths of a kWh; the clock is simulated (UTC seconds) and only moves when
told to.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from starpos.devices.card import errors as E
from starpos.devices.card.records import (
    MONTHS_KEPT,
    TAMPER_EVENTS_KEPT,
    CardKind,
    ReturnRecord,
    TamperEvent,
    TamperKind,
    from_seconds,
    kwh_to_tenths,
    tenths_to_kwh,
    to_seconds,
)
from starpos.devices.card.sun_card import SunCard

FIRMWARE = "SUN-2.1"
SECONDS_PER_DAY = 86_400


@dataclass
class MeterState:
    meter_number: str
    sgc: int
    utility_id: int
    master_key: str  # hex; the meter's secure store
    clock: int  # simulated UTC seconds
    credit_tenths: int = 0
    cumulative_tenths: int = 0
    overdraft_limit_tenths: int = 50
    overdraft_used_tenths: int = 0
    warning1_tenths: int = 200
    warning2_tenths: int = 50
    max_load_watts: int = 10_000
    monthly_tenths: dict[str, int] = field(default_factory=dict)
    relay_open: bool = False
    relay_open_count: int = 0
    power_cut_count: int = 0
    last_power_cut: int = 0
    tamper_count: int = 0
    tamper_events: list[tuple[int, int]] = field(default_factory=list)  # (kind, seconds)
    overload_count: int = 0
    last_loaded_sequence: int = 0
    highest_issue: int = 0
    loads: list[dict[str, object]] = field(default_factory=list)

    def save(self, path: Path) -> None:
        """Atomic write: a crash leaves the old or the new state."""
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(self), handle, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> MeterState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data["tamper_events"] = [tuple(event) for event in data["tamper_events"]]
            return cls(**data)
        except FileNotFoundError as e:
            raise E.MeterStateError(path=str(path), reason="the file does not exist") from e
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise E.MeterStateError(path=str(path), reason=type(e).__name__) from e


@dataclass(frozen=True)
class LoadOutcome:
    """What happened at a card contact. ``status``: ``loaded`` (credit added),
    ``already-loaded`` (the same record seen again), ``replayed`` (an older record than
    the last loaded: refused), ``none`` (no credit on the card), ``not-for-credit``
    (installer or test card: data only)."""

    status: str
    sequence: int
    energy_kwh: Decimal
    returned: ReturnRecord


class VirtualMeter:
    """Operations on a :class:`MeterState` (the caller saves it)."""

    def __init__(self, state: MeterState) -> None:
        self.state = state

    @property
    def now(self) -> datetime:
        return from_seconds(self.state.clock)

    def advance(self, days: int, load_kw: Decimal) -> Decimal:
        """Run ``days`` simulated days at a constant ``load_kw`` (Decimal kW); returns the
        energy consumed in kWh. Credit goes first, then the overdraft; when both are used
        up the relay opens and nothing more is consumed."""
        if days < 0 or load_kw < 0:
            raise ValueError("days and load must not be negative")
        s = self.state
        if load_kw * 1000 > s.max_load_watts:
            s.overload_count += 1
        daily = kwh_to_tenths((load_kw * 24).quantize(Decimal("0.1"), ROUND_HALF_UP))
        consumed = 0
        for _ in range(days):
            consumed += self._consume(daily)
            s.clock += SECONDS_PER_DAY
        return tenths_to_kwh(consumed)

    def _consume(self, tenths: int) -> int:
        s = self.state
        if s.relay_open:
            return 0
        from_credit = min(tenths, s.credit_tenths)
        from_overdraft = min(
            tenths - from_credit, s.overdraft_limit_tenths - s.overdraft_used_tenths
        )
        s.credit_tenths -= from_credit
        s.overdraft_used_tenths += from_overdraft
        used = from_credit + from_overdraft
        s.cumulative_tenths += used
        month = self.now.strftime("%Y-%m")
        s.monthly_tenths[month] = s.monthly_tenths.get(month, 0) + used
        if used < tenths or (
            s.credit_tenths == 0 and s.overdraft_used_tenths >= s.overdraft_limit_tenths
        ):
            s.relay_open = True
            s.relay_open_count += 1
        return used

    def tamper(self, kind: TamperKind) -> None:
        self.state.tamper_count += 1
        self.state.tamper_events.insert(0, (int(kind), self.state.clock))
        del self.state.tamper_events[TAMPER_EVENTS_KEPT:]

    def overload(self) -> None:
        self.state.overload_count += 1

    def power_cut(self, hours: int = 1) -> None:
        """A supply outage of ``hours``: counted, and the clock moves on without load."""
        self.state.power_cut_count += 1
        self.state.last_power_cut = self.state.clock
        self.state.clock += hours * 3600

    def _add_credit(self, tenths: int) -> None:
        s = self.state
        repay = min(tenths, s.overdraft_used_tenths)  # the overdraft is paid back first
        s.overdraft_used_tenths -= repay
        s.credit_tenths += tenths - repay
        if s.relay_open and s.credit_tenths > 0:
            s.relay_open = False

    @property
    def warning_level(self) -> int:
        s = self.state
        if s.credit_tenths <= s.warning2_tenths:
            return 2
        return 1 if s.credit_tenths <= s.warning1_tenths else 0

    def return_record(self) -> ReturnRecord:
        s = self.state
        months = []
        cursor = self.now.replace(day=1)
        for _ in range(MONTHS_KEPT):
            months.append(tenths_to_kwh(s.monthly_tenths.get(cursor.strftime("%Y-%m"), 0)))
            cursor = (cursor - timedelta(days=1)).replace(day=1)
        return ReturnRecord(
            last_loaded_sequence=s.last_loaded_sequence,
            remaining_kwh=tenths_to_kwh(s.credit_tenths),
            cumulative_kwh=tenths_to_kwh(s.cumulative_tenths),
            monthly_kwh=tuple(months),
            relay_open=s.relay_open,
            relay_open_count=s.relay_open_count,
            power_cut_count=s.power_cut_count,
            last_power_cut=from_seconds(s.last_power_cut) if s.last_power_cut else None,
            tamper_count=s.tamper_count,
            tamper_events=tuple(
                TamperEvent(TamperKind(kind), from_seconds(at)) for kind, at in s.tamper_events
            ),
            overload_count=s.overload_count,
            warning_level=self.warning_level,
            overdraft_used_kwh=tenths_to_kwh(s.overdraft_used_tenths),
            meter_clock=self.now,
            firmware=FIRMWARE,
        )

    def load_card(self, card: SunCard, commit: Callable[[], None]) -> LoadOutcome:
        """A card contact, as the meter does it: verify the card is for this meter and not
        replaced, verify the credit record's MAC, load it if its sequence is new, call
        ``commit`` (save the meter's memory) BEFORE writing the return record, then write it.

        A card pulled out after ``commit`` keeps its credit loaded exactly once: the next
        contact sees the same sequence as already loaded and just refreshes the return data.
        Raises WrongMeterCardError, CardNotIssuedError, CardReplacedError, CardMacError.
        """
        s = self.state
        identity = card.require_meter(s.meter_number)
        if identity.issue_number < s.highest_issue:
            raise E.CardReplacedError(issue=identity.issue_number, current=s.highest_issue)
        s.highest_issue = identity.issue_number
        credit = card.read_credit()
        status, sequence, energy = "none", 0, Decimal("0.0")
        if identity.kind != CardKind.CUSTOMER:
            status = "not-for-credit"
        elif credit is not None:
            sequence, energy = credit.sequence, credit.energy_kwh
            if credit.sequence > s.last_loaded_sequence:
                self._add_credit(kwh_to_tenths(credit.energy_kwh))
                s.last_loaded_sequence = credit.sequence
                s.loads.append(
                    {"sequence": credit.sequence, "kwh": str(energy), "at": to_seconds(self.now)}
                )
                status = "loaded"
            elif credit.sequence == s.last_loaded_sequence:
                status = "already-loaded"
            else:
                status = "replayed"
        commit()
        returned = self.return_record()
        card.write_return(returned)
        return LoadOutcome(status, sequence, energy, returned)
