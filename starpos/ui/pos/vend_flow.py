"""The vend at the counter: checked on the GUI thread, dispatched, answered.

``prepare`` answers on the GUI thread (meter number valid, customer known and not
blacklisted, amount and paid valid, the breakdown shown is for this amount, a card in card
mode can be sold to) before any worker is asked anything. The vend then goes to the module
worker (a token) or, in card mode, to the card worker (credit onto the card). While it is
in flight the inputs are read-only and a second Enter does nothing; its answer shows the
token (or the card that holds the credit) and prints the voucher, or goes to the error
funnel. Either way, a card inserted during the vend is followed once it has answered.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from starpos.counter.views import VendOutcome, VendRequest
from starpos.errors import DeviceError
from starpos.ui.counter_errors import CustomerBlacklisted, MeterNumberMissing
from starpos.ui.pos.warn_amount import ask_to_confirm
from starpos.ui.signals import emit
from starpos.ui.translator import tr
from starpos.ui.workers import JobFailure

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow


class VendFlow:
    def __init__(self, window: PosWindow) -> None:
        self.window = window
        self.vending = False
        #: Enter was pressed while a look-up or quote was still running: vend on its answer
        self.enter_waiting = False
        self.warn_box: QMessageBox | None = None
        self._confirmed: VendRequest | None = None

    def enter_pressed(self) -> None:
        window = self.window
        if window.meter_field.is_confirmed and not window.amount_panel.net_field.text().strip():
            window.amount_panel.net_field.setFocus()
            return
        self.start()

    def prepare(self) -> VendRequest | None:
        """The checks before dispatch; returns None when the vend must wait for a result."""
        window = self.window
        if not window.meter_field.is_confirmed:
            if window.meter_field.problem is not None:
                raise window.meter_field.problem
            raise MeterNumberMissing()
        if window.card_mode is not None and window.card_mode.active:
            window.card_mode.check_sellable()
        card = window.card
        if card is None:
            return None  # look-up still running
        if card.blacklisted:
            raise CustomerBlacklisted(name=card.name, reason=card.blacklist_reason)
        net = window.amount_panel.net()
        paid = window.amount_panel.paid(net)
        if window.quote is None or window.quote.net != net:
            return None  # quote still running
        return VendRequest(card.meter_number, net, window.amount_panel.payment_method(), paid)

    def start(self) -> None:
        if self.vending:
            return  # one vend at a time: a second Enter never starts a second vend
        window = self.window
        try:
            request = self.prepare()
        except Exception as error:  # typed refusals go to the funnel; bugs too
            self.enter_waiting = False
            window.funnel.show_failure(error, window)
            return
        if request is None:
            self.enter_waiting = True
            return
        if window.quote is not None and window.quote.warning:
            if self._confirmed != request:
                self._ask_to_confirm(request)
                return
            request = replace(request, confirmed=True)
        self.set_vending(True)
        emit(window.vend_started)
        mode = window.card_mode
        if mode is not None and mode.reader is not None:
            window.workers.card.submit(
                mode.cards.vend,
                request,
                window.session,
                mode.reader,
                on_done=self._vended,
                on_failed=self._vend_failed,
            )
            return
        window.workers.module.submit(
            window.counter.vend,
            request,
            window.session,
            on_done=self._vended,
            on_failed=self._vend_failed,
        )

    def _ask_to_confirm(self, request: VendRequest) -> None:
        window = self.window
        self.warn_box = ask_to_confirm(
            window,
            window.amount_panel.format(request.net),
            window.card.name if window.card else request.meter_number,
            lambda yes: self._confirmation_answered(request, yes),
        )

    def _confirmation_answered(self, request: VendRequest, yes: bool) -> None:
        if yes:
            self._confirmed = request
            self.start()
        else:
            self.window.amount_panel.net_field.setFocus()
            self.window.amount_panel.net_field.selectAll()

    def set_vending(self, vending: bool) -> None:
        self.vending = vending
        window = self.window
        window.meter_field.edit.setReadOnly(vending)
        window.amount_panel.set_enabled_for_vend(not vending)
        window.vend_button.setEnabled(not vending)
        if vending:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        elif QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()
        self.show_busy()

    def show_busy(self) -> None:
        window = self.window
        window.vend_button.setText(tr("pos", "Vend (Enter)"))
        text = tr("pos", "Vending… please wait for the token.") if self.vending else ""
        mode = window.card_mode
        if self.vending and mode is not None and mode.waiting is not None:
            text += "\n" + tr(
                "cardnotice", "A card was inserted: it is read once this sale is done."
            )
        window.busy_label.setText(text)

    def _vended(self, outcome: VendOutcome) -> None:
        self.set_vending(False)
        window = self.window
        window.last_outcome = outcome
        window.token_panel.show_outcome(outcome)
        emit(window.vend_finished, outcome)
        mode = window.card_mode
        if outcome.card_serial and mode is not None and mode.active:
            window.amount_panel.reset()
            mode.vend_ended(sold=True)
        else:
            self.next_customer()
        window.vouchers.print(outcome.bill_number, reprint=False)
        window.refresh_devices()
        if mode is not None:
            mode.vend_answered()

    def _vend_failed(self, failure: JobFailure) -> None:
        self.set_vending(False)
        window = self.window
        emit(window.vend_finished, None)
        window.funnel.show_failure(failure, window)
        mode = window.card_mode
        if mode is not None and mode.active:
            mode.vend_ended(sold=False)
        elif _module_may_hold_the_token(failure.error):
            window.devices.recover_when_back()
        window.refresh_devices()
        if mode is not None:
            mode.vend_answered()

    def next_customer(self) -> None:
        window = self.window
        window.meter_field.clear()
        window.amount_panel.reset()
        window.meter_field.edit.setFocus()


def _module_may_hold_the_token(error: BaseException) -> bool:
    """The vend failed on the way to or from the module, not on a refusal: it may be pending."""
    code = str(getattr(error, "code", ""))
    return isinstance(error, DeviceError) or code in ("vend.in_doubt", "vend.module_offline")
