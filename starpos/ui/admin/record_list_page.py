"""The list of one kind of record: search (fuzzy or exact), sort by any column, and add,
edit or delete from the keyboard (Insert, Enter or F2, Delete; Ctrl+F to search)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.masterdata.choice_labels import CONTEXT, label_of
from starpos.masterdata.record_kinds import Field, FieldType, RecordKind
from starpos.masterdata.records import DATED
from starpos.ui.admin.list_table import list_table
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.models.text_search import TextSearchFilter
from starpos.ui.signals import emit
from starpos.ui.translator import tr

Row = dict[str, Any]


def _shows(field: Field) -> Callable[[Row], str]:
    def show(row: Row) -> str:
        value = row.get(field.name)
        if field.field_type is FieldType.FLAG:
            return tr("admin", "yes") if value else tr("admin", "no")
        if field.field_type is FieldType.CHOICE and field.choices is not None and value:
            return tr(CONTEXT, label_of(field.choices, value))
        return "" if value is None else str(value)

    return show


def scheduled_text(kind: RecordKind, versions: list[dict[str, Any]]) -> str:
    """The later versions of a dated kind's terms, as "Amount 2.00 from 2026-12-10"."""

    def value_text(field: Field, value: Any) -> str:
        return _shows(field)({field.name: value}) or "-"

    return "; ".join(
        tr("admin", "{terms} from {day}").format(
            terms=", ".join(
                f"{tr('admin', kind.field(name).label)} {value_text(kind.field(name), value)}"
                for name, value in version.items()
                if name != "effective_from"
            ),
            day=f"{version['effective_from']:%Y-%m-%d}"
            if version["effective_from"].time() == time.min
            else f"{version['effective_from']:%Y-%m-%d %H:%M}",
        )
        for version in versions
    )


def _sort_key(name: str) -> Callable[[Row], str | int]:
    def key(row: Row) -> str | int:
        value = row.get(name)
        return f"{value:>20}" if value is not None and not isinstance(value, str) else str(value)

    return key


def columns_of(kind: RecordKind) -> list[Column[Row]]:
    numeric = (FieldType.MONEY, FieldType.PERCENT, FieldType.ENERGY, FieldType.WHOLE)
    columns = [
        Column(
            field.label,
            _shows(field),
            numeric=field.field_type in numeric,
            sort_key=_sort_key(field.name) if field.field_type in numeric else None,
        )
        for field in kind.fields
    ]
    if kind.key in DATED:
        # The list shows the terms in force; a change dated later is said here (BO-29).
        columns.append(
            Column(
                tr_noop("admin", "Scheduled"),
                lambda row: scheduled_text(kind, row.get("scheduled") or []),
            )
        )
    return columns


class RecordListPage(QWidget):
    #: the operator asked to add a record (True) or edit the selected one (False)
    edit_requested = Signal(bool)
    #: the operator asked to delete the record with this code
    delete_requested = Signal(str)

    def __init__(self, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"list_{kind.key}")
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.exact = QCheckBox()
        self.exact.setObjectName("exactSearch")
        columns = columns_of(kind)

        def whole_text(row: Row, column: int, role: int) -> Any:
            # A long cell (a scheduled change) is cut to the column: its tip says it all.
            if role == Qt.ItemDataRole.ToolTipRole:
                return columns[column].shows(row) or None
            return None

        self.model: RecordTableModel[Row] = RecordTableModel("admin", columns, style=whole_text)
        self.proxy = TextSearchFilter()
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addRecord")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRecord")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteRecord")
        self.count = QLabel()
        self.count.setObjectName("recordCount")

        searching = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        searching.addWidget(self.search_label)
        searching.addWidget(self.search, 1)
        searching.addWidget(self.exact)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(searching)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter)
        self.exact.toggled.connect(self._filter)
        self.add_button.clicked.connect(lambda: emit(self.edit_requested, True))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.table.activated.connect(lambda _index: self._edit())
        self.search.returnPressed.connect(self.table.setFocus)
        for key, action in (
            (QKeySequence(Qt.Key.Key_Insert), lambda: emit(self.edit_requested, True)),
            (QKeySequence(Qt.Key.Key_F2), self._edit),
            (QKeySequence(Qt.Key.Key_Delete), self._delete),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', self.kind.title)}</h2>")
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "Code, name or any value"))
        self.exact.setText(tr("admin", "E&xact"))
        self.add_button.setText(tr("admin", "&Add (Ins)"))
        self.edit_button.setText(tr("admin", "&Edit (F2)"))
        self.delete_button.setText(tr("admin", "&Delete (Del)"))
        self.model.retranslate()
        self._show_count()

    def set_rows(self, rows: list[Row]) -> None:
        self.model.set_records(rows)
        self._show_count()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def selected(self) -> Row | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        row: Row = self.proxy.data(index, RecordTableModel.RecordRole)
        return row

    def _filter(self) -> None:
        self.proxy.set_search(self.search.text(), exact=self.exact.isChecked())
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            tr("admin", "{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _edit(self) -> None:
        if self.selected() is not None:
            emit(self.edit_requested, False)

    def _delete(self) -> None:
        row = self.selected()
        if row is not None:
            emit(self.delete_requested, str(row["code"]))
