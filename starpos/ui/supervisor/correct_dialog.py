"""A correction of a Z (NF525: a closing is never altered): the amounts as they should have
been counted, per payment method (only those given are corrected), and why. The result is
a new Z that refers to the corrected one."""

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

from starpos.ui.money import parse_amount
from starpos.ui.translator import tr


class CorrectDialog(QDialog):
    def __init__(
        self,
        number: int,
        payments: list[tuple[str, str]],
        decimals: int,
        parent: QWidget | None = None,
        *,
        before: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        """``payments``: (code, name) of the payment methods, cash first; ``before``: what
        the Z says per payment method (expected, counted), shown in the empty fields."""
        super().__init__(parent)
        self.setObjectName("correctDialog")
        self.number, self.decimals = number, decimals
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.addRow(self.intro)
        self.fields: dict[str, QLineEdit] = {}
        self.before = before or {}
        for code, name in payments:
            field = QLineEdit()
            field.setObjectName(f"correct_{code}")
            field.setMinimumWidth(300)  # room for the Z's own figures shown in it
            self.fields[code] = field
            self.form.addRow(name, field)
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("correctReason")
        self.reason_label = QLabel()
        self.form.addRow(self.reason_label, self.reason_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.retranslate_ui()

    def counted(self) -> dict[str, Decimal]:
        """The amounts given (a typed refusal for one that is not an amount)."""
        return {
            code: parse_amount(field.text(), self.decimals)
            for code, field in self.fields.items()
            if field.text().strip()
        }

    def reason(self) -> str:
        return self.reason_field.text().strip()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "Correct Z {number}").format(number=self.number))
        self.intro.setText(
            tr(
                "shifts",
                "Z {number} stays as it was: the correction is a new Z that refers to it. "
                "Give the amounts as they should have been counted and why.",
            ).format(number=self.number)
        )
        self.reason_label.setText(tr("shifts", "Reason"))
        for code, field in self.fields.items():
            if code in self.before:
                expected, counted = self.before[code]
                field.setPlaceholderText(
                    tr("shifts", "expected {expected}, counted {counted}").format(
                        expected=expected, counted=counted
                    )
                )
