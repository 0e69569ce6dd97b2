"""The card desk's records (issue, replace, blank, meter data) as a window or script sees
them: small, frozen, energy as Decimal kWh at 0.1 resolution, times as naive local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class CardOnDesk:
    """What the card in the reader holds, read and verified, without changing anything.

    ``register_state`` is the card register's word on this card: ``active``, ``replaced``,
    ``lost``, ``blanked``, or empty when the register does not know it (a blank card, or a
    card issued elsewhere). ``credit_pending``: credit ``pending_kwh`` of sale
    ``pending_bill`` is on the card and its meter has not loaded it yet.
    """

    reader: str
    serial: str
    blank: bool
    meter_number: str = ""
    issue_number: int = 0
    register_state: str = ""
    credit_pending: bool = False
    pending_kwh: Decimal | None = None
    pending_bill: str = ""


@dataclass(frozen=True)
class CardIssued:
    """A card issued to a meter, first or as a replacement (then what it replaced and the
    unloaded credit carried onto it, the same sale under the same sequence)."""

    serial: str
    meter_number: str
    issue_number: int
    replaced_serial: str = ""
    carried_kwh: Decimal | None = None
    carried_bill: str = ""
    settled_bills: tuple[str, ...] = ()


@dataclass(frozen=True)
class CardBlanked:
    """A card erased at the counter; ``discarded_kwh`` of sale ``discarded_bill`` is the
    unloaded credit the operator chose to discard (None when there was none)."""

    serial: str
    was_issued: bool
    meter_number: str = ""
    discarded_kwh: Decimal | None = None
    discarded_bill: str = ""


@dataclass(frozen=True)
class MeterReading:
    """One return record a card brought back from its meter, as stored (never changed).

    ``read_at`` is when the counter read the card (local time); ``meter_clock`` the meter's
    own clock when it wrote the record. ``new_tampers``/``new_overloads`` count the events
    since the meter's previous reading; ``flagged`` marks readings for the supervisor
    (new tampers, new overloads, or data older than a previous reading: ``rolled_back``).
    ``tamper_kinds`` are the kinds of the events on the card (``cover-open``,
    ``magnetic-field``, ``reverse-current``).
    """

    reading_id: int
    read_at: datetime
    meter_number: str
    card_serial: str
    meter_clock: datetime
    remaining_kwh: Decimal
    cumulative_kwh: Decimal
    tamper_count: int
    new_tampers: int
    tamper_kinds: tuple[str, ...]
    overload_count: int
    new_overloads: int
    power_cut_count: int
    warning_level: int  # 0 none, 1 low credit, 2 very low credit
    rolled_back: bool
    flagged: bool
    operator_code: str = ""
