"""Token cancel (manual 4.5): the supervisor finds the sale by its token, its bill number or
the meter (whose token sales are listed, newest first, to choose from), checks it (meter,
customer, what it took, the cancel charge and the refund, or why it cannot be cancelled),
gives the reason and confirms. The core makes the zero-energy token on the module worker;
the cancel voucher prints on the printer worker. Every refusal (no permission, too old, a
later token to the meter, no reason) comes from the core's typed errors, shown in the
operator's language.
"""

from __future__ import annotations

import html
from decimal import Decimal

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.token_ops import SaleToCancel
from starpos.i18n import render_error
from starpos.shifts.errors import CancelWithoutShiftError
from starpos.tokenops import errors
from starpos.tokenops.token_cancel import CancelResult
from starpos.ui.money import format_kwh, group_token, number_text
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.tokenops.service import TokenOpsContext
from starpos.ui.translator import tr

RESULT_STYLE = "color: #1b5e20; font-weight: bold;"
WARNING_STYLE = "color: #8a5a00; font-weight: bold;"


def _money(value: Decimal) -> str:
    return number_text(value, max(0, -int(value.as_tuple().exponent)))


class TokenCancelDialog(QDialog):
    #: the cancel answered: its CancelResult, or None when refused
    cancelled = Signal(object)
    #: the cancel was refused for want of an open shift on the till (its message): the
    #: counter offers to open one, as it does for a sale (SHF-14)
    shift_needed = Signal(str)
    #: the cancel voucher was printed (its print count)
    printed = Signal(int)

    def __init__(self, ops: TokenOpsContext, bill: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tokenCancelDialog")
        self.ops = ops
        self.sale: SaleToCancel | None = None
        self.sales: list[SaleToCancel] = []  # what the search found
        self.outcome: CancelResult | None = None
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.search_field = QLineEdit(bill)
        self.search_field.setObjectName("cancelSearch")
        self.search_field.returnPressed.connect(self.find_sale)
        self.find_button = QPushButton()
        self.find_button.setObjectName("cancelFind")
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.find_sale)
        # A meter's token sales, to choose from (hidden when the search found one sale).
        self.choices = QListWidget()
        self.choices.setObjectName("cancelChoices")
        self.choices.setVisible(False)
        self.choices.setMaximumHeight(120)
        self.choices.currentRowChanged.connect(self._choose)
        self.choices.itemActivated.connect(self._chosen)
        self.sale_label = QLabel()
        self.sale_label.setObjectName("cancelSale")
        self.sale_label.setTextFormat(Qt.TextFormat.RichText)
        self.sale_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("cancelReason")
        self.reason_field.returnPressed.connect(self.confirm)
        self.result_label = QLabel()
        self.result_label.setObjectName("cancelResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.action_button = QPushButton()
        self.action_button.setObjectName("cancelAction")
        self.action_button.setAutoDefault(False)
        self.action_button.setEnabled(False)  # a sale must be found and seen first
        self.action_button.clicked.connect(self.confirm)
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a field acts on it, never closes the dialog
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.search_label, self.reason_label = QLabel(), QLabel()
        self.search_label.setBuddy(self.search_field)
        self.reason_label.setBuddy(self.reason_field)
        self.form.addRow(self.search_label, self.search_field)
        self.form.addRow("", self.find_button)
        self.form.addRow(self.choices)
        self.form.addRow(self.sale_label)
        self.form.addRow(self.reason_label, self.reason_field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()
        if bill.strip():
            self.find_sale()  # opened on a sale of the history

    # -- find the sale --------------------------------------------------------------------
    def find_sale(self) -> None:
        text = self.search_field.text().strip()
        if not text or self.busy:
            return
        self.sale = None
        self.sales = []
        self.outcome = None
        self.result_label.clear()
        self.choices.clear()
        self.choices.setVisible(False)
        self._show_sale()
        self.ops.workers.database.submit(
            self.ops.service.sales_to_cancel,
            text,
            on_done=self._found,
            on_failed=self._refused,
        )

    def _found(self, sales: list[SaleToCancel]) -> None:
        self.sales = sales
        self.choices.blockSignals(True)
        for sale in sales:
            self.choices.addItem(QListWidgetItem(self._choice_text(sale)))
        self.choices.blockSignals(False)
        self.choices.setVisible(len(sales) > 1)
        self.choices.setCurrentRow(0)  # the newest: the only one a cancel can void
        self._choose(0)
        (self.choices if len(sales) > 1 else self.reason_field).setFocus()

    def _choice_text(self, sale: SaleToCancel) -> str:
        text = (
            f"{sale.bill}  {sale.sold_at}  {_money(sale.amount)}  {format_kwh(sale.energy_kwh)} kWh"
        )
        if sale.refusal is not None:
            text += "  — " + tr("tokenui", "cannot be cancelled")
        return text

    def _chosen(self, _item: QListWidgetItem) -> None:
        self.reason_field.setFocus()  # Enter on a sale of the list: on to the reason

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.sales):
            self.sale = self.sales[row]
            self._show_sale()

    def _show_sale(self) -> None:
        sale = self.sale
        self.action_button.setEnabled(
            sale is not None and sale.refusal is None and self.outcome is None
        )
        if sale is None:
            self.sale_label.setText(
                tr("tokenui", "Type the token, the bill number or the meter and press Enter.")
            )
            return
        rows = (
            (tr("tokenui", "Sale"), f"{sale.bill} ({sale.sold_at})"),
            (tr("tokenui", "Meter"), sale.meter),
            (tr("tokenui", "Customer"), sale.customer),
            (
                tr("tokenui", "Token"),
                f"{group_token(sale.token)} ({format_kwh(sale.energy_kwh)} kWh)",
            ),
            (tr("tokenui", "Sale amount"), _money(sale.amount)),
            (tr("tokenui", "Token cancel charge"), _money(sale.charge)),
            (tr("tokenui", "Refund to the customer"), _money(sale.refund)),
        )
        cells = "".join(
            f"<tr><td>{html.escape(label)}:&nbsp;</td><td><b>{html.escape(value)}</b></td></tr>"
            for label, value in rows
        )
        why = ""
        if sale.refusal is not None:  # the cancel's own check, asked before confirming
            why = f"<p style='{WARNING_STYLE}'>{html.escape(render_error(sale.refusal))}</p>"
        self.sale_label.setText(f"<table>{cells}</table>{why}")

    # -- confirm and cancel ---------------------------------------------------------------
    def confirm(self) -> None:
        """Ask once more (the token is voided and money goes back), then cancel."""
        if self.sale is None or self.busy or self.outcome is not None:
            return
        if self.sale.refusal is not None:
            self.ops.funnel.show_failure(self.sale.refusal, self)
            return
        if not self.reason_field.text().strip():
            self.ops.funnel.show_failure(errors.CancelReasonMissingError(), self)
            return
        box = QMessageBox(self)
        box.setObjectName("cancelConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("tokenui", "Token cancel"))
        box.setText(
            tr(
                "tokenui",
                "Cancel the token of sale {bill} for meter {meter}? The customer gets "
                "{refund} back and must enter the zero-energy token on the meter.",
            ).format(bill=self.sale.bill, meter=self.sale.meter, refund=_money(self.sale.refund))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self.start)
        self.confirm_box = box
        box.open()

    def start(self) -> None:
        if self.sale is None or self.busy or self.outcome is not None:
            return
        self._set_busy(True)
        self.ops.workers.module.submit(
            self.ops.service.cancel,
            self.ops.session,
            self.sale.bill,
            self.reason_field.text().strip(),
            on_done=self._cancelled,
            on_failed=self._cancel_failed,
        )

    def _cancelled(self, result: CancelResult) -> None:
        self._set_busy(False)
        self.outcome = result
        self._show_sale()
        self._show_result()
        emit(self.cancelled, result)
        if result.state == "done":
            self.ops.workers.printer.submit(
                self.ops.service.print_cancel,
                self.ops.session,
                result.bill_number,
                on_done=self._printed,
                on_failed=self._print_failed,
            )

    # The voucher prints even when the dialog was closed (and deleted) meanwhile.
    def _printed(self, count: int) -> None:
        if shiboken6.isValid(self):
            emit(self.printed, count)

    def _print_failed(self, failure: JobFailure) -> None:
        self.ops.funnel.show_failure(failure, self if shiboken6.isValid(self) else None)

    def _show_result(self) -> None:
        result = self.outcome
        if result is None:
            return
        if result.state == "done":
            self.result_label.setStyleSheet(RESULT_STYLE)
            self.result_label.setText(
                tr(
                    "tokenui",
                    "Sale {sale} is cancelled (bill {bill}). Pay back {refund}. Zero-energy "
                    "token for the meter: {token}",
                ).format(
                    sale=result.sale_bill,
                    bill=result.bill_number,
                    refund=_money(result.refund),
                    token=group_token(result.token or ""),
                )
            )
        else:
            self.result_label.setStyleSheet(WARNING_STYLE)
            self.result_label.setText(
                tr(
                    "tokenui",
                    "The secure module refused the zero-energy token: the sale stands. {reason}",
                ).format(reason=result.failure_reason or "")
            )

    def _cancel_failed(self, failure: JobFailure) -> None:
        self._set_busy(False)
        emit(self.cancelled, None)
        self._refused(failure)

    def _refused(self, failure: JobFailure) -> None:
        if getattr(failure.error, "code", "") == CancelWithoutShiftError.code:
            emit(self.shift_needed, render_error(failure.error))
            return
        self.ops.funnel.show_failure(failure, self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.action_button.setEnabled(
            not busy
            and self.sale is not None
            and self.sale.refusal is None
            and self.outcome is None
        )
        self.find_button.setEnabled(not busy)
        self.choices.setEnabled(not busy)

    def done(self, result: int) -> None:
        if self.busy:
            return  # the module is making the zero token: its answer must be seen
        super().done(result)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("tokenui", "Token cancel"))
        self.search_label.setText(tr("tokenui", "&Token, bill or meter"))
        self.reason_label.setText(tr("tokenui", "&Reason"))
        self.find_button.setText(tr("tokenui", "&Find the sale"))
        self.action_button.setText(tr("tokenui", "&Cancel the token…"))
        for row, sale in enumerate(self.sales):
            item = self.choices.item(row)
            if item is not None:
                item.setText(self._choice_text(sale))
        self._show_sale()
        self._show_result()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter acts on the field it is typed in (find, then confirm); the dialog's own
        default-button handling would press the confirmation box's "No" just opened."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
