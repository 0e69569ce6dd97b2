"""Regions (manual 1.2-1.3): the region tree under its level names, searchable by code or
name (a match shows with the regions it is in). Insert adds a region in the selected one
(Shift+Insert a level-1 region), Enter or F2 renames or moves the selected one, Delete
deletes it (asked first), F4 the region levels (how many, their names), Ctrl+F the search.
The screen runs its own store calls through the window's database worker (``bind``);
changing needs ``admin_master_data`` (the core refuses without, and the buttons are off)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from starpos.masterdata.regions import RegionRow
from starpos.ui.admin.region_editors import LevelNamesEditor, RegionEditor
from starpos.ui.admin.region_service import RegionService
from starpos.ui.models.region_tree import (
    BuiltTree,
    RegionRole,
    RegionSearchFilter,
    RegionTreeModel,
    build_rows,
)
from starpos.ui.translator import tr

Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class RegionsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regions")
        self.service: RegionService | None = None
        self.run: Run | None = None
        self.shown: Callable[[], None] = lambda: None
        self.editor: RegionEditor | LevelNamesEditor | None = None
        self.title = QLabel()
        self.levels = QLabel()
        self.levels.setObjectName("regionLevels")
        self.levels.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.model = RegionTreeModel()
        self.proxy = RegionSearchFilter()
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setObjectName("regionTree")
        self.tree.setModel(self.proxy)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.table = self.tree  # the window focuses a bound screen's ``table``
        self.add_button = QPushButton()
        self.add_button.setObjectName("addRegion")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRegion")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteRegion")
        self.levels_button = QPushButton()
        self.levels_button.setObjectName("regionLevelsButton")
        self.count = QLabel()

        searching = QHBoxLayout()
        searching.addWidget(self.search_label)
        searching.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.levels_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.levels)
        layout.addLayout(searching)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.tree.setFocus)
        self.add_button.clicked.connect(lambda: self.add_region(top=False))
        self.edit_button.clicked.connect(self.edit_region)
        self.delete_button.clicked.connect(self.delete_region)
        self.levels_button.clicked.connect(self.edit_levels)
        self.tree.activated.connect(lambda _index: self.edit_region())
        for key, action in (
            (QKeySequence(Qt.Key.Key_Insert), lambda: self.add_region(top=False)),
            (QKeySequence("Shift+Ins"), lambda: self.add_region(top=True)),
            (QKeySequence(Qt.Key.Key_F2), self.edit_region),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_region),
            (QKeySequence(Qt.Key.Key_F4), self.edit_levels),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.retranslate_ui()

    def bind(self, service: RegionService, run: Run, shown: Callable[[], None]) -> None:
        self.service, self.run, self.shown = service, run, shown
        allowed = service.may_change()
        for button in (self.add_button, self.edit_button, self.delete_button, self.levels_button):
            button.setEnabled(allowed)

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Regions')}</h2>")
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "A part of a region's code or name"))
        self.add_button.setText(tr("admin", "&Add (Ins)"))
        self.edit_button.setText(tr("admin", "&Edit (F2)"))
        self.delete_button.setText(tr("admin", "&Delete (Del)"))
        self.levels_button.setText(tr("admin", "&Levels (F4)"))
        self.model.retranslate()
        self._show_levels()

    def _show_levels(self) -> None:
        tree = self.model.tree
        names = "   ".join(
            f"{level}. {tree.level_names.get(level) or '—'}" for level in range(1, tree.levels + 1)
        )
        self.levels.setText(tr("admin", "Region levels: {levels}").format(levels=names))
        self.count.setText(tr("admin", "{count} regions").format(count=len(tree.regions)))

    # --- the store -----------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        assert self.run is not None and self.service is not None
        service = self.service
        chosen = select or self.selected_code()
        # The items are made on the worker with the read, as the other pages' lists are.
        self.run(lambda: build_rows(service.tree()), lambda built: self.show_tree(built, chosen))

    def show_tree(self, built: BuiltTree, select: str | None = None) -> None:
        self.model.show_built(built)
        self._show_levels()
        self.tree.expandAll()
        index = self.model.index_of(select) if select else QModelIndex()
        shown = self.proxy.mapFromSource(index) if index.isValid() else QModelIndex()
        if not shown.isValid() and self.proxy.rowCount():
            shown = self.proxy.index(0, 0)
        if shown.isValid():
            self.tree.setCurrentIndex(shown)
        self.shown()

    def _filter(self) -> None:
        self.proxy.set_search(self.search.text())
        self.tree.expandAll()
        if not self.tree.currentIndex().isValid() and self.proxy.rowCount():
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def selected(self) -> RegionRow | None:
        index = self.tree.currentIndex()
        region = index.data(RegionRole) if index.isValid() else None
        return region if isinstance(region, RegionRow) else None

    def selected_code(self) -> str | None:
        region = self.selected()
        return region.code if region else None

    # --- the operator's actions -------------------------------------------------------------

    def _may(self) -> bool:
        return self.service is not None and self.run is not None and self.service.may_change()

    def add_region(self, top: bool) -> None:
        if not self._may():
            return
        above = None if top else self.selected()
        # A region at the last level has no room under it: the new one goes beside it.
        if above is not None and above.level >= self.model.tree.levels:
            above_code = above.parent or ""
        else:
            above_code = above.code if above else ""
        self._open(RegionEditor(self.model.tree, None, above_code, self))

    def edit_region(self) -> None:
        region = self.selected()
        if region is not None and self._may():
            self._open(RegionEditor(self.model.tree, region, parent=self))

    def edit_levels(self) -> None:
        if self._may():
            self._open(LevelNamesEditor(self.model.tree, self))

    def _open(self, editor: RegionEditor | LevelNamesEditor) -> None:
        self.editor = editor  # for tests and screenshots
        editor.accepted.connect(lambda: self._save(editor))
        editor.finished.connect(lambda _result: self.tree.setFocus())
        editor.open()

    def _save(self, editor: RegionEditor | LevelNamesEditor) -> None:
        assert self.run is not None and self.service is not None
        service = self.service
        if isinstance(editor, LevelNamesEditor):
            levels, names = editor.levels.value(), editor.changed_names()
            self.run(lambda: service.set_levels(levels, names), lambda _c: self.refresh())
            return
        code, name, parent = editor.code.text(), editor.name.text(), editor.parent_code()
        if editor.region is None:
            self.run(lambda: service.add(code, name, parent or None), self.refresh)
        else:
            self.run(lambda: service.change(code, name, parent), lambda _c: self.refresh(code))

    def delete_region(self) -> None:
        region = self.selected()
        if region is None or not self._may():
            return
        answer = QMessageBox.question(
            self,
            tr("admin", "Delete"),
            tr("admin", "Delete region {code} ({name})?").format(
                code=region.code, name=region.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            assert self.run is not None and self.service is not None
            service, code = self.service, region.code
            self.run(lambda: service.remove(code), lambda _none: self.refresh())
