"""The cashier's blind count at the end of the shift: the cash note by note and every
other payment method's total. What was expected is never shown here (decision SHF-5)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from starpos.ui.money import parse_amount
from starpos.ui.supervisor.denomination_grid import DenominationGrid
from starpos.ui.translator import tr


class CountDialog(QDialog):
    def __init__(
        self,
        shift_id: int,
        denominations: tuple[Decimal, ...],
        payments: list[tuple[str, str]],
        decimals: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("countDialog")
        self.shift_id, self.decimals = shift_id, decimals
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.cash_box = QGroupBox()
        self.grid = DenominationGrid(denominations, decimals)
        inner = QVBoxLayout(self.cash_box)
        inner.addWidget(self.grid)
        self.others_box = QGroupBox()
        form = QFormLayout(self.others_box)
        self.others: dict[str, QLineEdit] = {}
        for code, name in payments[1:]:  # the first is cash
            field = QLineEdit()
            field.setObjectName(f"counted_{code}")
            form.addRow(name, field)
            self.others[code] = field
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.cash_box)
        layout.addWidget(self.others_box)
        layout.addWidget(buttons)
        self.retranslate_ui()
        first = self.grid.first_box()
        if first is not None:
            first.setFocus()

    def cash_pieces(self) -> dict[Decimal, int]:
        return self.grid.pieces()

    def other_totals(self) -> dict[str, Decimal]:
        found = {}
        for code, field in self.others.items():
            text = field.text().strip()
            found[code] = parse_amount(text, self.decimals) if text else Decimal(0)
        return found

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "End of shift: count the drawer"))
        self.intro.setText(
            tr(
                "shifts",
                "Count what is in the drawer (shift {shift}). The expected amounts are not "
                "shown: the supervisor compares them when closing.",
            ).format(shift=self.shift_id)
        )
        self.cash_box.setTitle(tr("shifts", "Cash"))
        self.others_box.setTitle(tr("shifts", "Other payment methods (totals)"))
        self.grid.retranslate_ui()
