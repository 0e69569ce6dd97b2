"""The cashier's counter window, keyboard-first.

Type or scan the meter number -> the customer shows -> F1..F8 or an amount -> Enter vends.
The window lays out the panels and wires its parts together; each part is given the few
widgets it drives and says what happened with signals: the customer and the price on
screen (``sale_on_screen``), the vend (``vend_flow``), the voucher (``voucher_actions``),
the devices and the recovery of pending vends (``device_watch``), the customer's card
(``card_mode``) and the menus (``counter_menus``). While a vend is in flight the inputs are
disabled and Enter does nothing.

The window fits the screen it opens on: it opens maximised, every font is set once, long
texts wrap or give way, and the counter sits in a scroll area so that nothing it shows
(a device error, a long customer name) can ever widen the window past the screen. After
every dialog the cursor is back in the meter field, with whatever was typed there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.views import CounterRules, CustomerCard, Quote, VendOutcome
from starpos.operators.permissions import CANCEL_TOKEN
from starpos.operators.session import OperatorSession
from starpos.ui.cards.desk_dialog import DeskContext
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.pos.amount_panel import AmountPanel
from starpos.ui.pos.breakdown_panel import BreakdownPanel
from starpos.ui.pos.card_mode import CardMode
from starpos.ui.pos.card_panel import CardPanel
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.counter_menus import CounterMenus
from starpos.ui.pos.customer_panel import CustomerPanel
from starpos.ui.pos.device_watch import DeviceWatch
from starpos.ui.pos.flagged_hint import FlaggedReadingsHint
from starpos.ui.pos.pending_cards_notice import PendingCardsNotice
from starpos.ui.pos.sale_on_screen import SaleOnScreen
from starpos.ui.pos.token_panel import TokenPanel
from starpos.ui.pos.vend_flow import VendFlow
from starpos.ui.pos.voucher_actions import VoucherActions
from starpos.ui.services import AuthService, CardService, CounterService, ReportService
from starpos.ui.status_bar import CounterStatusBar
from starpos.ui.supervisor.shift_menu import ShiftMenu
from starpos.ui.threading.workers import JobFailure, Workers
from starpos.ui.tokenops.service import TokenOpsContext, TokenOpsService
from starpos.ui.tokenops.token_menu import TokenOpsMenu
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField

#: How long a note (a reprint done) stays in the status bar.
NOTE_MS = 8000
#: Pixels around and between the panels: in card mode the customer, the card and the token
#: share the left of a 768-pixel-high screen.
PAGE_MARGIN = 6
COLUMN_SPACING = 4


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
        reports: ReportService | None = None,
        tokenops: TokenOpsService | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("posWindow")
        self.counter, self.auth, self.rules, self.session = counter, auth, rules, session
        self.workers, self.funnel = workers, funnel
        context = CounterContext(counter, auth, rules, session, workers, funnel, cards, reports)
        self._lay_out(parse_meter_number)
        self.status = CounterStatusBar(session, rules.time_zone)
        self.setStatusBar(self.status)

        self.card_mode: CardMode | None = None
        self.sale = SaleOnScreen(
            context,
            self.meter_field,
            self.amount_panel,
            self.customer_panel,
            self.breakdown_panel,
            lambda: self.card_mode is not None and self.card_mode.active,
            self,
        )
        self.sale.customer_shown.connect(self.customer_shown)
        self.sale.quote_shown.connect(self.quote_shown)  # before a vend waiting on it starts
        self.meter_field.confirmed.connect(self.token_panel.meter_confirmed)
        self.vouchers = VoucherActions(context, self.token_panel, self)
        self.devices = DeviceWatch(context, self.status, lambda: self.vending, self)
        self.card_mode = (
            CardMode(
                context,
                cards,
                self.meter_field,
                self.amount_panel,
                self.card_panel,
                self.token_panel,
                lambda: self.vending,
                self,
            )
            if cards is not None
            else None
        )
        self.vend_flow = VendFlow(
            context,
            self.sale,
            self.meter_field,
            self.amount_panel,
            self.vend_button,
            self.busy_label,
            self.card_mode,
            self,
        )
        desk = (
            DeskContext(cards, workers, funnel, session, self.card_mode)
            if cards is not None
            else None
        )
        self.menus = CounterMenus(
            context,
            self,
            self.vouchers.reprint_last,
            desk,
            lambda: self.vending,
            after_dialog=self.focus_meter_field,
            reprint_bill=lambda bill: self.vouchers.print(bill, reprint=True),
        )
        self.shift_menu = ShiftMenu(context, self, after_dialog=self.focus_meter_field)
        self.token_menu = (
            TokenOpsMenu(
                TokenOpsContext(tokenops, workers, funnel, session, rules.payment_methods),
                self,
                current_meter=lambda: self.meter_field.edit.text(),
                after_dialog=self.focus_meter_field,
            )
            if tokenops is not None
            else None
        )
        if self.token_menu is not None and session.may(CANCEL_TOKEN):
            self.menus.cancel_sale = self.token_menu.open_cancel  # from this shift's vends
            self.token_menu.shift_needed = self.shift_menu.offer_open  # as a sale (SHF-14)
        self._wire()
        if cards is not None:
            self.pending_notice.follow(cards, workers.database, self._show_failure)
            self.flagged_hint.follow(cards, workers.database, session, rules.time_zone)
        self.resize(1024, 700)  # until it is shown maximised
        self.retranslate_ui()
        self.refresh_devices()
        self.meter_field.edit.setFocus()

    def _lay_out(self, parse_meter_number: object) -> None:
        self.meter_field = MeterNumberField(parse_meter_number)  # type: ignore[arg-type]
        self.customer_panel = CustomerPanel()
        self.card_panel = CardPanel()
        self.card_panel.hide()  # card mode only
        self.amount_panel = AmountPanel(self.rules, self)
        self.breakdown_panel = BreakdownPanel(self.rules.currency, self.rules.decimals)
        self.token_panel = TokenPanel(self.rules.currency, self.rules.decimals)
        self.vend_button = QPushButton()
        self.vend_button.setObjectName("vendButton")
        self.vend_button.setMinimumHeight(56)
        self.vend_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.vend_button.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.vend_button.setFont(font)
        self.meter_title = QLabel()
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_label.setWordWrap(True)

        # Two columns, each packed on its own (the window must fit 768 px high): the meter,
        # the customer and the token on the left; the amount, the breakdown and Vend on the
        # right.
        left = QVBoxLayout()
        left.addWidget(self.meter_title)
        left.addWidget(self.meter_field)
        left.addWidget(self.customer_panel, 1)
        left.addWidget(self.card_panel, 1)
        left.addWidget(self.token_panel)
        right = QVBoxLayout()
        right.addWidget(self.amount_panel)
        right.addWidget(self.breakdown_panel, 1)
        right.addWidget(self.vend_button)
        right.addWidget(self.busy_label)
        for column in (left, right):
            column.setSpacing(COLUMN_SPACING)
        grid = QHBoxLayout()
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        self.pending_notice = PendingCardsNotice()  # shown while card sales are in doubt
        self.flagged_hint = FlaggedReadingsHint()  # for operators who review meter data
        page = QVBoxLayout()
        page.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        page.addWidget(self.pending_notice)
        page.addWidget(self.flagged_hint)  # under the unfinished card sales
        page.addLayout(grid, 1)
        self.page = QWidget()
        self.page.setObjectName("counterPage")
        self.page.setLayout(page)
        # Whatever the counter shows, it scrolls rather than push the window off the screen.
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("counterScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.page)
        self.setCentralWidget(self.scroll_area)
        copy = QAction(self)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy.triggered.connect(self.token_panel.copy_token)
        self.addAction(copy)

    def _wire(self) -> None:
        """Who reacts to what: the order of the connections is the order of the reactions."""
        flow, vouchers, devices = self.vend_flow, self.vouchers, self.devices
        flow.vend_started.connect(self.vend_started)
        flow.vend_finished.connect(self._show_sale)  # the token first, then the listeners
        flow.vend_finished.connect(self.vend_finished)
        flow.vend_finished.connect(vouchers.print_sold)
        flow.vend_finished.connect(devices.refresh)
        flow.module_failed.connect(devices.recover_when_back)
        vouchers.printer_failed.connect(devices.printer_failed)
        vouchers.printed_note.connect(lambda note: self.status.showMessage(note, NOTE_MS))
        vouchers.voucher_printed.connect(self.voucher_printed)
        vouchers.voucher_failed.connect(self.voucher_failed)
        for done in (vouchers.voucher_printed, vouchers.voucher_failed):
            done.connect(devices.refresh)
        devices.vend_recovered.connect(self._show_recovered)
        devices.vend_recovered.connect(self.vend_recovered)
        devices.vend_recovered.connect(vouchers.print_sold)
        self.menus.log_out_chosen.connect(self.logged_out)
        self.vend_flow.shift_needed.connect(self.shift_menu.offer_open)
        self.flagged_hint.clicked.connect(self.menus.cards.open_flagged_readings)
        if self.card_mode is not None:
            self.card_mode.switched.connect(self.retranslate_ui)
            self.card_mode.card_read.connect(self.pending_notice.refresh)
            self.card_mode.card_read.connect(self.flagged_hint.refresh)
        self.vend_finished.connect(self.pending_notice.refresh)
        self.vend_finished.connect(self.menus.refresh_shift_vends)
        self.voucher_printed.connect(self.menus.refresh_shift_vends)

    def _show_sale(self, outcome: VendOutcome | None) -> None:
        if outcome is not None:
            self.token_panel.show_outcome(outcome)

    def _show_recovered(self, outcome: VendOutcome) -> None:
        self.token_panel.show_outcome(outcome, recovered=True)

    # -- the screen and the cursor --------------------------------------------------------
    def show_maximised(self) -> None:
        """Open over the whole screen (its size first: without a window manager, maximised
        means nothing)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def focus_meter_field(self) -> None:
        """The cursor back where a sale starts, keeping what was typed (in card mode the
        card gives the number: the amount, then)."""
        if not self.isVisible():
            return
        self.activateWindow()
        edit = self.meter_field.edit
        if edit.isReadOnly() and self.amount_panel.net_field.isEnabled():
            self.amount_panel.net_field.setFocus()
        else:
            edit.setFocus()

    def _show_failure(self, failure: JobFailure) -> None:
        self.funnel.show_failure(failure, self)

    # -- language -----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("pos", "StarPOS — counter"))
        in_card_mode = self.card_mode is not None and self.card_mode.active
        self.meter_title.setText(
            tr("pos", "Meter number (from the card)") if in_card_mode else tr("pos", "Meter number")
        )
        self.menus.retranslate_ui()
        self.shift_menu.retranslate_ui()
        if self.token_menu is not None:
            self.token_menu.retranslate_ui()
        self.vend_flow.show_busy()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- what the tests and the app ask of the counter ----------------------------------
    @property
    def card(self) -> CustomerCard | None:
        """The customer behind the number on screen."""
        return self.sale.card

    @property
    def quote(self) -> Quote | None:
        return self.sale.quote

    @property
    def vending(self) -> bool:
        return self.vend_flow.vending

    @property
    def warn_box(self) -> QMessageBox | None:
        return self.vend_flow.warn_box

    def start_vend(self) -> None:
        self.vend_flow.start()

    def refresh_devices(self) -> None:
        self.devices.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.devices.stop()
        if self.card_mode is not None:
            self.card_mode.stop()
        super().closeEvent(event)
