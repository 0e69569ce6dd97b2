"""The till's Z reports, newest first: number, when closed, cashier, supervisor, net sales,
variance, how many times printed, and the Z a correction refers to. Keyboard first: the
arrows move, Enter views the Z; Reprint (marked DUPLICATE), Save as PDF and Correct… act on
the selected Z, a correction too (decisions SHF-15, SHF-20)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QPushButton, QWidget

from starpos.shifts import ZInfo
from starpos.shifts.slips import moment, till_label
from starpos.ui.money import format_money
from starpos.ui.signals import emit
from starpos.ui.supervisor.list_dialog import ListDialog
from starpos.ui.translator import tr


class ZListDialog(ListDialog):
    #: view the Z with this number (Enter)
    view_chosen = Signal(int)
    reprint_chosen = Signal(int)
    pdf_chosen = Signal(int)
    correct_chosen = Signal(int)

    def __init__(
        self, till: str, decimals: int, *, may_correct: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__("zListDialog", "zList", 8, parent)
        self.till, self.decimals = till, decimals
        self.zs: list[ZInfo] = []
        # Enter (and a double click) on a row views it; the buttons never take Enter.
        self.table.activated.connect(lambda _index: self._chosen(self.view_chosen))
        self.table.currentCellChanged.connect(lambda *_cells: self._offer_correct())
        self.view_button = self._button("zView", self.view_chosen)
        self.reprint_button = self._button("zReprint", self.reprint_chosen)
        self.pdf_button = self._button("zPdf", self.pdf_chosen)
        self.correct_button = self._button("zCorrect", self.correct_chosen)
        self.correct_button.setVisible(may_correct)
        self.lay_out()
        self.resize(900, 480)
        self.retranslate_ui()

    def _button(self, name: str, signal: SignalInstance) -> QPushButton:
        return self.action_button(name, lambda: self._chosen(signal))

    def _chosen(self, signal: SignalInstance) -> None:
        number = self.selected()
        if number is not None:
            emit(signal, number)

    def selected(self) -> int | None:
        row = self.table.currentRow()
        return self.zs[row].number if 0 <= row < len(self.zs) else None

    def show_zs(self, zs: list[ZInfo]) -> None:
        """Fill the table; the selection stays on the Z it was on (else the newest)."""
        keep = self.selected()
        self.zs = list(zs)
        numbers = [z.number for z in self.zs]
        current = numbers.index(keep) if keep in numbers else 0
        self.fill([self._cells(z) for z in self.zs], (0, 4, 5, 6), current)
        for button in (self.view_button, self.reprint_button, self.pdf_button):
            button.setEnabled(bool(self.zs))
        self._offer_correct()
        self.retranslate_ui()
        self.table.setFocus()

    def _offer_correct(self) -> None:
        # Any Z may be corrected, a correction too (decision SHF-20): as the core allows.
        self.correct_button.setEnabled(self.selected() is not None)

    def _cells(self, z: ZInfo) -> tuple[str, ...]:
        body = z.body
        notes = []
        if z.corrects is not None:
            net = ""
            notes.append(tr("shifts", "corrects Z {number}").format(number=z.corrects))
            counts = body.get("counts", {})
            variance = sum((Decimal(line["variance"]) for line in counts.values()), Decimal(0))
        else:
            net = format_money(Decimal(body.get("sales_net", 0)), self.decimals)
            variance = Decimal(body.get("variance", 0))
        corrections = [other.number for other in self.zs if other.corrects == z.number]
        if corrections:
            notes.append(
                tr("shifts", "corrected by Z {numbers}").format(
                    numbers=", ".join(str(n) for n in sorted(corrections))
                )
            )
        note = "; ".join(notes)
        return (
            str(z.number),
            moment(z.made_at.isoformat()),
            str(body.get("cashier", "")),
            str(body.get("supervisor", z.made_by)),
            net,
            format_money(variance, self.decimals),
            str(z.print_count),
            note,
        )

    def retranslate_ui(self) -> None:
        shown = till_label(self.till)
        self.setWindowTitle(tr("shifts", "Z reports of till {till}").format(till=shown))
        self.intro.setText(
            tr("shifts", "{count} Z reports. Arrows choose one, Enter shows it.").format(
                count=len(self.zs)
            )
            if self.zs
            else tr("shifts", "This till has no Z report yet.")
        )
        self.table.setHorizontalHeaderLabels(
            [
                tr("shifts", "No."),
                tr("shifts", "Closed at"),
                tr("shifts", "Cashier"),
                tr("shifts", "Closed by"),
                tr("shifts", "Net sales"),
                tr("shifts", "Variance"),
                tr("shifts", "Prints"),
                tr("shifts", "Corrections"),
            ]
        )
        self.view_button.setText(tr("shifts", "&View"))
        self.reprint_button.setText(tr("shifts", "&Reprint (DUPLICATE)"))
        self.pdf_button.setText(tr("shifts", "Save as P&DF…"))
        self.correct_button.setText(tr("shifts", "&Correct…"))
