"""Replace meter (manual 4.6): the installed meter, the new one from stock, the reason (the
utility's replacement reasons, with their charges), what the old meter goes back to stock
as, and the energy it still held. The core books the replacement on one bill and makes the
remainder credit token for the new meter on the module worker; refusals are its typed
errors, shown in the operator's language.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import MeterCondition
from starpos.db.enums import TokenOperationKind as Kind
from starpos.i18n import tr_noop
from starpos.tokenops import errors
from starpos.tokenops.kinds import MAX_FREE_KWH
from starpos.tokenops.meter_replace import Replacement, ReplacementResult
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

    def __init__(self, ops: TokenOpsContext, old_meter: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("replaceMeterDialog")
        self.ops = ops
        self.busy = False
        self.outcome: ReplacementResult | None = None
        self.old_field = QLineEdit(old_meter)
        self.old_field.setObjectName("replaceOld")
        self.new_field = QLineEdit()
        self.new_field.setObjectName("replaceNew")
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("replaceReason")
        self.condition_box = QComboBox()
        self.condition_box.setObjectName("replaceCondition")
        for condition in CONDITIONS:
            self.condition_box.addItem("", condition)
        self.remainder_field = QLineEdit("0")
        self.remainder_field.setObjectName("replaceRemainder")
        self.remainder_field.returnPressed.connect(self.start)
        self.result_label = QLabel()
        self.result_label.setObjectName("replaceResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels = [QLabel() for _ in range(5)]
        self.form = QFormLayout()
        fields = (
            self.old_field, self.new_field, self.reason_box, self.condition_box,
            self.remainder_field,
        )  # fmt: skip
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox()
        self.action_button = QPushButton()
        self.action_button.setObjectName("replaceAction")
        self.action_button.setAutoDefault(False)
        self.action_button.clicked.connect(self.start)
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in a field acts on it, never closes the dialog
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()
        ops.workers.database.submit(
            ops.service.replacement_reasons, on_done=self._set_reasons, on_failed=self._refused
        )

    def _set_reasons(self, reasons: list[tuple[str, str]]) -> None:
        self.reason_box.clear()
        for code, name in reasons:
            self.reason_box.addItem(f"{code} - {name}", code)

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
        if self.busy:
            return
        try:
            asked = Replacement(
                old_meter=self.old_field.text().strip(),
                new_meter=self.new_field.text().strip(),
                reason_code=str(self.reason_box.currentData() or ""),
                remainder_kwh=self.remainder(),
                condition=MeterCondition(self.condition_box.currentData()),
            )
        except errors.TokenOperationError as error:
            self.ops.funnel.show_failure(error, self)
            return
        self._set_busy(True)
        self.result_label.clear()
        self.ops.workers.module.submit(
            self.ops.service.replace,
            self.ops.session,
            asked,
            on_done=self._replaced,
            on_failed=self._failed,
        )

    def _replaced(self, result: ReplacementResult) -> None:
        self.outcome = result
        self._set_busy(False)
        self._show_result()
        emit(self.replaced, result)

    def _show_result(self) -> None:
        result = self.outcome
        if result is None:
            return
        text = tr(
            "tokenui",
            "Meter {old} is replaced by {new} (bill {bill}, charges {charges}).",
        ).format(
            old=result.old_meter,
            new=result.new_meter,
            bill=result.bill_number,
            charges=number_text(result.charges, 2),
        )
        if result.token:
            text += "\n" + tr(
                "tokenui", "Remainder token for the new meter ({kwh} kWh): {token}"
            ).format(kwh=format_kwh(result.remainder_kwh), token=group_token(result.token))
        self.result_label.setStyleSheet(RESULT_STYLE)
        self.result_label.setText(text)

    def _failed(self, failure: JobFailure) -> None:
        self._set_busy(False)
        emit(self.replaced, None)
        self._refused(failure)

    def _refused(self, failure: JobFailure) -> None:
        self.ops.funnel.show_failure(failure, self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.action_button.setEnabled(not busy and self.outcome is None)  # replaced once

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
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for index in range(self.condition_box.count()):
            condition = MeterCondition(self.condition_box.itemData(index))
            self.condition_box.setItemText(index, tr("tokenui", CONDITIONS[condition]))
        self.action_button.setText(tr("tokenui", "&Replace the meter"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
