"""Tariff schemes (manual 2.12): the list (code, name, kind and version in force, since
when, the next dated version waiting, meters using it), searchable and sortable; Insert a
new scheme, Enter or F2 a new dated version of the selected one, Delete deletes it (asked
first; the core refuses one that meters or sales use). Ctrl+F searches.

The screen runs its own store calls through the window's database worker (``bind``), so
the window only registers it. Changing tariffs needs ``change_prices``: without it the
list is shown and the buttons are off, and the core refuses anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.ui.admin.list_table import list_table
from starpos.ui.admin.tariff_editor import TariffEditor
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.models.text_search import TextSearchFilter
from starpos.ui.translator import tr

Row = dict[str, Any]
Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]
KIND_NAMES = {
    "flat": tr_noop("admin", "flat"),
    "step": tr_noop("admin", "step"),
    "tou": tr_noop("admin", "time of use"),
}


def _moment(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


COLUMNS: list[Column[Row]] = [
    Column(tr_noop("admin", "Code"), lambda r: r["code"]),
    Column(tr_noop("admin", "Name"), lambda r: r["name"]),
    Column(
        tr_noop("admin", "Kind"), lambda r: tr("admin", KIND_NAMES.get(r["kind"]) or str(r["kind"]))
    ),
    Column(
        tr_noop("admin", "Version in force"),
        lambda r: tr("admin", "{version} of {versions}").format(**r) if r["version"] else "—",
        numeric=True,
        sort_key=lambda r: int(r["version"]),
    ),
    Column(tr_noop("admin", "In force from"), lambda r: _moment(r["effective_from"])),
    Column(tr_noop("admin", "Next version from"), lambda r: _moment(r["next_from"])),
    Column(
        tr_noop("admin", "Meters"),
        lambda r: str(r["meters"]),
        numeric=True,
        sort_key=lambda r: int(r["meters"]),
    ),
]


class TariffsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tariffs")
        self.service: Any = None
        self.run: Run | None = None
        self.shown: Callable[[], None] = lambda: None
        self.editor: TariffEditor | None = None
        self.may_change = True
        self.title = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.exact = QCheckBox()
        self.model: RecordTableModel[Row] = RecordTableModel("admin", COLUMNS)
        self.proxy = TextSearchFilter()
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        self.add_button, self.version_button, self.delete_button = (
            QPushButton(), QPushButton(), QPushButton()
        )  # fmt: skip
        self.add_button.setObjectName("addTariff")
        self.version_button.setObjectName("newTariffVersion")
        self.delete_button.setObjectName("deleteTariff")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.count = QLabel()
        searching = QHBoxLayout()
        searching.addWidget(self.search_label)
        searching.addWidget(self.search, 1)
        searching.addWidget(self.exact)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.version_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(searching)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)

        self.search.textChanged.connect(self._filter)
        self.exact.toggled.connect(self._filter)
        self.search.returnPressed.connect(self.table.setFocus)
        self.add_button.clicked.connect(self.new_scheme)
        self.version_button.clicked.connect(self.new_version)
        self.delete_button.clicked.connect(self.delete)
        self.table.activated.connect(lambda _index: self.new_version())
        for key, action in (
            (QKeySequence(Qt.Key.Key_Insert), self.new_scheme),
            (QKeySequence(Qt.Key.Key_F2), self.new_version),
            (QKeySequence(Qt.Key.Key_Delete), self.delete),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.retranslate_ui()

    def bind(self, service: Any, run: Run, shown: Callable[[], None]) -> None:
        """Talk to the store through ``service`` on the worker ``run`` gives; ``shown`` is
        called once the list shows the store's answer."""
        self.service, self.run, self.shown = service, run, shown
        allowed = service.may_change_prices()
        for button in (self.add_button, self.version_button, self.delete_button):
            button.setEnabled(allowed)
        self.may_change = allowed
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Tariff schemes')}</h2>")
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "Code, name or any value"))
        self.exact.setText(tr("admin", "E&xact"))
        self.add_button.setText(tr("admin", "&Add (Ins)"))
        self.version_button.setText(tr("admin", "New &version (F2)"))
        self.delete_button.setText(tr("admin", "&Delete (Del)"))
        self.note.setText(
            ""
            if self.may_change
            else tr(
                "admin",
                "You may look at the tariffs; changing them needs the permission “Change "
                "tariffs and charges”.",
            )
        )
        self.model.retranslate()
        self._show_count()
        if self.editor is not None:
            self.editor.retranslate_ui()

    # --- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        assert self.run is not None
        self.run(self.service.tariffs, self.show_rows)

    def show_rows(self, rows: list[Row]) -> None:
        chosen = self.selected()
        self.model.set_records(rows)
        self._show_count()
        codes = [self.proxy.data(self.proxy.index(n, 0)) for n in range(self.proxy.rowCount())]
        if codes:
            self.table.selectRow(
                codes.index(chosen["code"]) if chosen and chosen["code"] in codes else 0
            )
        self.shown()

    def selected(self) -> Row | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        row: Row = self.proxy.data(index, RecordTableModel.RecordRole)
        return row

    def _filter(self) -> None:
        self.proxy.set_search(self.search.text(), exact=self.exact.isChecked())
        # rows coming back through the filter keep the widths of the rows it showed
        self.table.resizeColumnsToContents()
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            tr("admin", "{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    # --- changes ----------------------------------------------------------------------------

    def new_scheme(self) -> None:
        if self.run is None or not self.may_change:
            return
        self.run(
            lambda: (self.service.sample_terms(), self.service.utility_now()),
            lambda answer: self._open(TariffEditor(answer[0], parent=self, now=answer[1])),
        )

    def new_version(self) -> None:
        row = self.selected()
        if self.run is None or row is None or not self.may_change:
            return
        code, name = str(row["code"]), str(row["name"])
        self.run(
            lambda: (
                self.service.sample_terms(),
                self.service.tariff(code),
                self.service.utility_now(),
            ),
            lambda answer: self._open(
                TariffEditor(answer[0], answer[1], name, parent=self, now=answer[2])
            ),
        )

    def _open(self, editor: TariffEditor) -> None:
        self.editor = editor  # for tests and screenshots
        editor.accepted.connect(lambda: self._save(editor))
        editor.finished.connect(lambda _result: self.table.setFocus())
        editor.open()

    def _save(self, editor: TariffEditor) -> None:
        assert self.run is not None and editor.values is not None
        code, name, start, rate = editor.values
        if editor.existing is None:
            job: Callable[[], Any] = lambda: self.service.add_tariff(code, name, start, rate)  # noqa: E731
        else:
            job = lambda: self.service.add_tariff_version(code, start, rate)  # noqa: E731
        self.run(job, lambda _none: self.refresh())

    def delete(self) -> None:
        row = self.selected()
        if self.run is None or row is None or not self.may_change:
            return
        code = str(row["code"])
        answer = QMessageBox.question(
            self,
            tr("admin", "Delete"),
            tr("admin", "Delete tariff {code} and all its versions?").format(code=code),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(lambda: self.service.delete_tariff(code), lambda _none: self.refresh())
