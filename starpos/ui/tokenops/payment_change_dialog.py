"""Payment change (manual 4.7): the operator finds the meter (the counter's meter field fills
it), sees its customer and pay type and what an earlier change left due, types the amount
the new pay type involves (the receivable postpaid debt for a change to prepaid, the remain
prepaid credit for a change to postpaid; the customer type's prearrange amount comes by
itself) and confirms. The change is one write on the database worker; its bill then prints
on the printer worker, and again (marked REPRINT) from "Print the bill again". Refusals are
the core's typed errors in the operator's language.
"""

from __future__ import annotations

import html
from dataclasses import replace
from decimal import Decimal, InvalidOperation

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import PaymentMode
from starpos.i18n import tr_noop
from starpos.tokenops import errors
from starpos.tokenops.payment_change import MeterPayment, PaymentChangeAsked, PaymentChangeResult
from starpos.ui.money import number_text
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.tokenops.cancel_dialog import RESULT_STYLE
from starpos.ui.tokenops.service import TokenOpsContext
from starpos.ui.translator import tr

MODES = {
    PaymentMode.PREPAID: tr_noop("tokenui", "prepaid"),
    PaymentMode.POSTPAID: tr_noop("tokenui", "postpaid"),
}


def _other(mode: PaymentMode) -> PaymentMode:
    return PaymentMode.POSTPAID if mode == PaymentMode.PREPAID else PaymentMode.PREPAID


