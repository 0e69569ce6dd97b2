"""An in-memory card service for window tests (``starpos.ui.services.CardService``).

Cards go in and out of named readers from a background thread, as the card layer's
presence monitor reports them. A read answers what the test put on the card and, like the
card sales core, settles the sales left in doubt on that very card (they leave the list).
Tests that need the real reader, cards and store use tests/integration/ui/.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from starpos.counter.card_desk_views import MeterReading
from starpos.counter.views import (
    CardPresence,
    CardReading,
    DeviceState,
    PendingCardSale,
    VendOutcome,
)
from starpos.operators.session import OperatorSession
from starpos.ui.threading.workers import current_worker_name
from starpos.vending.sale import VendRequest
from tests.ui.fake_services import OTHER_METER

READER = "Fake Reader 00"
#: Two card serials the window tests put in the fake reader.
SERIAL_A = "SUN0000000000A17"
SERIAL_B = "SUN0000000000B42"


def pending_sale(
    number: int, meter: str, serial: str, name: str = "Thandi Mokoena"
) -> PendingCardSale:
    return PendingCardSale(
        bill_number=f"V2611SP01{number:05d}",
        meter_number=meter,
        customer_name=name,
        energy_kwh=Decimal("54.3") + number,
        started_at=datetime(2026, 11, 21, 16, 40 + number),
        card_serial=serial,
    )


class FakeCards:
    def __init__(self) -> None:
        self.cards: dict[str, CardReading] = {}  # reader -> the card in it
        self.pending: list[PendingCardSale] = []
        self.threads: dict[str, set[str]] = {}
        self.reads: list[str] = []  # serials read, in order
        self._on_change: Callable[[CardPresence], None] | None = None
        self.reader = DeviceState(online=True)  # what the status bar is told
        self.pending_error: Exception | None = None  # raised by pending_sales when set
        self.flagged: list[MeterReading] = []  # what flagged_readings answers

    def _on(self, what: str) -> None:
        where = current_worker_name() or threading.current_thread().name
        self.threads.setdefault(what, set()).add(where)

    # -- the person at the reader ----------------------------------------------------
    def insert(self, reading: CardReading) -> None:
        self.cards[reading.reader] = reading
        self._report(CardPresence(True, reading.reader))

    def remove(self, reader: str = READER) -> None:
        self.cards.pop(reader, None)
        self._report(CardPresence(False, reader))

    def _report(self, presence: CardPresence) -> None:
        on_change = self._on_change
        if on_change is not None:  # from another thread, as the monitor does
            thread = threading.Thread(target=on_change, args=(presence,), name="fake-monitor")
            thread.start()
            thread.join()

    # -- the service -----------------------------------------------------------------
    def watch(self, on_change: Callable[[CardPresence], None]) -> FakeCards:
        self._on_change = on_change
        return self

    def stop(self) -> None:
        self._on_change = None

    def read(self, reader: str, operator: OperatorSession) -> CardReading:
        self._on("read")
        reading = self.cards[reader]
        self.reads.append(reading.serial)
        settled = [sale for sale in self.pending if sale.card_serial == reading.serial]
        self.pending = [sale for sale in self.pending if sale not in settled]
        return reading

    def reader_state(self) -> DeviceState:
        self._on("reader_state")
        return self.reader

    def vend(self, request: VendRequest, operator: OperatorSession, reader: str) -> VendOutcome:
        self._on("vend")
        raise AssertionError("no card vend in these tests")

    def flagged_readings(self, operator: OperatorSession) -> list[MeterReading]:
        self._on("flagged_readings")
        return list(self.flagged)

    def pending_sales(self) -> list[PendingCardSale]:
        self._on("pending_sales")
        if self.pending_error is not None:
            raise self.pending_error
        return list(self.pending)

    def close(self) -> None:
        pass


def card(serial: str, meter: str = OTHER_METER) -> CardReading:
    return CardReading(reader=READER, serial=serial, meter_number=meter, sellable=True)


def flagged_reading(number: int, meter: str, days_ago: int) -> MeterReading:
    read_at = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=days_ago)
    return MeterReading(
        reading_id=number, read_at=read_at, meter_number=meter, card_serial=SERIAL_A,
        meter_clock=read_at, remaining_kwh=Decimal("12.5"), cumulative_kwh=Decimal("300.0"),
        tamper_count=1, new_tampers=1, tamper_kinds=("cover-open",), overload_count=0,
        new_overloads=0, power_cut_count=0, warning_level=0, rolled_back=False, flagged=True,
    )  # fmt: skip
