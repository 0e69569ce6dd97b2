"""Card mode: the POS window follows the SUN card in the reader.

Cards going in and out come from a :class:`CardPresenceWatch` (the card layer's monitor,
brought to the GUI thread). A card arriving switches the window to card mode: the card is
read and verified on the card worker, its data shows in the card panel, and its meter
number fills the meter field (read-only), so the customer, the amount, the breakdown and
Enter work exactly as for a token. The vend then goes to the card instead of the module.
A card taken out while idle leaves card mode; taken out during a vend, the vend's own
error says what became of the sale (failed: give the money back; in doubt: insert the same
card again), and card mode ends when the vend has answered.

A card inserted while a vend is in flight never swaps the customer under it: it is
remembered (``waiting``) and followed once the vend has answered (``vend_answered``),
unless it was taken out meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from starpos.counter.views import CardReading, VendOutcome
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.ui.counter_errors import CardNotSellable, CardStillReading
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.card_panel import CardPanel
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.token_panel import TokenPanel
from starpos.ui.services import CardService
from starpos.ui.signals import emit
from starpos.ui.threading.card_presence import CardPresenceWatch
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField
from starpos.vending.sale import VendRequest


class CardMode(QObject):
    #: the window entered or left card mode (``active`` says which): its labels change
    switched = Signal()
    #: the card in the reader was read (CardReading), shown in the card panel
    card_read = Signal(object)
    #: the window left card mode (the card was taken out)
    left = Signal()
    #: a card was inserted, or taken out again, while a vend is in flight
    waiting_changed = Signal()

    def __init__(
        self,
        context: CounterContext,
        cards: CardService,
        meter_field: MeterNumberField,
        amount_panel: AmountPanel,
        card_panel: CardPanel,
        token_panel: TokenPanel,
        is_vending: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self.cards, self.parent_widget = context, cards, parent
        self.meter_field, self.amount_panel = meter_field, amount_panel
        self.card_panel, self.token_panel = card_panel, token_panel
        self._is_vending = is_vending
        self.reader: str | None = None  # the reader whose card the window follows
        self.reading: CardReading | None = None
        self.removed_during_vend = False
        self.paused = False  # a card desk dialog has the reader (issue, replace, blank)
        self.waiting: str | None = None  # the reader of a card inserted during a vend
        self._serial = 0
        self.presence = CardPresenceWatch(cards, self)
        self.presence.card_inserted.connect(self._card_inserted)
        self.presence.card_removed.connect(self._card_removed)
        self.presence.start()

    @property
    def active(self) -> bool:
        return self.reader is not None

    def stop(self) -> None:
        self.presence.stop()

    def pause(self) -> None:
        """Leave cards alone until :meth:`resume`: a card desk dialog works on the card in
        the reader (a blank card inserted to be issued is not a customer's card)."""
        self.paused, self.waiting = True, None
        if self.active and not self._is_vending():
            self.leave()

    def resume(self) -> None:
        """Follow cards again from the next insertion (the desk's card stays the desk's)."""
        self.paused = False

    def _card_inserted(self, reader: str) -> None:
        if not self.paused:
            self._inserted(reader)

    def _card_removed(self, reader: str) -> None:
        if self.paused:
            return
        if reader == self.waiting:
            self.waiting = None  # taken out again before the vend answered
            emit(self.waiting_changed)
        if reader == self.reader:
            self._removed()

    # -- in and out ---------------------------------------------------------------------
    def _inserted(self, reader: str) -> None:
        if self.active and reader != self.reader:
            return  # one card at a time: a card in another reader waits its turn
        if self._is_vending():
            self.waiting = reader  # never swap the customer under a vend in flight
            emit(self.waiting_changed)
            return
        self.waiting = None
        self.reader = reader
        self.removed_during_vend = False
        self.meter_field.clear()
        self.amount_panel.reset()
        self.meter_field.edit.setReadOnly(True)
        self.card_panel.show_reading_now()
        self.card_panel.show()
        self.token_panel.set_card_mode(True)
        emit(self.switched)
        self.read()

    def read(self) -> None:
        """(Re)read the card in the reader on the card worker and show what it says."""
        if self.reader is None:
            return
        self._serial += 1
        serial = self._serial
        self.context.workers.card.submit(
            self.cards.read,
            self.reader,
            self.context.session,
            on_done=lambda reading: self._read(serial, reading),
            on_failed=lambda failure: self._read_failed(serial, failure),
        )

    def _read(self, serial: int, reading: CardReading) -> None:
        if serial != self._serial or self.reader is None:
            return  # taken out (or another card) meanwhile
        self.reading = reading
        self.card_panel.show_reading(reading)
        if reading.meter_number and self.meter_field.digits != reading.meter_number:
            self.meter_field.edit.setText(reading.meter_number)
        emit(self.card_read, reading)
        self.amount_panel.net_field.setFocus()

    def _read_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._serial or self.reader is None:
            return
        error = failure.error
        if not isinstance(error, StarposError):
            self.context.funnel.show_failure(failure, self.parent_widget)
            return
        # A foreign or damaged card is a fact about the card, shown on its panel, not a box.
        reading = CardReading(reader=self.reader, serial="", problem=render_error(error))
        self.reading = reading
        self.card_panel.show_reading(reading)
        emit(self.card_read, reading)

    def _removed(self) -> None:
        if self._is_vending():
            self.removed_during_vend = True  # the vend's answer says what became of it
            return
        self.leave()

    def leave(self) -> None:
        self._serial += 1
        self.reader, self.reading = None, None
        self.card_panel.hide()
        self.card_panel.show_reading(None)
        self.token_panel.set_card_mode(False)
        self.meter_field.edit.setReadOnly(False)
        self.meter_field.clear()
        self.amount_panel.reset()
        emit(self.switched)
        self.meter_field.edit.setFocus()
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

    def sell(
        self,
        request: VendRequest,
        on_done: Callable[[VendOutcome], None],
        on_failed: Callable[[JobFailure], None],
    ) -> None:
        """Sell onto the card in the reader, on the card worker."""
        self.context.workers.card.submit(
            self.cards.vend,
            request,
            self.context.session,
            self.reader,
            on_done=on_done,
            on_failed=on_failed,
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
        if reader is not None and not self._is_vending():
            self._inserted(reader)
