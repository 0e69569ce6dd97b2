"""The boxes of the regions screen: one region (code, name, the region it is in) and the
region levels (how many, and their names). Enter saves, Escape cancels; what the store
refuses comes back as the core's translated refusal, and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.masterdata.regions import MAX_LEVELS, RegionRow, RegionTree
from starpos.ui.translator import tr


def _subtree_codes(tree: RegionTree, code: str) -> set[str]:
    """``code`` and the codes of every region under it (a region cannot move there)."""
    inside = {code}
    for region in tree.regions:  # tree order: a parent before its children
        if region.parent in inside:
            inside.add(region.code)
    return inside


class _Box(QDialog):
    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    def row(self, label: str, widget: QWidget, name: str) -> None:
        widget.setObjectName(name)
        text = QLabel(label)
        text.setBuddy(widget)
        self.form.addRow(text, widget)


class RegionEditor(_Box):
    """A new region (``region`` None; in ``parent_code``, "" for level 1) or a region to
    rename or move."""

    def __init__(
        self,
        tree: RegionTree,
        region: RegionRow | None,
        parent_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("regionEditor", parent)
        self.region = region
        self.code = QLineEdit(region.code if region else "")
        self.code.setEnabled(region is None)
        self.code.setMaxLength(20)
        self.name = QLineEdit(region.name if region else "")
        self.parent_choice = QComboBox()
        names = tree.level_names
        self.parent_choice.addItem(tr("admin", "— none (a level-1 region)"), "")
        # Only regions it may go under: not itself or below, not at the last level.
        barred = _subtree_codes(tree, region.code) if region else set()
        for each in tree.regions:
            if each.code in barred or each.level >= tree.levels:
                continue
            level = names.get(each.level) or str(each.level)
            self.parent_choice.addItem(f"{each.path} ({level})", each.code)
        chosen = region.parent or "" if region else parent_code
        self.parent_choice.setCurrentIndex(max(0, self.parent_choice.findData(chosen)))
        if region is None:
            self.row(tr("admin", "&Code"), self.code, "field_code")
        self.row(tr("admin", "&Name"), self.name, "field_name")
        self.row(tr("admin", "&In region"), self.parent_choice, "field_parent")
        self.note.setText(
            tr(
                "admin",
                "A region's level follows from the region it is in; a region moves with the "
                "regions under it.",
            )
        )
        self.setWindowTitle(
            tr("admin", "New region")
            if region is None
            else tr("admin", "Region {code}").format(code=region.code)
        )
        (self.code if region is None else self.name).setFocus()

    def parent_code(self) -> str:
        return str(self.parent_choice.currentData() or "")


class LevelNamesEditor(_Box):
    """How many region levels the system has, and each level's name."""

    def __init__(self, tree: RegionTree, parent: QWidget | None = None) -> None:
        super().__init__("regionLevelsEditor", parent)
        self.levels = QSpinBox()
        self.levels.setRange(1, MAX_LEVELS)
        self.levels.setValue(max(1, tree.levels))
        self.row(tr("admin", "Number of &levels"), self.levels, "field_levels")
        self.names: dict[int, QLineEdit] = {}
        for level in range(1, MAX_LEVELS + 1):
            line = QLineEdit(tree.level_names.get(level, ""))
            self.names[level] = line
            self.row(tr("admin", "Level &{level}").format(level=level), line, f"level_{level}")
        self.before = dict(tree.level_names)
        self.levels.valueChanged.connect(self._show_levels)
        self._show_levels(self.levels.value())
        self.note.setText(
            tr(
                "admin",
                "Fewer levels than a region is at are refused: move or delete those regions first.",
            )
        )
        self.setWindowTitle(tr("admin", "Region levels"))
        self.levels.setFocus()

    def _show_levels(self, count: int) -> None:
        for level, line in self.names.items():
            line.setEnabled(level <= count)

    def changed_names(self) -> dict[int, str]:
        """The names typed differently from the saved ones, for the levels in use."""
        return {
            level: line.text()
            for level, line in self.names.items()
            if level <= self.levels.value() and line.text().strip() != self.before.get(level, "")
        }