class PaymentChangeDialog(QDialog):
    #: the change answered: its PaymentChangeResult, or None when refused
    changed = Signal(object)
    #: the change's bill was printed (its print count: 2 and more are reprints)
    printed = Signal(int)

    def __init__(self, ops: TokenOpsContext, meter: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paymentChangeDialog")
        self.ops = ops
        self.busy = False
        self.found: MeterPayment | None = None
        self.outcome: PaymentChangeResult | None = None
        self.confirm_box: QMessageBox | None = None
        self.meter_field = QLineEdit(meter)
        self.meter_field.setObjectName("paymentMeter")
        self.meter_field.returnPressed.connect(self.find_meter)
        self.find_button = QPushButton()
        self.find_button.setObjectName("paymentFind")
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.find_meter)
        self.meter_label = QLabel()
        self.meter_label.setObjectName("paymentMeterShown")
        self.meter_label.setTextFormat(Qt.TextFormat.RichText)
        self.amount_field = QLineEdit("0")
        self.amount_field.setObjectName("paymentAmount")
        self.amount_field.returnPressed.connect(self.confirm)
        self.remark_field = QLineEdit()
        self.remark_field.setObjectName("paymentRemark")
        self.remark_field.returnPressed.connect(self.confirm)
        self.result_label = QLabel()
        self.result_label.setObjectName("paymentResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.action_button.setObjectName("paymentAction")
        self.action_button.setAutoDefault(False)
        self.action_button.setEnabled(False)  # the meter must be found and seen first
        self.action_button.clicked.connect(self.confirm)
        self.print_button = QPushButton()
        self.print_button.setObjectName("paymentPrint")
        self.print_button.setAutoDefault(False)
        self.print_button.setEnabled(False)  # once there is a bill
        self.print_button.clicked.connect(self.print_bill)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.meter_caption, self.amount_caption, self.remark_caption = QLabel(), QLabel(), QLabel()
        self.meter_caption.setBuddy(self.meter_field)
        self.amount_caption.setBuddy(self.amount_field)
        self.remark_caption.setBuddy(self.remark_field)
        form = QFormLayout()
        form.addRow(self.meter_caption, self.meter_field)
        form.addRow("", self.find_button)
        form.addRow(self.meter_label)
        form.addRow(self.amount_caption, self.amount_field)
        form.addRow(self.remark_caption, self.remark_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()
        if meter.strip():
            self.find_meter()  # opened on the counter's meter

    # -- find the meter -------------------------------------------------------------------
    def find_meter(self) -> None:
        text = self.meter_field.text().strip()
        if not text or self.busy:
            return
        self.found, self.outcome = None, None
        self.result_label.clear()
        self._show()
        self.ops.workers.database.submit(
            self.ops.service.meter_payment, text, on_done=self._found, on_failed=self._refused
        )

    def _found(self, found: MeterPayment) -> None:
        self.found = found
        self._show()
        self.amount_field.setFocus()
        self.amount_field.selectAll()

    def _money(self, value: Decimal) -> str:
        decimals = self.found.decimals if self.found is not None else 2
        return number_text(value, decimals)

    def _show(self) -> None:
        found = self.found
        self.action_button.setEnabled(found is not None and self.outcome is None and not self.busy)
        self.amount_field.setEnabled(found is not None and self.outcome is None)
        if found is None:
            self.meter_label.setText(tr("tokenui", "Type the meter number and press Enter."))
            self.amount_caption.setText(tr("tokenui", "&Amount"))
            return
        to = _other(found.mode)
        rows = [
            (tr("tokenui", "Meter"), found.meter),
            (tr("tokenui", "Customer"), found.customer),
            (tr("tokenui", "Pay type now"), tr("tokenui", MODES[found.mode])),
        ]
        if self.outcome is None:
            rows.append((tr("tokenui", "Change to"), tr("tokenui", MODES[to])))
        if to == PaymentMode.PREPAID and self.outcome is None:
            rows.append((tr("tokenui", "Prearrange amount"), self._money(found.prearrange_amount)))
        if found.receivable_due:
            rows.append((tr("tokenui", "Receivable still due"), self._money(found.receivable_due)))
        if found.remain_due:
            rows.append((tr("tokenui", "Remain still due"), self._money(found.remain_due)))
        cells = "".join(
            f"<tr><td>{html.escape(label)}:&nbsp;</td><td><b>{html.escape(value)}</b></td></tr>"
            for label, value in rows
        )
        note = tr("tokenui", "The amounts are settled on the meter's next purchase.")
        self.meter_label.setText(f"<table>{cells}</table><p>{html.escape(note)}</p>")
        if self.outcome is None:
            self.amount_caption.setText(
                tr("tokenui", "&Receivable amount (postpaid debt)")
                if to == PaymentMode.PREPAID
                else tr("tokenui", "&Remain amount (prepaid credit left)")
            )

    # -- confirm and change ---------------------------------------------------------------
    def asked(self) -> PaymentChangeAsked:
        assert self.found is not None
        text = self.amount_field.text().strip().replace(",", ".") or "0"
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise errors.PaymentAmountError(amount=text, decimals=self.found.decimals) from None
        to = _other(self.found.mode)
        prepaid = to == PaymentMode.PREPAID
        return PaymentChangeAsked(
            self.found.meter,
            to,
            receivable=amount if prepaid else Decimal(0),
            remain=Decimal(0) if prepaid else amount,
            remark=self.remark_field.text().strip(),
        )

    def confirm(self) -> None:
        if self.found is None or self.busy or self.outcome is not None:
            return
        try:
            asked = self.asked()
        except errors.TokenOperationError as error:
            self.ops.funnel.show_failure(error, self)
            return
        box = QMessageBox(self)
        box.setObjectName("paymentConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("tokenui", "Payment change"))
        box.setText(
            tr("tokenui", "Change meter {meter} from {before} to {after}?").format(
                meter=self.found.meter,
                before=tr("tokenui", MODES[self.found.mode]),
                after=tr("tokenui", MODES[asked.to_mode]),
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.start(asked))
        self.confirm_box = box
        box.open()

    def start(self, asked: PaymentChangeAsked) -> None:
        if self.busy or self.outcome is not None:
            return
        self._set_busy(True)
        self.ops.workers.database.submit(
            self.ops.service.change_payment,
            self.ops.session,
            asked,
            on_done=self._changed,
            on_failed=self._failed,
        )

    def _changed(self, result: PaymentChangeResult) -> None:
        # What the meter is now: its new pay type, and what waits for its next purchase.
        if self.found is not None:
            self.found = replace(
                self.found,
                mode=PaymentMode(result.to_mode),
                receivable_due=result.receivable,
                remain_due=result.remain,
            )
        self.outcome = result
        self._set_busy(False)
        self._show()
        self._show_result()
        emit(self.changed, result)
        self.print_bill()

    def print_bill(self) -> None:
        """The change's bill on the counter's printer (a failure is shown, the change stands)."""
        if self.outcome is None:
            return
        self.print_button.setEnabled(False)  # one print at a time
        self.ops.workers.printer.submit(
            self.ops.service.print_payment_change,
            self.ops.session,
            self.outcome.bill_number,
            on_done=self._printed,
            on_failed=self._print_failed,
        )

    def _printed(self, count: int) -> None:
        # The bill prints even when the dialog was closed meanwhile: nothing left to update.
        if shiboken6.isValid(self):
            self.print_button.setEnabled(True)
            emit(self.printed, count)

    def _print_failed(self, failure: JobFailure) -> None:
        alive = shiboken6.isValid(self)  # a printer fault is shown even if the dialog is gone
        if alive:
            self.print_button.setEnabled(True)
        self.ops.funnel.show_failure(failure, self if alive else None)

    def _show_result(self) -> None:
        result = self.outcome
        if result is None:
            return
        self.result_label.setStyleSheet(RESULT_STYLE)
        self.result_label.setText(
            tr(
                "tokenui",
                "Meter {meter} is {mode} now (bill {bill}). Due on its next purchase: "
                "prearrange {prearrange}, receivable {receivable}, remain returned {remain}.",
            ).format(
                meter=result.meter,
                mode=tr("tokenui", MODES[PaymentMode(result.to_mode)]),
                bill=result.bill_number,
                prearrange=self._money(result.prearrange),
                receivable=self._money(result.receivable),
                remain=self._money(result.remain),
            )
        )

    def _failed(self, failure: JobFailure) -> None:
        self._set_busy(False)
        emit(self.changed, None)
        self._refused(failure)

    def _refused(self, failure: JobFailure) -> None:
        self.ops.funnel.show_failure(failure, self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.find_button.setEnabled(not busy)
        self._show()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("tokenui", "Payment change"))
        self.meter_caption.setText(tr("tokenui", "&Meter"))
        self.remark_caption.setText(tr("tokenui", "Remar&k"))
        self.find_button.setText(tr("tokenui", "&Find the meter"))
        self.action_button.setText(tr("tokenui", "&Change the pay type…"))
        self.print_button.setText(tr("tokenui", "&Print the bill again"))
        self._show()
        self._show_result()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter acts on the field it is typed in (find, then confirm), as in the cancel."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
