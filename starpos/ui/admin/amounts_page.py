"""Default amounts (manual 1.9): the net amounts of the cashier's quick keys, F1 first."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from starpos.ui.signals import emit
from starpos.ui.translator import tr


class AmountsPage(QWidget):
    #: the operator saved these amounts, in key order
    save_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amounts")
        self.title = QLabel()
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.amounts = QLineEdit()
        self.amounts.setObjectName("amountsField")
        self.problem = QLabel()
        self.problem.setObjectName("amountsProblem")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveAmounts")
        layout = QVBoxLayout(self)
        for widget in (self.title, self.help, self.amounts, self.problem, self.save_button):
            layout.addWidget(widget)
        layout.addStretch()
        self.amounts.returnPressed.connect(self._save)
        self.save_button.clicked.connect(self._save)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Default amounts')}</h2>")
        self.help.setText(
            tr(
                "admin",
                "The amounts of the cashier's quick keys, F1 first, separated by spaces "
                "(at most 10). Enter saves.",
            )
        )
        self.save_button.setText(tr("admin", "&Save"))
        self.amounts.setPlaceholderText("5 10 20 50 100")

    def show_amounts(self, amounts: list[Decimal]) -> None:
        self.amounts.setText(" ".join(str(amount) for amount in amounts))

    def _save(self) -> None:
        try:
            amounts = [Decimal(part) for part in self.amounts.text().split()]
        except InvalidOperation:
            self.problem.setText(
                tr("admin", "{field} is not a number: type digits with at most one '.'.").format(
                    field=tr("admin", "Default amounts")
                )
            )
            return
        if any(not amount.is_finite() for amount in amounts):
            self.problem.setText(
                tr("admin", "{field} is not a number: type digits with at most one '.'.").format(
                    field=tr("admin", "Default amounts")
                )
            )
            return
        self.problem.clear()
        emit(self.save_requested, amounts)
