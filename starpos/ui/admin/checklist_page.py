"""The set-up checklist the administration opens on: each item done or not, and Enter on an
item opens the screen that does it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from starpos.masterdata.setup_checklist import ChecklistItem, is_ready
from starpos.ui.signals import emit
from starpos.ui.translator import tr

_DONE = QColor("#1b5e20")
_TO_DO = QColor("#b71c1c")


class ChecklistPage(QWidget):
    #: the operator chose an item (its key, ``starpos.masterdata.setup_checklist``)
    item_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self.title = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("checklistItems")
        self.ready = QLabel()
        self.ready.setObjectName("checklistReady")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.ready)
        self.items.itemActivated.connect(
            lambda item: emit(self.item_chosen, item.data(Qt.ItemDataRole.UserRole))
        )
        self._shown: list[ChecklistItem] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Set-up checklist')}</h2>")
        self.intro.setText(
            tr(
                "admin",
                "What a utility needs before the counter can sell. Choose an item with the "
                "arrow keys and press Enter to open its screen.",
            )
        )
        self.show_items(self._shown)

    def show_items(self, items: list[ChecklistItem]) -> None:
        self._shown = list(items)
        current = max(0, self.items.currentRow())
        self.items.clear()
        for item in items:
            mark = "✔" if item.done else "✘"
            state = tr("admin", "done") if item.done else tr("admin", "to do")
            entry = QListWidgetItem(f"{mark}  {tr('admin', item.label)}  ({state})")
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            entry.setForeground(QBrush(_DONE if item.done else _TO_DO))
            self.items.addItem(entry)
        if items:
            first_open = next((n for n, item in enumerate(items) if not item.done), current)
            self.items.setCurrentRow(first_open)
            self.ready.setText(
                tr("admin", "The utility is ready to sell.")
                if is_ready(items)
                else tr("admin", "{count} item(s) still to do.").format(
                    count=sum(not item.done for item in items)
                )
            )
