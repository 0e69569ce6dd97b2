"""The cashier's counter window, keyboard-first.

Type or scan the meter number -> the customer shows -> F1..F8 or an amount -> Enter vends.
Each step is checked on the GUI thread first, then dispatched to a worker: look-ups and
quotes to the database worker (here), the vend to the module worker (``vend_flow``), the
voucher to the printer worker. Results that no longer match what is on screen (the cashier typed on)
are dropped, so the panel never shows another customer than the number in the field.
While a vend is in flight the inputs are disabled and Enter does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.views import (
    CounterRules,
    CustomerCard,
    OperatorSession,
    Quote,
    VendOutcome,
)
from starpos.errors import StarposError
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.breakdown_panel import BreakdownPanel
from starpos.ui.pos.card_mode import CardMode
from starpos.ui.pos.card_panel import CardPanel
from starpos.ui.pos.counter_menus import CounterMenus
from starpos.ui.pos.customer_panel import CustomerPanel
from starpos.ui.pos.device_watch import DeviceWatch
from starpos.ui.pos.flagged_hint import FlaggedReadingsHint
from starpos.ui.pos.meter_field import MeterNumberField
from starpos.ui.pos.pending_cards_notice import PendingCardsNotice
from starpos.ui.pos.token_panel import TokenPanel
from starpos.ui.pos.vend_flow import VendFlow
from starpos.ui.pos.voucher_actions import VoucherActions
from starpos.ui.services import AuthService, CardService, CounterService
from starpos.ui.signals import emit
from starpos.ui.status_bar import CounterStatusBar
from starpos.ui.translator import tr
from starpos.ui.workers import JobFailure, Workers

#: How long typing must pause before a look-up or quote is asked (a scanner is faster).
SETTLE_MS = 120


class PosWindow(QMainWindow):
    vend_started = Signal()
    vend_finished = Signal(object)  # VendOutcome or None when refused
    voucher_printed = Signal(object)  # PrintOutcome
    voucher_failed = Signal(str)  # bill number
    vend_recovered = Signal(object)  # VendOutcome of a sale finished after the module came back
    customer_shown = Signal(object)  # CustomerCard or None
    quote_shown = Signal(object)  # Quote or None
    logged_out = Signal()

    def __init__(
        self,
        counter: CounterService,
        auth: AuthService,
        rules: CounterRules,
        session: OperatorSession,
        workers: Workers,
        funnel: ErrorFunnel,
        parse_meter_number: object = None,
        cards: CardService | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("posWindow")
        self.counter, self.auth, self.rules, self.session = counter, auth, rules, session
        self.workers, self.funnel = workers, funnel
        self.card: CustomerCard | None = None
        self.quote: Quote | None = None
        self.last_outcome: VendOutcome | None = None
        self.vend_flow = VendFlow(self)
        self._lookup_serial = 0
        self._quote_serial = 0

        self.meter_field = MeterNumberField(parse_meter_number)  # type: ignore[arg-type]
        self.customer_panel = CustomerPanel()
        self.card_panel = CardPanel()
        self.card_panel.hide()  # card mode only
        self.amount_panel = AmountPanel(rules, self)
        self.breakdown_panel = BreakdownPanel(rules.currency, rules.decimals)
        self.token_panel = TokenPanel()
        self.vend_button = QPushButton()
        self.vend_button.setObjectName("vendButton")
        self.vend_button.setMinimumHeight(56)
        self.vend_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.vend_button.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.vend_button.setFont(font)
        self.vend_button.clicked.connect(self.start_vend)
        self.meter_title = QLabel()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QVBoxLayout()
        left.addWidget(self.meter_title)
        left.addWidget(self.meter_field)
        left.addWidget(self.customer_panel, 1)
        left.addWidget(self.card_panel, 1)
        right = QVBoxLayout()
        right.addWidget(self.amount_panel)
        right.addWidget(self.breakdown_panel, 1)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.token_panel, 1, 0)
        actions = QVBoxLayout()
        actions.addWidget(self.vend_button)
        actions.addWidget(self.busy_label)
        grid.addLayout(actions, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.pending_notice = PendingCardsNotice()  # shown while card sales are in doubt
        self.page = page = QVBoxLayout()
        page.addWidget(self.pending_notice)
        page.addLayout(grid, 1)
        central = QWidget()
        central.setLayout(page)
        self.setCentralWidget(central)
        self.status = CounterStatusBar(session, rules.time_zone)
        self.setStatusBar(self.status)
        self.menus = CounterMenus(self)
        self.vouchers = VoucherActions(self)
        copy = QAction(self)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy.triggered.connect(self.token_panel.copy_token)
        self.addAction(copy)

        self._lookup_timer = self._single_shot(self._look_up)
        self._quote_timer = self._single_shot(self._ask_quote)
        self.meter_field.confirmed.connect(self._meter_confirmed)
        self.meter_field.cleared.connect(self._meter_cleared)
        self.meter_field.edit.returnPressed.connect(self.vend_flow.enter_pressed)
        self.amount_panel.net_changed.connect(self._net_changed)
        self.amount_panel.enter_pressed.connect(self.vend_flow.enter_pressed)
        self.devices = DeviceWatch(self)
        self.card_mode = CardMode(self, cards) if cards is not None else None
        self.flagged_hint = FlaggedReadingsHint()  # for operators who review meter data
        self.page.insertWidget(1, self.flagged_hint)  # under the unfinished card sales
        if cards is not None:
            self.pending_notice.follow(self, cards)
            self.flagged_hint.follow(self, cards)
        self.resize(1024, 700)
        self.retranslate_ui()
        self.refresh_devices()
        self.meter_field.edit.setFocus()

    def _single_shot(self, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SETTLE_MS)
        timer.timeout.connect(slot)
        return timer

    # -- language -----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("pos", "StarPOS — counter"))
        in_card_mode = self.card_mode is not None and self.card_mode.active
        self.meter_title.setText(
            tr("pos", "Meter number (from the card)") if in_card_mode else tr("pos", "Meter number")
        )
        self.menus.retranslate_ui()
        self.vend_flow.show_busy()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- meter and customer -------------------------------------------------------------
    def _meter_confirmed(self, digits: str) -> None:
        last = self.last_outcome
        self.token_panel.mark_previous(last is not None and last.meter_number != digits)
        self.card = None
        self.customer_panel.show_looking_up()
        self._clear_quote()
        self._lookup_serial += 1
        self._lookup_timer.start()

    def _meter_cleared(self) -> None:
        self._lookup_serial += 1
        self._lookup_timer.stop()
        self.card = None
        self.customer_panel.show_card(None, self.rules.decimals, self.rules.currency)
        emit(self.customer_shown, None)
        self._clear_quote()

    def _look_up(self) -> None:
        serial, digits = self._lookup_serial, self.meter_field.digits
        self.workers.database.submit(
            self.counter.look_up,
            digits,
            on_done=lambda card: self._customer_found(serial, card),
            on_failed=lambda failure: self._lookup_failed(serial, failure),
        )

    def _customer_found(self, serial: int, card: CustomerCard) -> None:
        if serial != self._lookup_serial:
            return  # the cashier typed another number meanwhile
        self.card = card
        self.customer_panel.show_card(card, self.rules.decimals, self.rules.currency)
        emit(self.customer_shown, card)
        self._net_changed()

    def _lookup_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._lookup_serial:
            return
        self.vend_flow.enter_waiting = False
        self.customer_panel.show_card(None, self.rules.decimals, self.rules.currency)
        emit(self.customer_shown, None)
        self.funnel.show_failure(failure, self)

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
        self.workers.database.submit(
            self.counter.quote,
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
        if self.vend_flow.enter_waiting:
            self.vend_flow.enter_waiting = False
            self.vend_flow.start()

    def _quote_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._quote_serial:
            return
        self.vend_flow.enter_waiting = False
        self.breakdown_panel.show_quote(None)
        emit(self.quote_shown, None)
        self.funnel.show_failure(failure, self)

    # -- vend (starpos/ui/pos/vend_flow.py) --------------------------------------------
    @property
    def vending(self) -> bool:
        return self.vend_flow.vending

    @property
    def warn_box(self) -> QMessageBox | None:
        return self.vend_flow.warn_box

    def start_vend(self) -> None:
        self.vend_flow.start()

    # -- devices ------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        self.devices.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.devices.stop()
        if self.card_mode is not None:
            self.card_mode.stop()
        super().closeEvent(event)
