"""The vend at the counter: checked on the GUI thread, dispatched, answered.

The sale rule (docs/ui.md): a sale happens only on an Enter (or a click on Vend) given
while the customer on screen, the amount and the breakdown shown are the ones being sold.
Enter in the meter field moves to the amount; it never sells. An Enter given while the
customer or the breakdown is still on its way sells nothing and says to wait: no Enter is
kept for later, so nothing typed afterwards can be sold by an earlier key.

``prepare`` answers on the GUI thread (meter number valid, customer known and sellable,
amount and paid valid, the breakdown shown is for this amount, a card in card mode can be
sold to) before any worker is asked anything. The vend then goes to the module worker (a
token) or, in card mode, to the card worker (credit onto the card). While it is in flight
the inputs are read-only and a second Enter does nothing. Its answer is ``vend_finished``
(the window shows the token, prints the voucher) and the inputs are cleared for the next
customer; a failure is told by what happened to the sale (``sale_problems``). Either way,
a card inserted during the vend is followed once it has answered.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from starpos.counter.counter import MODULE_TROUBLE
from starpos.counter.views import VendOutcome
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.shifts.errors import NoOpenShiftError
from starpos.ui.counter_errors import MeterNumberMissing
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.card_mode import CardMode
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.sale_on_screen import SaleOnScreen
from starpos.ui.pos.sale_problems import sale_ended_in_doubt, sale_problem, sale_refused
from starpos.ui.pos.warn_amount import ask_to_confirm
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField
from starpos.vending.sale import VendRequest

BUSY_STYLE = ""
WAIT_STYLE = "color: #8a5a00; font-weight: bold;"


class VendFlow(QObject):
    #: a vend was dispatched (the inputs are read-only until it answers)
    vend_started = Signal()
    #: the vend answered: its VendOutcome, or None when it failed (the funnel says why)
    vend_finished = Signal(object)
    #: the vend failed on the way to or from the module, not on a refusal: the module may
    #: hold a token the ledger has not booked yet
    module_failed = Signal(object)  # the error
    #: a sale was refused for want of an open shift: the message (the Shift menu offers to
    #: open one)
    shift_needed = Signal(str)

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
        self.warn_box: QMessageBox | None = None
        self._confirmed: VendRequest | None = None
        #: an Enter came before the customer or the breakdown: the busy line says to wait
        self._waiting_hint = False
        #: the field Enter was pressed in: the cursor goes back there after a failure
        self._enter_field: QWidget | None = None
        vend_button.clicked.connect(self.start)
        meter_field.edit.returnPressed.connect(self.meter_enter_pressed)
        amount_panel.enter_pressed.connect(self.start)
        sale.sale_reset.connect(self._sale_reset)
        sale.readiness_changed.connect(self._readiness_changed)
        if card_mode is not None:
            card_mode.waiting_changed.connect(self.show_busy)
        self._readiness_changed()

    # -- Enter ----------------------------------------------------------------------------
    def meter_enter_pressed(self) -> None:
        """Enter in the meter field moves to the amount; it never sells."""
        field, sale = self.meter_field, self.sale
        if not field.is_confirmed:
            refusal: BaseException = field.problem or MeterNumberMissing()
            self._show_refusal(refusal, self.meter_field.edit)
        elif sale.refusal is not None:
            self._show_refusal(sale.refusal, self.meter_field.edit)
        else:
            self.amount_panel.net_field.setFocus()
            self.amount_panel.net_field.selectAll()

    def prepare(self) -> VendRequest | None:
        """The checks before dispatch: a refusal raised, or None while the customer or the
        breakdown on screen is not yet the one to sell (nothing is kept for later)."""
        field, amounts, sale = self.meter_field, self.amount_panel, self.sale
        if not field.is_confirmed:
            if field.problem is not None:
                raise field.problem
            raise MeterNumberMissing()
        if self.card_mode is not None and self.card_mode.active:
            self.card_mode.check_sellable()
        if sale.refusal is not None:
            raise sale.refusal
        card = sale.card
        if card is None:
            return None  # the customer is still being looked up
        net = amounts.net()
        paid = amounts.paid(net)
        quote = sale.quote
        if quote is None or quote.net != net:
            return None  # the breakdown of this amount is not on screen yet
        return VendRequest(
            meter=card.meter_number,
            net=net,
            operator_code=self.context.session.code,
            payment=amounts.payment_method(),
            tendered=paid,
        )

    def start(self) -> None:
        if self.vending:
            return  # one vend at a time: a second Enter never starts a second vend
        focus = QApplication.focusWidget()
        try:
            request = self.prepare()
        except Exception as error:  # typed refusals go to the funnel; bugs too
            self._show_refusal(error, focus)
            return
        if request is None:
            self._waiting_hint = True
            self.show_busy()
            return
        quote = self.sale.quote
        if quote is not None and quote.warning:
            if self._confirmed != request:
                self._ask_to_confirm(request)
                return
            request = replace(request, confirmed=True)
        amounts = self.amount_panel
        # Where "press Enter again" will be pressed after a failure: the field Enter came
        # from, or the amount (a click on Vend).
        self._enter_field = focus if focus in (amounts.net_field, amounts.paid_field) else None
        self._enter_field = self._enter_field or amounts.net_field
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

    def _show_refusal(self, error: BaseException, focus: QWidget | None) -> None:
        """A refusal before dispatch: said in a box; the cursor goes back where it was."""
        if focus is not None:
            focus.setFocus()
        if focus is self.meter_field.edit:
            self.meter_field.edit.selectAll()  # the next number typed replaces it
        self.context.funnel.show_failure(error, self.parent_widget)

    def _ask_to_confirm(self, request: VendRequest) -> None:
        card = self.sale.card
        self.warn_box = ask_to_confirm(
            self.parent_widget,
            self.amount_panel.format(request.net),
            card.name if card else request.meter,
            lambda yes: self._confirmation_answered(request, yes),
        )

    def _confirmation_answered(self, request: VendRequest, yes: bool) -> None:
        if yes and self._still_on_screen(request):
            self._confirmed = request
            self.start()
        else:
            self.amount_panel.net_field.setFocus()
            self.amount_panel.net_field.selectAll()

    def _still_on_screen(self, request: VendRequest) -> bool:
        try:
            now = self.prepare()
        except StarposError:
            return False
        return now is not None and replace(now, confirmed=False) == request

    # -- the sale on screen changed ---------------------------------------------------------
    def _sale_reset(self) -> None:
        self._confirmed = None  # a Yes to the warn amount was for that sale only
        self._waiting_hint = False
        self.show_busy()

    def _readiness_changed(self) -> None:
        ready = self.sale.ready
        if ready:
            self._waiting_hint = False
        self.vend_button.setEnabled(ready and not self.vending)
        self.show_busy()

    # -- in flight ------------------------------------------------------------------------
    def set_vending(self, vending: bool) -> None:
        self.vending = vending
        self.meter_field.edit.setReadOnly(vending or self._card_mode_active())
        self.amount_panel.set_enabled_for_vend(not vending)
        self.vend_button.setEnabled(not vending and self.sale.ready)
        if vending:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self.show_busy()

    def _card_mode_active(self) -> bool:
        return self.card_mode is not None and self.card_mode.active

    def show_busy(self) -> None:
        self.vend_button.setText(tr("pos", "Vend (Enter)"))
        style, text = BUSY_STYLE, ""
        if self.vending:
            text = tr("pos", "Vending… please wait for the token.")
            mode = self.card_mode
            if mode is not None and mode.waiting is not None:
                text += "\n" + tr(
                    "cardnotice", "A card was inserted: it is read once this sale is done."
                )
        elif self._waiting_hint:
            style = WAIT_STYLE
            text = tr(
                "pos",
                "Nothing was sold: the customer and the breakdown are not shown yet. "
                "Press Enter again once they are.",
            )
        self.busy_label.setStyleSheet(style)
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
        error = failure.error
        mode = self.card_mode
        if sale_ended_in_doubt(error):
            # The sale may be made: nothing on screen may be sold again by another Enter.
            if mode is not None and mode.active:
                self.amount_panel.reset()
            else:
                self.next_customer()
        elif sale_refused(error):
            self.amount_panel.reset()  # a refusal clears the amount, paid and change
            self.meter_field.edit.setFocus()
        elif self._enter_field is not None and self._enter_field.isEnabled():
            self._enter_field.setFocus()  # "press Enter again" works where it was pressed
        if getattr(error, "code", "") == NoOpenShiftError.code:
            emit(self.shift_needed, render_error(error))
        else:
            self.context.funnel.show_problem(sale_problem(failure), self.parent_widget)
        if mode is not None and mode.active:
            mode.vend_ended(sold=False)
        elif isinstance(error, MODULE_TROUBLE):
            emit(self.module_failed, error)
        if mode is not None:
            mode.vend_answered()

    def next_customer(self) -> None:
        self.meter_field.clear()
        self.amount_panel.reset()
        self.meter_field.edit.setFocus()
