"""The live breakdown of the net amount: charges, VAT, debt, vending amount and energy.

The lines come from pricing through the counter service: the core's own lines are English
source text translated here (context ``breakdown``), charge names are master data
translated through the ``masterdata`` catalogs, so the breakdown follows a language
switch. "Vending amount" is the word the voucher prints for the same line.

Every font is set once, here: a quote fills the same rows again and again all day, and
nothing on screen may grow with it.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout

from starpos.counter.reads import DEBT, PREARRANGE, PREINSTALLED, VAT
from starpos.counter.views import Quote
from starpos.i18n import tr_noop
from starpos.ui.master_names import master_name
from starpos.ui.money import format_kwh, money_text
from starpos.ui.translator import tr
from starpos.ui.widgets.elided_label import ElidedLabel

ENERGY = tr_noop("breakdown", "Energy")
AMOUNT = tr_noop("breakdown", "Vending amount")
NET = tr_noop("breakdown", "Net amount")
#: Lines the core names itself; any other line is a charge item of the master data.
CORE_LINES = frozenset({VAT, DEBT, PREINSTALLED, PREARRANGE})

ROW_ALIGNMENT = Qt.AlignmentFlag.AlignVCenter
#: Points above the window's font: the net amount and the energy the customer pays for.
STRONG_EXTRA_PT = 2
ENERGY_EXTRA_PT = 8


class BreakdownPanel(QGroupBox):
    def __init__(self, currency: str, decimals: int) -> None:
        super().__init__()
        self.setObjectName("breakdownPanel")
        self.currency = currency
        self.decimals = decimals
        self.quote: Quote | None = None
        self._pending = False
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        self.note = QLabel()
        self.note.setObjectName("breakdownNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._grid)
        layout.addWidget(self.note)
        layout.addStretch()
        base = self.font()
        self.strong_font = QFont(base)
        self.strong_font.setBold(True)
        self.strong_font.setPointSize(base.pointSize() + STRONG_EXTRA_PT)
        self.energy_font = QFont(base)
        self.energy_font.setBold(True)
        self.energy_font.setPointSize(base.pointSize() + ENERGY_EXTRA_PT)
        self.energy_value = QLabel(self)  # a child from the start: shown, it is never a window
        self.energy_value.setObjectName("energyValue")
        self.energy_value.hide()
        self.energy_value.setFont(self.energy_font)
        self.energy_value.setAlignment(Qt.AlignmentFlag.AlignRight | ROW_ALIGNMENT)
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

    def _money(self, value: Decimal) -> str:
        return money_text(value, self.currency, self.decimals)

    def _clear_grid(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.energy_value:
                widget.deleteLater()

    def _row(self, row: int, label: str, value: QLabel | str, font: QFont | None = None) -> None:
        name = ElidedLabel()  # a long charge name gives way; it never widens the window
        name.setText(label)
        name.setAlignment(Qt.AlignmentFlag.AlignLeft | ROW_ALIGNMENT)
        shown = value if isinstance(value, QLabel) else QLabel(value)
        shown.setAlignment(Qt.AlignmentFlag.AlignRight | ROW_ALIGNMENT)
        if font is not None:
            name.setFont(font)
            if shown is not self.energy_value:
                shown.setFont(font)
        self._grid.addWidget(name, row, 0)
        self._grid.addWidget(shown, row, 1)

    def _line_name(self, label: str) -> str:
        return tr("breakdown", label) if label in CORE_LINES else master_name(label)

    def _fill(self) -> None:
        self._clear_grid()
        quote = self.quote
        self.note.setStyleSheet("")
        if quote is None:
            self.energy_value.clear()
            self.energy_value.hide()
            self.note.setText(
                tr("pos", "Pricing…")
                if self._pending
                else tr("pos", "The breakdown shows here once the meter and amount are in.")
            )
            return
        row = 0
        for line in quote.lines:
            self._row(row, self._line_name(line.label), self._money(line.amount))
            row += 1
        self._row(row, tr("breakdown", AMOUNT), self._money(quote.amount))
        self._row(row + 1, tr("breakdown", NET), self._money(quote.net), self.strong_font)
        self.energy_value.setText(tr("pos", "{kwh} kWh").format(kwh=format_kwh(quote.energy_kwh)))
        self._row(row + 2, tr("breakdown", ENERGY), self.energy_value, self.strong_font)
        self.energy_value.show()
        if quote.warning:
            self.note.setStyleSheet("color: #b26a00; font-weight: bold;")
            self.note.setText(tr("pos", "This is more than the usual amount. Check it twice."))
        else:
            self.note.clear()
