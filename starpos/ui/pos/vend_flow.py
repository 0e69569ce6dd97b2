"""The vend at the counter: checked on the GUI thread, dispatched, answered.

``prepare`` answers on the GUI thread (meter number valid, customer known and not
blacklisted, amount and paid valid, the breakdown shown is for this amount, a card in card
mode can be sold to) before any worker is asked anything. The vend then goes to the module
worker (a token) or, in card mode, to the card worker (credit onto the card). While it is
in flight the inputs are read-only and a second Enter does nothing. Its answer is
``vend_finished`` (the window shows the token, prints the voucher) and the inputs are
cleared for the next customer; a failure goes to the error funnel. Either way, a card
inserted during the vend is followed once it has answered.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from starpos.counter.counter import MODULE_TROUBLE
from starpos.counter.views import Quote, VendOutcome, VendRequest
from starpos.ui.counter_errors import CustomerBlacklisted, MeterNumberMissing
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.card_mode import CardMode
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.sale_on_screen import SaleOnScreen
from starpos.ui.pos.warn_amount import ask_to_confirm
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField


class VendFlow(QObject):
    #: a vend was dispatched (the inputs are read-only until it answers)
    vend_started = Signal()
    #: the vend answered: its VendOutcome, or None when it failed (the funnel says why)
    vend_finished = Signal(object)
    #: the vend failed on the way to or from the module, not on a refusal: the module may
    #: hold a token the ledger has not booked yet
    module_failed = Signal()

    def __init__(
        self,
        context: CounterContext,
        sale: SaleOnScreen,
        meter_field: MeterNumberField,
        amount_panel: AmountPanel,
        vend_button: QPushButton,
        busy_label: QLabel,
        card_mode: CardMode | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self.sale, self.card_mode = context, sale, card_mode
        self.meter_field, self.amount_panel = meter_field, amount_panel
        self.vend_button, self.busy_label = vend_button, busy_label
        self.parent_widget = parent
        self.vending = False
        #: Enter was pressed while a look-up or quote was still running: vend on its answer
        self.enter_waiting = False
        self.warn_box: QMessageBox | None = None
        self._confirmed: VendRequest | None = None
        vend_button.clicked.connect(self.start)
        meter_field.edit.returnPressed.connect(self.enter_pressed)
        amount_panel.enter_pressed.connect(self.enter_pressed)
        sale.answer_failed.connect(self._answer_failed)
        sale.quote_shown.connect(self._quote_shown)
        if card_mode is not None:
            card_mode.waiting_changed.connect(self.show_busy)

    def enter_pressed(self) -> None:
        net_field = self.amount_panel.net_field
        if self.meter_field.is_confirmed and not net_field.text().strip():
            net_field.setFocus()
            return
        self.start()

    def _answer_failed(self) -> None:
        self.enter_waiting = False

    def _quote_shown(self, quote: Quote | None) -> None:
        if quote is not None and self.enter_waiting:
            self.enter_waiting = False
            self.start()

    def prepare(self) -> VendRequest | None:
        """The checks before dispatch; returns None when the vend must wait for a result."""
        field, amounts = self.meter_field, self.amount_panel
        if not field.is_confirmed:
            if field.problem is not None:
                raise field.problem
            raise MeterNumberMissing()
        if self.card_mode is not None and self.card_mode.active:
            self.card_mode.check_sellable()
        card = self.sale.card
        if card is None:
            return None  # look-up still running
        if card.blacklisted:
            raise CustomerBlacklisted(name=card.name, reason=card.blacklist_reason)
        net = amounts.net()
        paid = amounts.paid(net)
        quote = self.sale.quote
        if quote is None or quote.net != net:
            return None  # quote still running
        return VendRequest(card.meter_number, net, amounts.payment_method(), paid)

    def start(self) -> None:
        if self.vending:
            return  # one vend at a time: a second Enter never starts a second vend
        try:
            request = self.prepare()
        except Exception as error:  # typed refusals go to the funnel; bugs too
            self.enter_waiting = False
            self.context.funnel.show_failure(error, self.parent_widget)
            return
        if request is None:
            self.enter_waiting = True
            return
        quote = self.sale.quote
        if quote is not None and quote.warning:
            if self._confirmed != request:
                self._ask_to_confirm(request)
                return
            request = replace(request, confirmed=True)
        self.set_vending(True)
        emit(self.vend_started)
        mode = self.card_mode
        if mode is not None and mode.reader is not None:
            mode.sell(request, on_done=self._vended, on_failed=self._vend_failed)
            return
        self.context.workers.module.submit(
            self.context.counter.vend,
            request,
            self.context.session,
            on_done=self._vended,
            on_failed=self._vend_failed,
        )

    def _ask_to_confirm(self, request: VendRequest) -> None:
        card = self.sale.card
        self.warn_box = ask_to_confirm(
            self.parent_widget,
            self.amount_panel.format(request.net),
            card.name if card else request.meter_number,
            lambda yes: self._confirmation_answered(request, yes),
        )

    def _confirmation_answered(self, request: VendRequest, yes: bool) -> None:
        if yes:
            self._confirmed = request
            self.start()
        else:
            self.amount_panel.net_field.setFocus()
            self.amount_panel.net_field.selectAll()

    def set_vending(self, vending: bool) -> None:
        self.vending = vending
        self.meter_field.edit.setReadOnly(vending)
        self.amount_panel.set_enabled_for_vend(not vending)
        self.vend_button.setEnabled(not vending)
        if vending:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self.show_busy()

    def show_busy(self) -> None:
        self.vend_button.setText(tr("pos", "Vend (Enter)"))
        text = tr("pos", "Vending… please wait for the token.") if self.vending else ""
        mode = self.card_mode
        if self.vending and mode is not None and mode.waiting is not None:
            text += "\n" + tr(
                "cardnotice", "A card was inserted: it is read once this sale is done."
            )
        self.busy_label.setText(text)

    def _vended(self, outcome: VendOutcome) -> None:
        self.set_vending(False)
        emit(self.vend_finished, outcome)
        mode = self.card_mode
        if outcome.card_serial and mode is not None and mode.active:
            self.amount_panel.reset()
            mode.vend_ended(sold=True)
        else:
            self.next_customer()
        if mode is not None:
            mode.vend_answered()

    def _vend_failed(self, failure: JobFailure) -> None:
        self.set_vending(False)
        emit(self.vend_finished, None)
        self.context.funnel.show_failure(failure, self.parent_widget)
        mode = self.card_mode
        if mode is not None and mode.active:
            mode.vend_ended(sold=False)
        elif isinstance(failure.error, MODULE_TROUBLE):
            emit(self.module_failed)
        if mode is not None:
            mode.vend_answered()

    def next_customer(self) -> None:
        self.meter_field.clear()
        self.amount_panel.reset()
        self.meter_field.edit.setFocus()
