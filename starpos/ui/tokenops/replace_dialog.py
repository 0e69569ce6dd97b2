"""Replace meter (manual 4.6): the installed meter, the new one from stock, the reason (the
utility's replacement reasons) with the charges it costs, what the old meter goes back to
stock as, the energy it still held (typed, or read from its SUN card on the card worker),
and the cash the customer hands over, with the change shown as it is typed. The core books
the replacement on one bill and makes the remainder credit token for the new meter on the
module worker; the bill then prints on the printer worker, and again (marked REPRINT) from
"Print the bill again". Refusals are the core's typed errors, shown in the operator's
language.
"""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import MeterCondition
from starpos.db.enums import TokenOperationKind as Kind
from starpos.i18n import tr_noop
from starpos.shifts.paid_charges import ChargePayment
from starpos.tokenops import errors
from starpos.tokenops.kinds import MAX_FREE_KWH
from starpos.tokenops.meter_replace import Replacement, ReplacementResult
from starpos.tokenops.meter_replace_charges import ChargesDue
from starpos.ui.master_names import master_name
from starpos.ui.money import format_kwh, group_token, number_text
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.tokenops.cancel_dialog import RESULT_STYLE
from starpos.ui.tokenops.service import TokenOpsContext
from starpos.ui.translator import tr

CONDITIONS = {
    MeterCondition.MAINTENANCE: tr_noop("tokenui", "For maintenance"),
    MeterCondition.SCRAP: tr_noop("tokenui", "Scrap"),
}


