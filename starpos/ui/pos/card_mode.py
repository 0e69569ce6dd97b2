"""Card mode: the POS window follows the SUN card in the reader.

The card layer's presence monitor reports cards from its own thread; events travel to the
GUI thread through a queue and an argument-less wake-up signal (as the workers' results
do). A card arriving switches the window to card mode: the card is read and verified on
the card worker, its data shows in the card panel, and its meter number fills the meter
field (read-only), so the customer, the amount, the breakdown and Enter work exactly as for
a token. The vend then goes to the card instead of the module. A card taken out while
idle leaves card mode; taken out during a vend, the vend's own error says what became of
the sale (failed: give the money back; in doubt: insert the same card again), and card
mode ends when the vend has answered.

A card inserted while a vend is in flight never swaps the customer under it: it is
remembered (``waiting``) and followed once the vend has answered (``vend_answered``),
unless it was taken out meanwhile.
"""

from __future__ import annotations

import queue
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from starpos.counter.views import CardPresence, CardReading
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.ui.counter_errors import CardNotSellable, CardStillReading
from starpos.ui.services import CardService
from starpos.ui.signals import emit
from starpos.ui.translator import tr
from starpos.ui.workers import JobFailure

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow


class CardMode(QObject):
    #: the card in the reader was read (CardReading), shown in the card panel
    card_read = Signal(object)
    #: the window left card mode (the card was taken out)
    left = Signal()
    _wake = Signal()

    def __init__(self, window: PosWindow, cards: CardService) -> None:
        super().__init__(window)
        self.window, self.cards = window, cards
        self.reader: str | None = None  # the reader whose card the window follows
        self.reading: CardReading | None = None
        self.removed_during_vend = False
        self.paused = False  # a card desk dialog has the reader (issue, replace, blank)
        self.waiting: str | None = None  # the reader of a card inserted during a vend
        self._serial = 0
        self._events: queue.SimpleQueue[CardPresence] = queue.SimpleQueue()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._watch = cards.watch(self._on_change)

    @property
    def active(self) -> bool:
        return self.reader is not None

    def stop(self) -> None:
        self._watch.stop()

    def pause(self) -> None:
        """Leave cards alone until :meth:`resume`: a card desk dialog works on the card in
        the reader (a blank card inserted to be issued is not a customer's card)."""
        self.paused, self.waiting = True, None
        if self.active and not self.window.vending:
            self.leave()

    def resume(self) -> None:
        """Follow cards again from the next insertion (the desk's card stays the desk's)."""
        self.paused = False

    def _on_change(self, presence: CardPresence) -> None:  # on the monitor's thread
        self._events.put(presence)
        emit(self._wake)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                presence = self._events.get_nowait()
            except queue.Empty:
                return
            if self.paused:
                continue
            if presence.inserted:
                self._inserted(presence.reader)
                continue
            if presence.reader == self.waiting:
                self.waiting = None  # taken out again before the vend answered
                self.window.vend_flow.show_busy()
            if presence.reader == self.reader:
                self._removed()

    # -- in and out ---------------------------------------------------------------------
    def _inserted(self, reader: str) -> None:
        if self.active and reader != self.reader:
            return  # one card at a time: a card in another reader waits its turn
        if self.window.vending:
            self.waiting = reader  # never swap the customer under a vend in flight
            self.window.vend_flow.show_busy()
            return
        self.waiting = None
        self.reader = reader
        self.removed_during_vend = False
        window = self.window
        window.meter_field.clear()
        window.amount_panel.reset()
        window.meter_field.edit.setReadOnly(True)
        window.card_panel.show_reading_now()
        window.card_panel.show()
        window.token_panel.set_card_mode(True)
        window.retranslate_ui()
        self.read()

    def read(self) -> None:
        """(Re)read the card in the reader on the card worker and show what it says."""
        if self.reader is None:
            return
        self._serial += 1
        serial, window = self._serial, self.window
        window.workers.card.submit(
            self.cards.read,
            self.reader,
            window.session,
            on_done=lambda reading: self._read(serial, reading),
            on_failed=lambda failure: self._read_failed(serial, failure),
        )

    def _read(self, serial: int, reading: CardReading) -> None:
        if serial != self._serial or self.reader is None:
            return  # taken out (or another card) meanwhile
        self.reading = reading
        window = self.window
        window.card_panel.show_reading(reading)
        if reading.meter_number and window.meter_field.digits != reading.meter_number:
            window.meter_field.edit.setText(reading.meter_number)
        emit(self.card_read, reading)
        window.amount_panel.net_field.setFocus()

    def _read_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._serial or self.reader is None:
            return
        error = failure.error
        if not isinstance(error, StarposError):
            self.window.funnel.show_failure(failure, self.window)
            return
        # A foreign or damaged card is a fact about the card, shown on its panel, not a box.
        reading = CardReading(reader=self.reader, serial="", problem=render_error(error))
        self.reading = reading
        self.window.card_panel.show_reading(reading)
        emit(self.card_read, reading)

    def _removed(self) -> None:
        if self.window.vending:
            self.removed_during_vend = True  # the vend's answer says what became of it
            return
        self.leave()

    def leave(self) -> None:
        self._serial += 1
        self.reader, self.reading = None, None
        window = self.window
        window.card_panel.hide()
        window.card_panel.show_reading(None)
        window.token_panel.set_card_mode(False)
        window.meter_field.edit.setReadOnly(False)
        window.meter_field.clear()
        window.amount_panel.reset()
        window.retranslate_ui()
        window.meter_field.edit.setFocus()
        emit(self.left)

    # -- the vend -----------------------------------------------------------------------
    def check_sellable(self) -> None:
        """Raise the counter's refusal when the card in the reader cannot be sold to."""
        reading = self.reading
        if reading is None:
            raise CardStillReading()
        if not reading.sellable:
            raise CardNotSellable(
                reason=reading.problem or tr("cardmode", "This card cannot be sold to.")
            )

    def vend_ended(self, sold: bool) -> None:
        """After a card vend answered: follow the card, or leave if it was taken out."""
        if self.removed_during_vend:
            self.leave()
        elif sold:
            self.read()  # show what is on the card now (the credit just written)

    def vend_answered(self) -> None:
        """A vend answered (token or credit shown, or its error): follow a card inserted
        while it was in flight, if it is still in its reader."""
        reader, self.waiting = self.waiting, None
        if reader is not None and not self.window.vending:
            self._inserted(reader)
