"""What the supervisor's list windows share (the Z list, the float limits): a line that says
what the list is, a table of whole rows chosen with the arrows and never edited in place,
action buttons that act on every press of their Alt+letter and never take Enter (Enter
belongs to the row or the field), and Close. Each window adds its own columns, buttons and
fields."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from starpos.ui.widgets.press_button import PressButton

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ListDialog(QDialog):
    def __init__(
        self, name: str, table_name: str, columns: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, columns)
        self.table.setObjectName(table_name)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in the table chooses, never closes
        self.buttons.rejected.connect(self.reject)

    def action_button(self, name: str, slot: Callable[[], None]) -> PressButton:
        button = PressButton(name)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def lay_out(self, *between: QWidget | QLayout) -> None:
        """The intro, the table, ``between`` (fields under the table), then the buttons."""
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        for part in between:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.buttons)

    def fill(self, rows: Sequence[Sequence[str]], right: Collection[int], current: int) -> None:
        """Show ``rows`` (their cells; the columns in ``right`` aligned right) and put the
        selection on row ``current``."""
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column in right:
                    item.setTextAlignment(RIGHT)
                self.table.setItem(row, column, item)
        self.table.setCurrentCell(current, 0)
