"""SUN cards at the counter: who is at the reader, what the card says, and the card vend.

A card's arrival and departure come from the card layer's presence monitor (its own
thread; a window turns them into signals). Reading and selling go through the card sales
core (:mod:`starpos.card_sales`): every read verifies the MACs, stores the meter's return
record as a reading event and settles the meter's sales left in doubt (docs/card-sales.md);
the vend is priced like a token vend and committed only after the credit reads back. All
PC/SC calls run on the card reader's own thread (:class:`CardReaderWorker`); calls here
block until it answers, so a window runs them off its GUI thread. Which reader, and the
utility's card master key, come from the composition root (:mod:`starpos.bootstrap.counter`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from starpos.card_sales import check_card, register, vend_to_card
from starpos.card_sales.errors import CreditNotLoadedError
from starpos.counter.operators import CounterAuth
from starpos.counter.views import (
    CardPresence,
    CardReading,
    CardTamper,
    DeviceState,
    PendingCardSale,
    Stoppable,
    VendOutcome,
)
from starpos.db import Database
from starpos.db.models import IssuedCard
from starpos.db.parameters import to_local
from starpos.devices.card.errors import CardServiceError
from starpos.devices.card.monitor import CardPresenceMonitor, PresenceEvent, PresenceKind
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.records import TamperKind
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.devices.card.worker import CardReaderWorker
from starpos.errors import VendError
from starpos.i18n import render_error, tr_noop
from starpos.operators.session import OperatorSession
from starpos.vending import VendRequest

TAMPER_NAMES = {
    TamperKind.COVER_OPEN: tr_noop("cardmode", "cover opened"),
    TamperKind.MAGNETIC_FIELD: tr_noop("cardmode", "magnetic field"),
    TamperKind.REVERSE_CURRENT: tr_noop("cardmode", "reverse current"),
}


T = TypeVar("T")


class SaleUnfinishedElsewhere(VendError):
    code = "counter.card_sale_unfinished"
    template = (
        "Sale {bill} to this meter is still unfinished on another card of the meter. Insert "
        "that card first so the sale can be completed or cancelled."
    )


class CounterCards:
    """Card presence, card reads and card vends at one counter."""

    def __init__(
        self,
        database: Database,
        auth: CounterAuth,
        reader: str,
        master_key: Callable[[], bytes],
    ) -> None:
        """``reader``: the counter's card reader ("": the first, and every one is watched);
        ``master_key()``: the utility's card master key, read when the reader is first used
        (a counter without one still starts, and says so at its first card)."""
        self.database = database
        self.auth = auth
        self.reader = reader
        self._master_key = master_key
        self._worker: CardReaderWorker | None = None

    def watch(self, on_change: Callable[[CardPresence], None]) -> Stoppable:
        """Call ``on_change`` (on the monitor's thread) for every card in or out of the
        counter's reader (every reader when none is set)."""
        only = self.reader

        def relay(event: PresenceEvent) -> None:
            if only and event.reader != only:
                return  # a reader of another counter or another purpose
            if event.kind in (PresenceKind.CARD_INSERTED, PresenceKind.CARD_REMOVED):
                on_change(CardPresence(event.kind == PresenceKind.CARD_INSERTED, event.reader))

        monitor = CardPresenceMonitor(relay)
        monitor.start()
        return monitor

    def reader_state(self) -> DeviceState:
        """The counter's card reader as the status bar shows it: the configured reader
        or, with none set, whether any reader is connected."""
        readers = PcscReaders()  # its own PC/SC context: no card master key needed to look
        try:
            present = readers.list_readers()
        except CardServiceError:
            return DeviceState(online=False, detail=tr_noop("status", "card service not running"))
        finally:
            readers.close()
        wanted = self.reader
        if wanted and wanted not in present:
            return DeviceState(
                online=False,
                detail=tr_noop("status", "{reader} not connected"),
                params={"reader": wanted},
            )
        if not present:
            return DeviceState(online=False, detail=tr_noop("status", "no reader connected"))
        return DeviceState(online=True)

    def read(self, reader: str, operator: OperatorSession) -> CardReading:
        """Read and verify the card in ``reader``: its meter, its data, whether it may be sold."""
        actor = operator.actor
        checked = self._reader().run(
            lambda card: check_card(self.database, card, actor), reader=reader
        )
        return card_reading(reader, checked)

    def vend(self, request: VendRequest, operator: OperatorSession, reader: str) -> VendOutcome:
        """Sell ``request`` onto the card in ``reader``; typed errors say what became of it."""
        core_request = request.sold_by(operator.actor)
        result = self._reader().run(
            lambda card: vend_to_card(self.database, card, core_request), reader=reader
        )
        return VendOutcome(
            bill_number=result.bill_number,
            meter_number=result.sale.meter_number,
            customer_name=result.sale.customer_name,
            token="",  # the credit is on the card
            energy_kwh=result.energy_kwh,
            net=result.sale.breakdown.net,
            paid=result.sale.tendered,
            change=result.sale.change,
            issued_at=datetime.now(),
            card_serial=result.serial,
        )

    def run(self, work: Callable[[SunCard], T], reader: str) -> T:
        """``work(card)`` on the card in ``reader``, on the card reader's own thread (the
        card desk's flows share it with card mode, so the reader sees one request at a time)."""
        return self._reader().run(work, reader=reader)

    def pending_sales(self) -> list[PendingCardSale]:
        """The card sales left in doubt, oldest first (a database read: no card needed)."""
        with self.database.reading() as session:
            sales = []
            for card_vend, vend in register.pending_card_vends(session):
                card = session.get_one(IssuedCard, card_vend.card_id)
                sales.append(
                    PendingCardSale(
                        bill_number=vend.bill_number,
                        meter_number=vend.meter.number,
                        customer_name=vend.customer.name,
                        energy_kwh=vend.token_kwh,  # what the credit record carries
                        started_at=to_local(session, vend.created_at),
                        card_serial=card.serial,
                    )
                )
            return sales

    def _reader(self) -> CardReaderWorker:
        if self._worker is None:
            self._worker = CardReaderWorker(self._master_key(), self.reader or None).open()
        return self._worker

    def close(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.close()


def card_reading(reader: str, checked: dict[str, Any]) -> CardReading:
    """The counter's view of :func:`starpos.card_sales.check_card`'s answer."""
    contents: CardContents = checked["contents"]
    problem = checked["problem"]
    values: dict[str, Any] = {
        "reader": reader,
        "serial": contents.serial,
        "meter_number": str(checked.get("meter") or ""),
        "issue_number": int(checked.get("issue_number") or 0),
        "sellable": bool(checked["sellable"]),
        "problem": problem["message"] if problem else "",
        "credit_pending": contents.credit_pending,
        "flagged": bool(checked.get("reading_flagged")),
        "sales_in_doubt": tuple(
            [s["bill_number"] for s in checked["settled"]] + list(checked["pending_sales"])
        ),
    }
    if contents.identity is not None and not values["meter_number"]:
        values["meter_number"] = contents.identity.meter_number
    credit = contents.credit
    if credit is not None and contents.credit_pending:
        values.update(pending_kwh=credit.energy_kwh, pending_bill=credit.vend_id)
        if not values["problem"]:  # the card sale would refuse it the same way
            values["problem"] = render_error(
                CreditNotLoadedError(energy=credit.energy_kwh, bill=credit.vend_id)
            )
    if checked["pending_sales"] and not values["problem"]:
        values["problem"] = render_error(SaleUnfinishedElsewhere(bill=checked["pending_sales"][0]))
    returned = contents.returned
    if returned is not None:
        values.update(
            has_meter_data=True,
            remaining_kwh=returned.remaining_kwh,
            cumulative_kwh=returned.cumulative_kwh,
            monthly_kwh=returned.monthly_kwh,
            meter_clock=returned.meter_clock.replace(tzinfo=None),
            relay_open=returned.relay_open,
            power_cut_count=returned.power_cut_count,
            tamper_count=returned.tamper_count,
            tampers=tuple(
                CardTamper(TAMPER_NAMES[event.kind], event.at.replace(tzinfo=None))
                for event in returned.tamper_events
            ),
            overload_count=returned.overload_count,
            warning_level=returned.warning_level,
            overdraft_used_kwh=returned.overdraft_used_kwh,
        )
    return CardReading(**values)
