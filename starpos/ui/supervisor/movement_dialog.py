"""Cash in or out of the drawer outside a sale (drop, pick-up, paid in, paid out), or the
drawer opened: the amount (not for the drawer) and the reason, which is required."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from starpos.db.enums import CashMovementKind
from starpos.shifts.cash import LABELS
from starpos.ui.money import parse_amount
from starpos.ui.translator import tr


class MovementDialog(QDialog):
    def __init__(self, kind: CashMovementKind, decimals: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("movementDialog")
        self.kind, self.decimals = kind, decimals
        self.amount_field = QLineEdit()
        self.amount_field.setObjectName("movementAmount")
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("movementReason")
        self.form = QFormLayout(self)
        self.amount_label, self.reason_label = QLabel(), QLabel()
        if kind != CashMovementKind.DRAWER_OPEN:
            self.form.addRow(self.amount_label, self.amount_field)
        self.form.addRow(self.reason_label, self.reason_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.retranslate_ui()

    def amount(self) -> Decimal:
        if self.kind == CashMovementKind.DRAWER_OPEN:
            return Decimal(0)
        return parse_amount(self.amount_field.text(), self.decimals)

    def reason(self) -> str:
        return self.reason_field.text().strip()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", LABELS[self.kind]))
        self.amount_label.setText(tr("shifts", "Amount"))
        self.reason_label.setText(tr("shifts", "Reason"))
