"""Open a shift: the opening float counted note by note (or typed as a total when the store
names no denominations)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from starpos.shifts.slips import till_label
from starpos.ui.money import parse_amount
from starpos.ui.supervisor.denomination_grid import DenominationGrid
from starpos.ui.translator import tr


class OpenShiftDialog(QDialog):
    def __init__(
        self,
        till: str,
        denominations: tuple[Decimal, ...],
        decimals: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openShiftDialog")
        self.till, self.decimals = till, decimals
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.grid = DenominationGrid(denominations, decimals)
        self.total_field = QLineEdit()
        self.total_field.setObjectName("floatTotal")
        self.total_field.setVisible(not denominations)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.grid)
        layout.addWidget(self.total_field)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        first = self.grid.first_box()
        (first or self.total_field).setFocus()

    def float_total(self) -> Decimal | None:
        """The typed total (only when there is no grid); raises on a bad amount."""
        text = self.total_field.text().strip()
        return parse_amount(text, self.decimals) if text and self.total_field.isVisible() else None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "Open a shift"))
        self.intro.setText(
            tr("shifts", "Count the opening float in the drawer of {till}, note by note.").format(
                till=till_label(self.till)
            )
        )
        self.total_field.setPlaceholderText(tr("shifts", "Opening float"))
        self.grid.retranslate_ui()
