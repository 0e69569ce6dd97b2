"""Meter replacement reasons with their charges (manual 2.4): the reasons' list shows each
reason's charge items, and "Charges" (F3) opens the reason's items to tick or untick
(Space), kept on OK (``masterdata.replacement_reason_charges``: the permission, the audit
entry, one transaction; a refusal is shown and changes nothing)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.masterdata.record_kinds import RecordKind
from starpos.ui.admin.record_list_page import RecordListPage, Row
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.signals import emit
from starpos.ui.translator import tr

#: the key of the reasons' rows that lists their charge item codes
CHARGES = "charges"
CHARGES_TITLE = tr_noop("admin", "Charges")


class ReasonListPage(RecordListPage):
    #: the operator asked to see and change the charges of the reason with this code
    charges_requested = Signal(str)

    def __init__(self, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(kind, parent)
        columns = [*self.model.columns, Column(CHARGES_TITLE, _charges_text)]
        self.model = RecordTableModel("admin", columns)
        self.proxy.setSourceModel(self.model)
        self.charges_button = QPushButton()
        self.charges_button.setObjectName("reasonCharges")
        self.charges_button.clicked.connect(self._charges)
        page = self.layout()
        buttons = page.itemAt(page.count() - 1) if page is not None else None
        row = buttons.layout() if buttons is not None else None  # the page's buttons row
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(3, self.charges_button)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F3), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._charges)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "charges_button"):
            self.charges_button.setText(tr("admin", "C&harges (F3)"))

    def _charges(self) -> None:
        row = self.selected()
        if row is not None:
            emit(self.charges_requested, str(row["code"]))


def _charges_text(row: Row) -> str:
    return ", ".join(row.get(CHARGES) or ())


class ReasonChargesDialog(QDialog):
    """A reason's charge items to tick (the items with a fixed amount); ``chosen`` on OK."""

    def __init__(
        self,
        reason: str,
        items: list[tuple[str, str, Decimal]],
        chosen: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonChargesDialog")
        self.setWindowTitle(tr("admin", "Charges of replacement reason {code}").format(code=reason))
        self.items = QListWidget()
        self.items.setObjectName("reasonChargeItems")
        for code, name, amount in items:
            item = QListWidgetItem(f"{code}  {name}  {amount}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.items.addItem(item)
        if self.items.count():
            self.items.setCurrentRow(0)
        note = QLabel(tr("admin", "Tick the charges a replacement for this reason costs (Space)."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def chosen(self) -> list[str]:
        return [
            str(self.items.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.items.count())
            if self.items.item(n).checkState() == Qt.CheckState.Checked
        ]
