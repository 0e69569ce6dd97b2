"""Net amount, payment method, paid and change.

Default amounts come from the database as buttons bound to F1..F8 (STAR manual 1.9 and
the appendix); a manual amount is read as a Decimal with the configured decimals. Input is
checked here, on the GUI thread, before anything is priced or vended.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.views import CounterRules
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.ui.counter_errors import AmountMissing, PaidTooLittle
from starpos.ui.master_names import master_name
from starpos.ui.money import format_money, money_text, parse_amount
from starpos.ui.signals import emit
from starpos.ui.translator import tr

MAX_DEFAULT_BUTTONS = 8


class AmountPanel(QGroupBox):
    net_changed = Signal()  # the net amount changed (valid or not)
    amount_chosen = Signal()  # a default amount key (F1..F8) set the net amount
    enter_pressed = Signal()

    def __init__(self, rules: CounterRules, shortcut_parent: QWidget) -> None:
        super().__init__()
        self.setObjectName("amountPanel")
        self.rules = rules
        self._open = True  # the sale on screen takes an amount (a customer who may buy)
        self._vending = False
        self.buttons: list[QPushButton] = []
        grid = QGridLayout()
        for index, default in enumerate(rules.default_amounts[:MAX_DEFAULT_BUTTONS]):
            button = QPushButton()
            button.setObjectName(f"defaultAmount{index + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(44)
            key = QKeySequence(f"F{index + 1}")
            button.clicked.connect(lambda _=False, net=default.net: self.choose(net))
            shortcut = QShortcut(key, shortcut_parent)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(button.click)
            self.buttons.append(button)
            grid.addWidget(button, index // 4, index % 4)

        self.net_field = QLineEdit()
        self.net_field.setObjectName("netAmount")
        self.payment_box = QComboBox()
        self.payment_box.setObjectName("paymentMethod")
        for method in rules.payment_methods:
            self.payment_box.addItem(master_name(method.name), method.code)
        self.paid_field = QLineEdit()
        self.paid_field.setObjectName("paidAmount")
        self.change_value = QLabel()
        self.change_value.setObjectName("changeAmount")
        font = self.change_value.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 4)
        self.change_value.setFont(font)
        self.problem = QLabel()
        self.problem.setObjectName("amountProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        for field in (self.net_field, self.paid_field):
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            big = field.font()
            big.setPointSize(big.pointSize() + 4)
            field.setFont(big)
            field.returnPressed.connect(self.enter_pressed)
        self.net_field.textChanged.connect(self._net_edited)
        self.paid_field.textChanged.connect(self._update_change)

        form = QFormLayout()
        self.net_label, self.payment_label = QLabel(), QLabel()
        self.paid_label, self.change_label = QLabel(), QLabel()
        form.addRow(self.net_label, self.net_field)
        form.addRow(self.payment_label, self.payment_box)
        form.addRow(self.paid_label, self.paid_field)
        form.addRow(self.change_label, self.change_value)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.retranslate_ui()

    # -- reading ------------------------------------------------------------------------
    def net(self) -> Decimal:
        """The net amount, or a typed error saying what is wrong with it."""
        if not self.net_field.text().strip():
            raise AmountMissing()
        return parse_amount(self.net_field.text(), self.rules.decimals)

    def paid(self, net: Decimal) -> Decimal:
        """What the customer handed over; empty means exactly the net amount."""
        if not self.paid_field.text().strip():
            return net
        paid = parse_amount(self.paid_field.text(), self.rules.decimals)
        if paid < net:
            raise PaidTooLittle(paid=self._money(paid), net=self._money(net))
        return paid

    def payment_method(self) -> str:
        return str(self.payment_box.currentData())

    # -- writing ------------------------------------------------------------------------
    def choose(self, net: Decimal) -> None:
        if not self.net_field.isEnabled():
            return  # no customer who may buy on screen, or a vend in flight
        self.net_field.setText(format_money(net, self.rules.decimals))
        emit(self.amount_chosen)

    def reset(self) -> None:
        self.net_field.clear()
        self.paid_field.clear()
        self.payment_box.setCurrentIndex(0)
        self.problem.clear()

    def set_open(self, open_: bool) -> None:
        """Take an amount only while the number on screen may be sold to."""
        self._open = open_
        self._apply_enabled()

    def set_enabled_for_vend(self, enabled: bool) -> None:
        self._vending = not enabled
        self._apply_enabled()

    def _apply_enabled(self) -> None:
        enabled = self._open and not self._vending
        for widget in (self.net_field, self.paid_field, self.payment_box, *self.buttons):
            widget.setEnabled(enabled)

    def retranslate_ui(self) -> None:
        self.setTitle(tr("pos", "Amount"))
        for index, (button, default) in enumerate(
            zip(self.buttons, self.rules.default_amounts, strict=False)
        ):
            button.setText(f"F{index + 1}\n{self._money(default.net)}")
        self.net_label.setText(tr("pos", "Net amount"))
        self.net_field.setPlaceholderText(tr("pos", "F1-F8 or type an amount"))
        self.payment_label.setText(tr("pos", "Payment"))
        self.paid_label.setText(tr("pos", "Paid"))
        self.paid_field.setPlaceholderText(tr("pos", "same as the net amount"))
        self.change_label.setText(tr("pos", "Change"))
        for index, method in enumerate(self.rules.payment_methods):
            self.payment_box.setItemText(index, master_name(method.name))
        self._update_change()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def format(self, value: Decimal) -> str:
        """``value`` as the window shows money: currency and the configured decimals."""
        return self._money(value)

    def _money(self, value: Decimal) -> str:
        return money_text(value, self.rules.currency, self.rules.decimals)

    def _net_edited(self) -> None:
        self._update_change()
        emit(self.net_changed)

    def _update_change(self) -> None:
        self.problem.clear()
        self.change_value.clear()
        if not self.net_field.text().strip():
            return
        try:
            net = self.net()
            paid = self.paid(net)
        except StarposError as error:
            self.problem.setText(render_error(error))
            return
        self.change_value.setText(self._money(paid - net))
