"""Operators (manual 2.6): the list with their sales point, roles and state; add one with a
temporary password (changed at their first login), forbid or allow login, unlock.
Insert adds, F8 forbids or allows, F9 unlocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.operators.accounts import OperatorView
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.signals import emit
from starpos.ui.translator import tr


def _state(o: OperatorView) -> str:
    words = [
        tr("admin", word)
        for word, on in (
            (tr_noop("admin", "login forbidden"), o.forbid_login),
            (tr_noop("admin", "locked"), o.locked),
            (tr_noop("admin", "must change password"), o.must_change_password),
            (tr_noop("admin", "all rights"), o.is_superuser),
        )
        if on
    ]
    return ", ".join(words)


COLUMNS: list[Column[OperatorView]] = [
    Column(tr_noop("admin", "Code"), lambda o: o.code),
    Column(tr_noop("admin", "Name"), lambda o: o.name),
    Column(tr_noop("admin", "Sales point"), lambda o: o.sales_point or ""),
    Column(tr_noop("admin", "Roles"), lambda o: ", ".join(o.roles)),
    Column(tr_noop("admin", "State"), _state),
]


class NewOperatorDialog(QDialog):
    def __init__(self, sales_points: list[str], roles: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("newOperator")
        self.setWindowTitle(tr("admin", "New operator"))
        self.code, self.name, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sales_point, self.role = QComboBox(), QComboBox()
        self.sales_point.addItems(sales_points)
        self.role.addItems(roles)
        form = QFormLayout()
        for label, widget in (
            (tr("admin", "Code"), self.code),
            (tr("admin", "Name"), self.name),
            (tr("admin", "Sales point"), self.sales_point),
            (tr("admin", "Role"), self.role),
            (tr("admin", "Temporary password"), self.password),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class OperatorsPage(QWidget):
    #: add an operator: (code, name, sales point, role, temporary password)
    add_requested = Signal(str, str, str, str, str)
    #: forbid (True) or allow (False) an operator's login
    forbid_requested = Signal(str, bool)
    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operators")
        self.title = QLabel()
        self.model: RecordTableModel[OperatorView] = RecordTableModel("admin", COLUMNS)
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.add_button, self.forbid_button, self.unlock_button = (
            QPushButton(), QPushButton(), QPushButton()
        )  # fmt: skip
        buttons = QHBoxLayout()
        for button in (self.add_button, self.forbid_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.choices: tuple[list[str], list[str]] = ([], [])
        self.add_button.clicked.connect(self.add)
        self.forbid_button.clicked.connect(self._forbid)
        self.unlock_button.clicked.connect(self._unlock)
        for key, action in (
            (Qt.Key.Key_Insert, self.add),
            (Qt.Key.Key_F8, self._forbid),
            (Qt.Key.Key_F9, self._unlock),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Operators')}</h2>")
        self.add_button.setText(tr("admin", "&Add (Ins)"))
        self.forbid_button.setText(tr("admin", "&Forbid or allow login (F8)"))
        self.unlock_button.setText(tr("admin", "&Unlock (F9)"))
        self.model.retranslate()

    def show_operators(self, answer: tuple[list[OperatorView], list[str], list[str]]) -> None:
        operators, sales_points, roles = answer
        self.model.set_records(operators)
        self.choices = (sales_points, roles)
        if operators:
            self.table.selectRow(0)

    def selected(self) -> OperatorView | None:
        index = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def add(self) -> None:
        dialog = NewOperatorDialog(*self.choices, parent=self)
        self.dialog = dialog  # for tests and pictures
        dialog.accepted.connect(
            lambda: emit(
                self.add_requested,
                dialog.code.text(),
                dialog.name.text(),
                dialog.sales_point.currentText(),
                dialog.role.currentText(),
                dialog.password.text(),
            )
        )
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()

    def _forbid(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            emit(self.forbid_requested, chosen.code, not chosen.forbid_login)

    def _unlock(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            emit(self.unlock_requested, chosen.code)