class ReplaceMeterDialog(QDialog):
    #: the replacement answered: its ReplacementResult, or None when refused
    replaced = Signal(object)
    #: the reason's charges are shown (what the customer is to pay)
    charges_shown = Signal(object)
    #: the remainder was read from the old meter's card (its kWh)
    card_read = Signal(object)
    #: the replacement bill was printed (its print count: 2 and more are reprints)
    printed = Signal(int)

    def __init__(self, ops: TokenOpsContext, old_meter: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("replaceMeterDialog")
        self.ops = ops
        self.busy = False
        self.outcome: ReplacementResult | None = None
        self.due: ChargesDue | None = None
        self.old_field = QLineEdit(old_meter)
        self.old_field.setObjectName("replaceOld")
        self.old_field.editingFinished.connect(self.show_charges)
        self.new_field = QLineEdit()
        self.new_field.setObjectName("replaceNew")
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("replaceReason")
        self.reason_box.currentIndexChanged.connect(self.show_charges)
        self.condition_box = QComboBox()
        self.condition_box.setObjectName("replaceCondition")
        for condition in CONDITIONS:
            self.condition_box.addItem("", condition)
        self.remainder_field = QLineEdit("0")
        self.remainder_field.setObjectName("replaceRemainder")
        self.remainder_field.returnPressed.connect(self.start)
        self.card_button = QPushButton()
        self.card_button.setObjectName("replaceReadCard")
        self.card_button.setAutoDefault(False)
        self.card_button.clicked.connect(self.read_card)
        remainder_row = QHBoxLayout()
        remainder_row.addWidget(self.remainder_field, 1)
        remainder_row.addWidget(self.card_button)
        self.charges_label = QLabel()
        self.charges_label.setObjectName("replaceCharges")
        self.charges_label.setTextFormat(Qt.TextFormat.RichText)
        self.payment_box = QComboBox()
        self.payment_box.setObjectName("replacePayment")
        for method in ops.payment_methods:
            self.payment_box.addItem(master_name(method.name), method.code)
        self._cash_codes = {method.code for method in ops.payment_methods if method.is_cash}
        self.payment_box.currentIndexChanged.connect(self._payment_chosen)
        # A cheque's or a transfer's bank and number, kept on the bill as a sale keeps them
        # (TOK-30); cash has neither.
        self.bank_box = QComboBox()
        self.bank_box.setObjectName("replaceBank")
        self.bank_box.addItem("", None)
        self.cheque_field = QLineEdit()
        self.cheque_field.setObjectName("replaceCheque")
        self.cheque_field.setMaxLength(40)  # the bill's cheque_number column
        self.paid_field = QLineEdit()
        self.paid_field.setObjectName("replacePaid")
        self.paid_field.textChanged.connect(self._show_change)
        self.paid_field.returnPressed.connect(self.start)
        self.change_label = QLabel()
        self.change_label.setObjectName("replaceChange")
        self.result_label = QLabel()
        self.result_label.setObjectName("replaceResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels = [QLabel() for _ in range(11)]
        self.form = QFormLayout()
        fields: tuple[QWidget, ...] = (
            self.old_field, self.new_field, self.reason_box, self.condition_box,
            self.remainder_field,
        )  # fmt: skip
        for label, field in zip(self.labels[:5], fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, remainder_row if field is self.remainder_field else field)
        self.labels[6].setBuddy(self.payment_box)
        self.labels[7].setBuddy(self.paid_field)
        self.form.addRow(self.labels[5], self.charges_label)
        self.form.addRow(self.labels[6], self.payment_box)
        for label, field in ((self.labels[9], self.bank_box), (self.labels[10], self.cheque_field)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow(self.labels[7], self.paid_field)
        self.form.addRow(self.labels[8], self.change_label)
        self.buttons = QDialogButtonBox()
        self.action_button = QPushButton()
        self.action_button.setObjectName("replaceAction")
        self.action_button.setAutoDefault(False)
        self.action_button.clicked.connect(self.start)
        self.print_button = QPushButton()
        self.print_button.setObjectName("replacePrint")
        self.print_button.setAutoDefault(False)
        self.print_button.setEnabled(False)  # once there is a bill
        self.print_button.clicked.connect(self.print_bill)
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a field acts on it, never closes the dialog
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()
        ops.workers.database.submit(
            ops.service.replacement_reasons, on_done=self._set_reasons, on_failed=self._refused
        )
        ops.workers.database.submit(
            ops.service.banks, on_done=self._set_banks, on_failed=self._refused
        )
        self._payment_chosen()

    def _set_reasons(self, reasons: list[tuple[str, str]]) -> None:
        self.reason_box.clear()
        for code, name in reasons:
            self.reason_box.addItem(f"{code} - {name}", code)

    def _set_banks(self, banks: list[tuple[str, str]]) -> None:
        for code, name in banks:
            self.bank_box.addItem(f"{code} - {name}", code)

    # -- the reason's charges and the payment ---------------------------------------------
    def show_charges(self) -> None:
        reason = str(self.reason_box.currentData() or "")
        if not reason or self.outcome is not None:
            return
        self.ops.workers.database.submit(
            self.ops.service.replacement_charges,
            reason,
            self.old_field.text(),
            on_done=self._charges,
            on_failed=self._refused,
        )

    def _charges(self, due: ChargesDue) -> None:
        self.due = due
        self._show_charges()
        emit(self.charges_shown, due)

    def _money(self, value: Decimal) -> str:
        return number_text(value, self.due.decimals if self.due is not None else 2)

    def _show_charges(self) -> None:
        due = self.due
        if due is None:
            self.charges_label.clear()
            return
        rows = [(tr("voucher", line.name), self._money(line.amount)) for line in due.lines]
        rows.append((tr("tokenui", "To pay"), self._money(due.total)))
        self.charges_label.setText(
            "<table>"
            + "".join(
                f"<tr><td>{html.escape(name)}&nbsp;</td><td align='right'><b>"
                f"{html.escape(amount)}</b></td></tr>"
                for name, amount in rows
            )
            + "</table>"
        )
        self.paid_field.setPlaceholderText(self._money(due.total))
        self._show_change()
        self._fit()

    def paid(self) -> Decimal | None:
        """The cash typed (None: nothing typed, the charges exactly)."""
        text = self.paid_field.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            decimals = self.due.decimals if self.due is not None else 2
            raise errors.PaymentAmountError(amount=text, decimals=decimals)
        return value

    def _payment_chosen(self) -> None:
        """Change is given in cash only: another method pays exactly the charges (TOK-25)."""
        code = self.payment_box.currentData()
        cash = code is None or code in self._cash_codes
        if not cash:
            self.paid_field.clear()
        else:
            self.bank_box.setCurrentIndex(0)
            self.cheque_field.clear()
        self.paid_field.setEnabled(cash and self.outcome is None)
        self.bank_box.setEnabled(not cash and self.outcome is None)
        self.cheque_field.setEnabled(not cash and self.outcome is None)
        self._show_change()

    def _show_change(self) -> None:
        if self.outcome is not None:
            self.change_label.setText(self._money(self.outcome.change))
            return
        due = self.due
        try:
            paid = self.paid()
        except errors.PaymentAmountError:
            paid = Decimal(-1)
        if due is None:
            self.change_label.clear()
        elif paid is None:
            self.change_label.setText(self._money(Decimal(0)))
        elif paid < due.total:
            self.change_label.setText(
                tr("tokenui", "{amount} short").format(
                    amount=self._money(due.total - max(paid, Decimal(0)))
                )
            )
        else:
            self.change_label.setText(self._money(paid - due.total))

    # -- the remainder from the card ------------------------------------------------------
    def read_card(self) -> None:
        if self.busy:
            return
        self._set_busy(True)
        self.ops.workers.card.submit(
            self.ops.service.card_remainder,
            self.old_field.text(),
            None,
            on_done=self._card_read,
            on_failed=self._failed_quietly,
        )

    def _card_read(self, kwh: Decimal) -> None:
        self._set_busy(False)
        self.remainder_field.setText(str(kwh))
        emit(self.card_read, kwh)

    def _failed_quietly(self, failure: JobFailure) -> None:
        self._set_busy(False)
        self._refused(failure)

    # -- replace --------------------------------------------------------------------------
    def remainder(self) -> Decimal:
        text = self.remainder_field.text().strip().replace(",", ".") or "0"
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(-1)
        if not value.is_finite() or value < 0:
            raise errors.ValueOutOfRangeError(
                kind=Kind.REMAINDER_CREDIT.value, value=text, minimum=0, maximum=MAX_FREE_KWH
            )
        return value

    def start(self) -> None:
        if self.busy or self.outcome is not None:
            return
        try:
            asked = Replacement(
                old_meter=self.old_field.text().strip(),
                new_meter=self.new_field.text().strip(),
                reason_code=str(self.reason_box.currentData() or ""),
                remainder_kwh=self.remainder(),
                condition=MeterCondition(self.condition_box.currentData()),
                paid=self.paid(),
                payment=ChargePayment(
                    str(self.payment_box.currentData() or "cash"),
                    self.bank_box.currentData(),
                    self.cheque_field.text().strip(),
                ),
            )
        except errors.TokenOperationError as error:
            self.ops.funnel.show_failure(error, self)
            return
        self._set_busy(True)
        self.result_label.clear()
        # A card meter's remainder goes onto the card in the reader (TOK-29): that is the
        # card reader's worker's; a keypad token is the module's.
        self.ops.workers.database.submit(
            self.ops.service.remainder_to_card,
            asked,
            on_done=lambda to_card: self._replace(asked, bool(to_card)),
            on_failed=self._failed,
        )

    def _replace(self, asked: Replacement, to_card: bool) -> None:
        worker = self.ops.workers.card if to_card else self.ops.workers.module
        worker.submit(
            self.ops.service.replace_onto_card if to_card else self.ops.service.replace,
            self.ops.session,
            asked,
            on_done=self._replaced,
            on_failed=self._failed,
        )

    def _replaced(self, result: ReplacementResult) -> None:
        self.outcome = result
        self._set_busy(False)
        self._show_result()
        self._show_change()
        emit(self.replaced, result)
        self.print_bill()

    def print_bill(self) -> None:
        """The replacement bill on the counter's printer (a failure is shown, the
        replacement stands)."""
        if self.outcome is None:
            return
        self.print_button.setEnabled(False)  # one print at a time
        self.ops.workers.printer.submit(
            self.ops.service.print_replacement,
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
        text = tr(
            "tokenui", "Meter {old} is replaced by {new} (bill {bill}, charges {charges})."
        ).format(
            old=result.old_meter,
            new=result.new_meter,
            bill=result.bill_number,
            charges=self._money(result.charges),
        )
        text += "\n" + tr("tokenui", "Paid {paid}, change {change}.").format(
            paid=self._money(result.paid), change=self._money(result.change)
        )
        if result.token:
            text += "\n" + tr(
                "tokenui", "Remainder token for the new meter ({kwh} kWh): {token}"
            ).format(kwh=format_kwh(result.remainder_kwh), token=group_token(result.token))
        elif result.card_serial:
            text += "\n" + tr(
                "tokenui",
                "Remainder for the new meter ({kwh} kWh) is on card {serial}: the customer "
                "inserts it in the new meter.",
            ).format(kwh=format_kwh(result.remainder_kwh), serial=result.card_serial)
        self.result_label.setStyleSheet(RESULT_STYLE)
        self.result_label.setText(text)
        self._fit()

    def _fit(self) -> None:
        """Grow to the text shown (a result or a translation is taller), never squeezing the
        charges' table."""
        layout = self.layout()
        if self.isVisible() and layout is not None:
            layout.activate()
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _failed(self, failure: JobFailure) -> None:
        self._set_busy(False)
        emit(self.replaced, None)
        self._refused(failure)

    def _refused(self, failure: JobFailure) -> None:
        self.ops.funnel.show_failure(failure, self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        open_ = not busy and self.outcome is None  # the meter is replaced once
        self.action_button.setEnabled(open_)
        self.card_button.setEnabled(open_)

    def done(self, result: int) -> None:
        if self.busy:
            return  # the module is making the remainder token: its answer must be seen
        super().done(result)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("tokenui", "Replace a meter"))
        texts = (
            tr("tokenui", "&Old meter"),
            tr("tokenui", "&New meter (from stock)"),
            tr("tokenui", "R&eason"),
            tr("tokenui", "Old meter goes &back as"),
            tr("tokenui", "Re&mainder energy (kWh)"),
            tr("tokenui", "Charges"),
            tr("tokenui", "Pa&yment"),
            tr("tokenui", "Pai&d"),
            tr("tokenui", "Change"),
            tr("tokenui", "Ban&k"),
            tr("tokenui", "C&heque number"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for index in range(self.condition_box.count()):
            condition = MeterCondition(self.condition_box.itemData(index))
            self.condition_box.setItemText(index, tr("tokenui", CONDITIONS[condition]))
        self.card_button.setText(tr("tokenui", "Read from the old meter's &card"))
        self.action_button.setText(tr("tokenui", "&Replace the meter"))
        self.print_button.setText(tr("tokenui", "&Print the bill again"))
        self._show_charges()
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
