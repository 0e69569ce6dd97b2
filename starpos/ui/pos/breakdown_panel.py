"""The live breakdown of the net amount: charges, VAT, debt, vending amount and energy.

The lines come from pricing through the counter service; their labels are English source
text translated here (context ``breakdown``) so the breakdown follows a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout

from starpos.counter.views import Quote
from starpos.i18n import tr_noop
from starpos.ui.money import format_kwh, format_money
from starpos.ui.translator import tr

ENERGY = tr_noop("breakdown", "Energy")
AMOUNT = tr_noop("breakdown", "Vending amount")
NET = tr_noop("breakdown", "Net amount")


class BreakdownPanel(QGroupBox):
    def __init__(self, currency: str, decimals: int) -> None:
        super().__init__()
        self.setObjectName("breakdownPanel")
        self.currency = currency
        self.decimals = decimals
        self.quote: Quote | None = None
        self._pending = False
        self._grid = QGridLayout()
        self.note = QLabel()
        self.note.setObjectName("breakdownNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        layout.addWidget(self.note)
        layout.addStretch()
        self.energy_value = QLabel()
        self.energy_value.setObjectName("energyValue")
        self.retranslate_ui()

    def show_quote(self, quote: Quote | None) -> None:
        self.quote = quote
        self._pending = False
        self._fill()

    def show_pending(self) -> None:
        self.quote = None
        self._pending = True
        self._fill()

    def retranslate_ui(self) -> None:
        self.setTitle(tr("pos", "Breakdown"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _money(self, value: object) -> str:
        return f"{self.currency} {format_money(value, self.decimals)}".strip()  # type: ignore[arg-type]

    def _clear_grid(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.energy_value:
                widget.deleteLater()

    def _row(self, row: int, label: str, value: QLabel | str, strong: bool = False) -> None:
        name = QLabel(label)
        shown = value if isinstance(value, QLabel) else QLabel(value)
        shown.setAlignment(Qt.AlignmentFlag.AlignRight)
        if strong:
            for widget in (name, shown):
                font = widget.font()
                font.setBold(True)
                font.setPointSize(font.pointSize() + 2)
                widget.setFont(font)
        self._grid.addWidget(name, row, 0)
        self._grid.addWidget(shown, row, 1)

    def _fill(self) -> None:
        self._clear_grid()
        quote = self.quote
        self.note.setStyleSheet("")
        if quote is None:
            self.energy_value.clear()
            self.note.setText(
                tr("pos", "Pricing…")
                if self._pending
                else tr("pos", "The breakdown shows here once the meter and amount are in.")
            )
            return
        row = 0
        for line in quote.lines:
            self._row(row, tr("breakdown", line.label), self._money(line.amount))
            row += 1
        self._row(row, tr("breakdown", AMOUNT), self._money(quote.amount))
        self._row(row + 1, tr("breakdown", NET), self._money(quote.net), strong=True)
        self.energy_value.setText(tr("pos", "{kwh} kWh").format(kwh=format_kwh(quote.energy_kwh)))
        self._row(row + 2, tr("breakdown", ENERGY), self.energy_value, strong=True)
        if quote.warning:
            self.note.setStyleSheet("color: #b26a00; font-weight: bold;")
            self.note.setText(tr("pos", "This is more than the usual amount. Check it twice."))
        else:
            self.note.clear()
