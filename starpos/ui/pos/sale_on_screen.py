"""The sale on screen: the customer, the amount and the breakdown always belong together.

A confirmed meter number is looked up, and a valid amount priced, on the database worker
(the look-up once typing pauses: a scanner is faster than that). Each question carries a
serial number; an answer for a number or amount no longer on screen is dropped, so the
customer panel never shows another customer than the number in the field, nor the
breakdown another amount.

This is also where the sale rule starts (docs/ui.md, "The sale rule"): a new or cleared
meter number, a failed look-up or a refusal clears the amount, paid and change, and says
so with ``sale_reset``; the amount can only be typed while the number on screen may be
sold to. Why a meter cannot be sold to (unknown, post-paid, a card meter without its card,
blacklisted ...) is said at look-up, under the meter number, before any amount is chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from starpos.counter.views import CustomerCard, Quote
from starpos.errors import StarposError, user_facing_types
from starpos.ui.counter_errors import CardMeterNeedsCard, CustomerBlacklisted, LookUpFailed
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.breakdown_panel import BreakdownPanel
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.customer_panel import CustomerPanel
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.widgets.meter_field import MeterNumberField

#: How long typing must pause before a look-up or a typed amount is priced.
SETTLE_MS = 120


class SaleOnScreen(QObject):
    #: the customer behind the number on screen (CustomerCard), or None
    customer_shown = Signal(object)
    #: the breakdown of the amount on screen (Quote), or None when pricing failed
    quote_shown = Signal(object)
    #: a look-up or a quote failed
    answer_failed = Signal()
    #: the sale on screen was cleared (another number, no number, a refusal): any Enter
    #: given for it is void
    sale_reset = Signal()
    #: the sale on screen became ready to vend, or stopped being ready (``ready`` says)
    readiness_changed = Signal()

    def __init__(
        self,
        context: CounterContext,
        meter_field: MeterNumberField,
        amount_panel: AmountPanel,
        customer_panel: CustomerPanel,
        breakdown_panel: BreakdownPanel,
        in_card_mode: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self.parent_widget = context, parent
        self.meter_field, self.amount_panel = meter_field, amount_panel
        self.customer_panel, self.breakdown_panel = customer_panel, breakdown_panel
        self._in_card_mode = in_card_mode
        self.card: CustomerCard | None = None
        self.quote: Quote | None = None
        #: why no credit can be sold to the number on screen (a typed error), or None
        self.refusal: BaseException | None = None
        self._digits = ""  # the confirmed number the customer panel is for
        self._lookup_serial = 0
        self._quote_serial = 0
        self._lookup_timer = self._single_shot(self._look_up)
        self._quote_timer = self._single_shot(self._ask_quote)
        meter_field.confirmed.connect(self._meter_confirmed)
        meter_field.cleared.connect(self._meter_cleared)
        amount_panel.net_changed.connect(self._net_changed)
        amount_panel.amount_chosen.connect(self._ask_quote_now)
        amount_panel.set_open(False)  # the meter number comes first

    def _single_shot(self, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SETTLE_MS)
        timer.timeout.connect(slot)
        return timer

    @property
    def ready(self) -> bool:
        """The customer, the amount and its breakdown on screen are one sale that may be sold."""
        if self.card is None or self.refusal is not None or self.quote is None:
            return False
        try:
            return self.amount_panel.net() == self.quote.net
        except StarposError:
            return False

    # -- meter and customer -------------------------------------------------------------
    def _meter_confirmed(self, digits: str) -> None:
        if digits == self._digits:
            return  # the same number (a space or dash typed): the sale on screen stands
        self._reset_sale()
        self._digits = digits
        self.customer_panel.show_looking_up()
        self.amount_panel.set_open(True)
        self._lookup_serial += 1
        self._lookup_timer.start()

    def _meter_cleared(self) -> None:
        self._reset_sale()
        self._show_customer(None)

    def _reset_sale(self) -> None:
        """Nothing of the sale on screen carries over: customer, refusal, amount, breakdown."""
        self._digits = ""
        self._lookup_serial += 1
        self._lookup_timer.stop()
        self.card, self.refusal = None, None
        self.meter_field.show_refusal(None)
        self._clear_quote()
        self.amount_panel.reset()
        self.amount_panel.set_open(False)
        emit(self.sale_reset)
        emit(self.readiness_changed)

    def refuse(self, refusal: BaseException) -> None:
        """No credit can be sold to the number on screen: say why under it, and clear the
        amount (nothing typed for it may be sold to anyone)."""
        self.refusal = refusal
        self.meter_field.show_refusal(refusal)
        if self.card is not None:
            self.customer_panel.show_refused()
        self._clear_quote()
        self.amount_panel.reset()
        self.amount_panel.set_open(False)
        emit(self.sale_reset)
        emit(self.readiness_changed)

    def _look_up(self) -> None:
        serial, digits = self._lookup_serial, self._digits
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
        refusal = self._refusal_of(card)
        if refusal is not None:
            self.refuse(refusal)
            return
        self._net_changed()

    def _refusal_of(self, card: CustomerCard) -> BaseException | None:
        if card.blacklisted:
            return CustomerBlacklisted(name=card.name, reason=card.blacklist_reason)
        if card.refusal is not None:
            return card.refusal
        if card.card_meter and not self._in_card_mode():
            return CardMeterNeedsCard(number=card.meter_number)
        return None

    def _lookup_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._lookup_serial:
            return
        emit(self.answer_failed)
        self._show_customer(None)
        if isinstance(failure.error, user_facing_types()):
            self.refuse(failure.error)  # unknown, not installed ...: said under the number
            return
        self.refuse(LookUpFailed())
        self.context.funnel.show_failure(failure, self.parent_widget)  # a bug: its report

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

    def _priceable(self) -> bool:
        if self.card is None or self.refusal is not None:
            return False
        try:
            self.amount_panel.net()
        except StarposError:
            return False
        return True

    def _net_changed(self) -> None:
        self._clear_quote()
        emit(self.readiness_changed)
        if self._priceable():
            self.breakdown_panel.show_pending()
            self._quote_timer.start()

    def _ask_quote_now(self) -> None:
        """A default amount was chosen: one keystroke, nothing to wait for."""
        if self._quote_timer.isActive():
            self._quote_timer.stop()
            self._ask_quote()

    def _ask_quote(self) -> None:
        if not self._priceable() or self.card is None:
            return
        net = self.amount_panel.net()
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
        emit(self.readiness_changed)

    def _quote_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._quote_serial:
            return
        emit(self.answer_failed)
        self.breakdown_panel.show_quote(None)
        emit(self.quote_shown, None)
        emit(self.readiness_changed)
        self.context.funnel.show_failure(failure, self.parent_widget)
