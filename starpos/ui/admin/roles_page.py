"""Operator roles (manual 2.5): the list (code, name, kind, how many permissions, how many
operators have the role), searchable and sortable; Insert a new role, Enter or F2 opens the
selected one's permission matrix, Delete deletes it (asked first; the core refuses a role
operators have). Ctrl+F searches.

The screen runs its own store calls through the window's database worker (``bind``), so the
window only registers it. Every change needs ``admin_operators`` (the core refuses without).
"""

from __future__ import annotations

from collections.abc import Callable
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
from starpos.operators import permissions
from starpos.operators.roles import RoleView
from starpos.ui.admin.list_table import list_table
from starpos.ui.admin.role_editor import KIND_NAMES, RoleEditor
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.models.text_search import TextSearchFilter
from starpos.ui.translator import tr

Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]

COLUMNS: list[Column[RoleView]] = [
    Column(tr_noop("admin", "Code"), lambda r: r.code),
    Column(tr_noop("admin", "Name"), lambda r: r.name),
    Column(tr_noop("admin", "Kind"), lambda r: tr("admin", KIND_NAMES.get(r.kind, r.kind))),
    Column(
        tr_noop("admin", "Permissions"),
        lambda r: tr("admin", "{granted} of {total}").format(
            granted=len(r.permissions), total=len(permissions.ALL)
        ),
        numeric=True,
        sort_key=lambda r: len(r.permissions),
    ),
    Column(
        tr_noop("admin", "Operators"),
        lambda r: str(r.operators),
        numeric=True,
        sort_key=lambda r: r.operators,
    ),
]


class RolesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roles")
        self.service: Any = None
        self.run: Run | None = None
        self.shown: Callable[[], None] = lambda: None
        self.editor: RoleEditor | None = None
        self.title = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.exact = QCheckBox()
        self.model: RecordTableModel[RoleView] = RecordTableModel("admin", COLUMNS)
        self.proxy = TextSearchFilter()
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        self.add_button, self.edit_button, self.delete_button = (
            QPushButton(), QPushButton(), QPushButton()
        )  # fmt: skip
        self.count = QLabel()
        searching = QHBoxLayout()
        searching.addWidget(self.search_label)
        searching.addWidget(self.search, 1)
        searching.addWidget(self.exact)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(searching)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter)
        self.exact.toggled.connect(self._filter)
        self.search.returnPressed.connect(self.table.setFocus)
        self.add_button.clicked.connect(self.new_role)
        self.edit_button.clicked.connect(self.edit_role)
        self.delete_button.clicked.connect(self.delete)
        self.table.activated.connect(lambda _index: self.edit_role())
        for key, action in (
            (QKeySequence(Qt.Key.Key_Insert), self.new_role),
            (QKeySequence(Qt.Key.Key_F2), self.edit_role),
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

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Operator roles')}</h2>")
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "Code, name or any value"))
        self.exact.setText(tr("admin", "E&xact"))
        self.add_button.setText(tr("admin", "&Add (Ins)"))
        self.edit_button.setText(tr("admin", "&Edit (F2)"))
        self.delete_button.setText(tr("admin", "&Delete (Del)"))
        self.model.retranslate()
        self._show_count()
        if self.editor is not None:
            self.editor.retranslate_ui()

    def refresh(self) -> None:
        assert self.run is not None
        self.run(self.service.roles, self.show_roles)

    def show_roles(self, roles: list[RoleView]) -> None:
        chosen = self.selected()
        self.model.set_records(roles)
        self._show_count()
        codes = [self.proxy.data(self.proxy.index(n, 0)) for n in range(self.proxy.rowCount())]
        if codes:
            self.table.selectRow(codes.index(chosen.code) if chosen and chosen.code in codes else 0)
        self.shown()

    def selected(self) -> RoleView | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        role: RoleView = self.proxy.data(index, RecordTableModel.RecordRole)
        return role

    def _filter(self) -> None:
        self.proxy.set_search(self.search.text(), exact=self.exact.isChecked())
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(
            tr("admin", "{shown} of {total}").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def new_role(self) -> None:
        self._open(RoleEditor(parent=self))

    def edit_role(self) -> None:
        role = self.selected()
        if role is not None:
            self._open(RoleEditor(role, parent=self))

    def _open(self, editor: RoleEditor) -> None:
        if self.run is None:
            return
        self.editor = editor  # for tests and screenshots
        editor.accepted.connect(lambda: self._save(editor))
        editor.finished.connect(lambda _result: self.table.setFocus())
        editor.open()

    def _save(self, editor: RoleEditor) -> None:
        assert self.run is not None and editor.values is not None
        code, name, kind, granted = editor.values
        if editor.role is None:
            job: Callable[[], Any] = lambda: self.service.add_role(code, name, kind, granted)  # noqa: E731
        else:
            job = lambda: self.service.change_role(code, name, kind, granted)  # noqa: E731
        self.run(job, lambda _none: self.refresh())

    def delete(self) -> None:
        role = self.selected()
        if self.run is None or role is None:
            return
        answer = QMessageBox.question(
            self,
            tr("admin", "Delete"),
            tr("admin", "Delete the operator role {code}?").format(code=role.code),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(lambda: self.service.delete_role(role.code), lambda _none: self.refresh())
