"""The editor of one operator role (manual 2.5): code (a new role only), name, kind, and the
permission matrix as a tree of groups, each permission a box to tick under its translated
name. Arrows move, Space ticks (a group ticks or clears all of its permissions), Enter
saves, Escape leaves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import RoleKind
from starpos.i18n import tr_noop
from starpos.operators import permissions
from starpos.operators.roles import RoleView
from starpos.ui.translator import tr

KIND_NAMES = {
    RoleKind.GENERAL.value: tr_noop("admin", "general"),
    RoleKind.MANAGER.value: tr_noop("admin", "manager"),
}
_NAME = Qt.ItemDataRole.UserRole


class PermissionTree(QTreeWidget):
    """The permissions in their groups; Enter is left to the dialog (it saves)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)


class RoleEditor(QDialog):
    def __init__(self, role: RoleView | None = None, parent: QWidget | None = None) -> None:
        """``role``: the role to change (None: a new one)."""
        super().__init__(parent)
        self.setObjectName("roleEditor")
        self.role = role
        self.code = QLineEdit(role.code if role else "")
        self.code.setObjectName("roleCode")
        self.code.setEnabled(role is None)
        self.name = QLineEdit(role.name if role else "")
        self.name.setObjectName("roleName")
        self.kind = QComboBox()
        self.kind.setObjectName("roleKind")
        for value in KIND_NAMES:
            self.kind.addItem("", value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(role.kind if role else "general")))
        self.tree = PermissionTree()
        self.tree.setObjectName("permissions")
        self.tree.setHeaderHidden(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.groups: list[QTreeWidgetItem] = []
        granted = role.permissions if role else frozenset()
        for _label, names in permissions.GROUPS:
            group = QTreeWidgetItem(self.tree)
            group.setFlags(group.flags() | Qt.ItemFlag.ItemIsAutoTristate)
            group.setCheckState(0, Qt.CheckState.Unchecked)
            self.groups.append(group)
            for name in names:
                item = QTreeWidgetItem(group)
                item.setData(0, _NAME, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = name in granted
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.items[name] = item
        self.tree.expandAll()
        self.tree.setCurrentItem(self.groups[0])
        self.labels = {w: QLabel() for w in (self.code, self.name, self.kind, self.tree)}
        form = QFormLayout()
        for widget, label in self.labels.items():
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.problem = QLabel()
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.values: tuple[str, str, RoleKind, set[str]] | None = None
        self.resize(600, 640)
        self.retranslate_ui()
        (self.code if role is None else self.name).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            tr("admin", "New operator role")
            if self.role is None
            else tr("admin", "Operator role {code}").format(code=self.role.code)
        )
        for widget, text in (
            (self.code, tr("admin", "&Code *")),
            (self.name, tr("admin", "&Name")),
            (self.kind, tr("admin", "&Kind")),
            (self.tree, tr("admin", "&Permissions")),
        ):
            self.labels[widget].setText(text)
        for row, value in enumerate(KIND_NAMES.values()):
            self.kind.setItemText(row, tr("admin", value))
        for group, (label, _names) in zip(self.groups, permissions.GROUPS, strict=True):
            group.setText(0, tr("permissions", label))
        for name, item in self.items.items():
            item.setText(0, tr("permissions", permissions.LABELS[name]))

    def granted(self) -> set[str]:
        return {n for n, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked}

    def _check(self) -> None:
        code = self.code.text().strip().upper()
        if not code:
            self.problem.setText(tr("admin", "Type the role's code."))
            self.code.setFocus()
            return
        self.values = (
            code,
            self.name.text().strip(),
            RoleKind(self.kind.currentData()),
            self.granted(),
        )
        self.accept()
