"""Cash counted note by note: one spin box per denomination and the running total
(Decimal arithmetic, never float). Tab walks the notes, largest first."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from starpos.ui.money import format_money
from starpos.ui.signals import emit
from starpos.ui.translator import tr


class DenominationGrid(QWidget):
    #: the total changed (as text, for a label)
    total_changed = Signal(str)

    def __init__(
        self, denominations: tuple[Decimal, ...], decimals: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.decimals = decimals
        self.boxes: dict[Decimal, QSpinBox] = {}
        layout = QGridLayout(self)
        columns = 2
        for position, value in enumerate(denominations):
            row, column = divmod(position, columns)
            label = QLabel(format_money(value, decimals if value % 1 else 0))
            box = QSpinBox()
            box.setObjectName(f"pieces_{value}")
            box.setRange(0, 100_000)
            box.valueChanged.connect(self._changed)
            label.setBuddy(box)
            layout.addWidget(label, row, column * 2)
            layout.addWidget(box, row, column * 2 + 1)
            self.boxes[value] = box
        self.total_label = QLabel()
        self.total_label.setObjectName("countTotal")
        layout.addWidget(self.total_label, (len(denominations) + 1) // columns + 1, 0, 1, 4)
        self._changed()

    def pieces(self) -> dict[Decimal, int]:
        return {value: box.value() for value, box in self.boxes.items() if box.value()}

    def total(self) -> Decimal:
        return sum((value * count for value, count in self.pieces().items()), Decimal(0))

    def first_box(self) -> QSpinBox | None:
        return next(iter(self.boxes.values()), None)

    def retranslate_ui(self) -> None:
        self._changed()

    def _changed(self) -> None:
        text = format_money(self.total(), self.decimals)
        self.total_label.setText(tr("shifts", "Total counted: {total}").format(total=text))
        emit(self.total_changed, text)
