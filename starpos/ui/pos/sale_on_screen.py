"""The customer and the price on screen always belong to the number and amount typed.

A confirmed meter number is looked up, and a valid amount priced, on the database worker
once typing pauses (a scanner is faster than that). Each question carries a serial number;
an answer for a number or amount no longer on screen is dropped, so the customer panel
never shows another customer than the number in the field, nor the breakdown another
amount.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from starpos.counter.views import CustomerCard, Quote
from starpos.errors import StarposError
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.breakdown_panel import BreakdownPanel
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.customer_panel import CustomerPanel
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.widgets.meter_field import MeterNumberField

#: How long typing must pause before a look-up or quote is asked (a scanner is faster).
SETTLE_MS = 120


class SaleOnScreen(QObject):
    #: the customer behind the number on screen (CustomerCard), or None
    customer_shown = Signal(object)
    #: the breakdown of the amount on screen (Quote), or None when pricing failed
    quote_shown = Signal(object)
    #: a look-up or a quote failed (shown through the error funnel)
    answer_failed = Signal()

    def __init__(
        self,
        context: CounterContext,
        meter_field: MeterNumberField,
        amount_panel: AmountPanel,
        customer_panel: CustomerPanel,
        breakdown_panel: BreakdownPanel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self.parent_widget = context, parent
        self.meter_field, self.amount_panel = meter_field, amount_panel
        self.customer_panel, self.breakdown_panel = customer_panel, breakdown_panel
        self.card: CustomerCard | None = None
        self.quote: Quote | None = None
        self._lookup_serial = 0
        self._quote_serial = 0
        self._lookup_timer = self._single_shot(self._look_up)
        self._quote_timer = self._single_shot(self._ask_quote)
        meter_field.confirmed.connect(self._meter_confirmed)
        meter_field.cleared.connect(self._meter_cleared)
        amount_panel.net_changed.connect(self._net_changed)

    def _single_shot(self, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SETTLE_MS)
        timer.timeout.connect(slot)
        return timer

    # -- meter and customer -------------------------------------------------------------
    def _meter_confirmed(self, _digits: str) -> None:
        self.card = None
        self.customer_panel.show_looking_up()
        self._clear_quote()
        self._lookup_serial += 1
        self._lookup_timer.start()

    def _meter_cleared(self) -> None:
        self._lookup_serial += 1
        self._lookup_timer.stop()
        self.card = None
        self._show_customer(None)
        self._clear_quote()

    def _look_up(self) -> None:
        serial, digits = self._lookup_serial, self.meter_field.digits
        self.context.workers.database.submit(
            self.context.counter.look_up,
            digits,
            on_done=lambda card: self._customer_found(serial, card),
            on_failed=lambda failure: self._lookup_failed(serial, failure),
        )

    def _customer_found(self, serial: int, card: CustomerCard) -> None:
        if serial != self._lookup_serial:
            return  # the cashier typed another number meanwhile
        self.card = card
        self._show_customer(card)
        self._net_changed()

    def _lookup_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._lookup_serial:
            return
        emit(self.answer_failed)
        self._show_customer(None)
        self.context.funnel.show_failure(failure, self.parent_widget)

    def _show_customer(self, card: CustomerCard | None) -> None:
        rules = self.context.rules
        self.customer_panel.show_card(card, rules.decimals, rules.currency)
        emit(self.customer_shown, card)

    # -- amount and quote ---------------------------------------------------------------
    def _clear_quote(self) -> None:
        self._quote_serial += 1
        self._quote_timer.stop()
        self.quote = None
        self.breakdown_panel.show_quote(None)

    def _net_changed(self) -> None:
        self._clear_quote()
        if self.card is None or self.card.blacklisted:
            return
        try:
            self.amount_panel.net()
        except StarposError:
            return
        self.breakdown_panel.show_pending()
        self._quote_timer.start()

    def _ask_quote(self) -> None:
        if self.card is None:
            return
        try:
            net = self.amount_panel.net()
        except StarposError:
            return
        serial = self._quote_serial
        self.context.workers.database.submit(
            self.context.counter.quote,
            self.card.meter_number,
            net,
            on_done=lambda quote: self._quoted(serial, quote),
            on_failed=lambda failure: self._quote_failed(serial, failure),
        )

    def _quoted(self, serial: int, quote: Quote) -> None:
        if serial != self._quote_serial:
            return
        self.quote = quote
        self.breakdown_panel.show_quote(quote)
        emit(self.quote_shown, quote)

    def _quote_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._quote_serial:
            return
        emit(self.answer_failed)
        self.breakdown_panel.show_quote(None)
        emit(self.quote_shown, None)
        self.context.funnel.show_failure(failure, self.parent_widget)
