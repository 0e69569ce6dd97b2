"""A TID collision's replacement token (docs/sync.md, "TID collision"; SYN-51), for the
meter on the counter: its sales whose token another counter's took the TID of, and, for
one sold here, the replacement (the sale's kWh under a new TID, no money) and its voucher
("Replacement for bill N"). The core checks the ``cancel_token`` permission, that this
counter made the sale and that it is replaced once, and audits.
"""

from __future__ import annotations

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

from starpos.tokenops.tid_replacement import DueToken, ReplacementResult
from starpos.ui.money import format_kwh, group_token
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.tokenops.cancel_dialog import RESULT_STYLE, WARNING_STYLE
from starpos.ui.tokenops.service import TokenOpsContext
from starpos.ui.translator import tr


class CollidedTokenDialog(QDialog):
    #: the replacement made (ReplacementResult)
    replaced = Signal(object)
    #: the voucher printed (its print count)
    printed = Signal(int)

    def __init__(self, ops: TokenOpsContext, meter: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("collidedTokenDialog")
        self.ops = ops
        self.dues: list[DueToken] = []
        self.replacement: ReplacementResult | None = None
        self.meter_field = QLineEdit(meter)
        self.meter_field.setObjectName("collidedMeter")
        self.meter_field.returnPressed.connect(self.look_up)
        self.bill_box = QComboBox()
        self.bill_box.setObjectName("collidedBill")
        self.state_label = QLabel()
        self.state_label.setObjectName("collidedState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels = [QLabel(), QLabel()]
        form = QFormLayout()
        for label, widget in zip(self.labels, (self.meter_field, self.bill_box), strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.state_label)
        self.buttons = QDialogButtonBox()
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("collidedIssue")
        self.print_button = QPushButton()
        self.print_button.setObjectName("collidedPrint")
        for button, slot in ((self.issue_button, self.issue), (self.print_button, self.print)):
            button.setAutoDefault(False)
            button.setEnabled(False)
            button.clicked.connect(slot)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in the meter field looks up, never closes
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate_ui()
        if meter.strip():
            self.look_up()

    def look_up(self) -> None:
        number = self.meter_field.text().strip()
        if number:
            self.issue_button.setEnabled(False)
            self.ops.workers.database.submit(
                self.ops.service.collided_tokens, number, on_done=self._show,
                on_failed=self._refused,
            )  # fmt: skip

    def _show(self, dues: list[DueToken]) -> None:
        self.dues = dues
        self.bill_box.clear()
        for due in dues:
            self.bill_box.addItem(due.bill, due.bill)
        self.issue_button.setEnabled(bool(dues))
        self._show_state()

    def issue(self) -> None:
        bill = self.bill_box.currentData()
        if not bill or not self.dues:
            return
        self.issue_button.setEnabled(False)  # one replacement at a time, until it answers
        self.ops.workers.module.submit(
            self.ops.service.replace_collided, self.ops.session, self.dues[0].meter, bill,
            on_done=self._replaced, on_failed=self._refused,
        )  # fmt: skip

    def _replaced(self, result: ReplacementResult) -> None:
        self.replacement = result
        self.print_button.setEnabled(result.state == "issued")
        self._show_state()
        emit(self.replaced, result)

    def print(self) -> None:
        if self.replacement is not None:
            self.ops.workers.printer.submit(
                self.ops.service.print_collided, self.ops.session, self.replacement.batch_id,
                on_done=lambda count: emit(self.printed, count), on_failed=self._refused,
            )  # fmt: skip

    def _refused(self, failure: JobFailure) -> None:
        self.ops.funnel.show_failure(failure, self)
        self.issue_button.setEnabled(bool(self.dues) and self.replacement is None)

    def _show_state(self) -> None:
        result = self.replacement
        if result is not None and result.token:
            self.state_label.setStyleSheet(RESULT_STYLE)
            self.state_label.setText(
                tr(
                    "tokenui",
                    "Replacement for bill {bill}: {kwh} kWh, token {token}. The customer enters "
                    "it instead of the refused token.",
                ).format(
                    bill=result.bill,
                    kwh=format_kwh(result.energy_kwh),
                    token=group_token(result.token),
                )
            )
            return
        if not self.dues:
            self.state_label.setStyleSheet("")
            self.state_label.setText(tr("tokenui", "No token of this meter needs a replacement."))
            return
        lines = [
            tr("tokenui", "Bill {bill}: {amount}, {kwh} kWh, sold at {terminal}").format(
                bill=due.bill,
                amount=due.amount,
                kwh=format_kwh(due.energy_kwh),
                terminal=due.terminal,
            )
            for due in self.dues
        ]
        lines.append(
            tr(
                "tokenui",
                "Another counter gave this meter the same TID: the meter refuses this token as "
                "used. The replacement carries the same energy under a new TID; no money is "
                "taken.",
            )
        )
        self.state_label.setStyleSheet(WARNING_STYLE)
        self.state_label.setText("\n".join(lines))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("tokenui", "Replace a collided token"))
        self.labels[0].setText(tr("tokenui", "&Meter"))
        self.labels[1].setText(tr("tokenui", "&Bill"))
        self.issue_button.setText(tr("tokenui", "&Issue the replacement"))
        self.print_button.setText(tr("tokenui", "&Print the voucher"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
