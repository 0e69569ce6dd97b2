"""Regions (manual 1.2-1.3) in the administration window, on a real store, from the
keyboard: the levels named, a tree typed in (Insert under the selected region, Shift+Insert
at level 1), a region renamed and moved (F2), the search keeping the matches with the
regions they are in, a region with regions under it refused on Delete (in French) with the
store unchanged. Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from starpos.db import Database
from starpos.masterdata.company import set_system_parameters
from starpos.masterdata.customer_changes import CustomerCard
from starpos.masterdata.regions import RegionRow, RegionTree, read_region_tree
from starpos.operators.login import login
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.customer_editors import CUSTOMER_FIELDS, CustomerEditor
from starpos.ui.admin.region_editors import LevelNamesEditor, RegionEditor
from starpos.ui.models.region_tree import RegionSearchFilter, RegionTreeModel
from starpos.ui.translator import switch_language
from tests.ui.admin.test_admin_window import PASSWORD, QTimerYes, _wait
from tests.ui.admin.test_admin_window import store as store
from tests.ui.admin.test_tariffs_page import _open_window
from tests.ui.screenshots import app_look, save, save_screen  # noqa: F401 - a fixture

WAIT = 20_000


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Database,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    set_system_parameters(
        store, login(store, "STAR", PASSWORD), company_name="Lakeside Power", currency="USD"
    )
    window = _open_window(qtbot, store, "STAR", PASSWORD)
    yield window
    window.database.stop()
    switch_language("en")


def _open_regions(qtbot: QtBot, window: AdminWindow) -> None:
    window.open_screen("regions")
    _wait(qtbot, window, "regions")


def _activate(qtbot: QtBot, window: AdminWindow) -> None:
    """Offscreen, nothing gives the window back its activation when a box closes."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    window.regions.tree.setFocus()


def _box(qtbot: QtBot, window: AdminWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> object:
    page = window.regions
    _activate(qtbot, window)
    qtbot.keyClick(page.tree, key, modifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is page.editor, timeout=WAIT)
    return page.editor


def _save(qtbot: QtBot, window: AdminWindow, line: QLineEdit) -> None:
    with qtbot.waitSignal(
        window.refreshed, timeout=WAIT, check_params_cb=lambda key: key == "regions"
    ):
        qtbot.keyClick(line, Qt.Key.Key_Return)


def _add(
    qtbot: QtBot, window: AdminWindow, code: str, name: str, top: bool = False
) -> RegionEditor:
    modifier = Qt.KeyboardModifier.ShiftModifier if top else Qt.KeyboardModifier.NoModifier
    editor = _box(qtbot, window, Qt.Key.Key_Insert, modifier)
    assert isinstance(editor, RegionEditor)
    qtbot.keyClicks(editor.code, code)
    qtbot.keyClick(editor.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.name, name)
    _save(qtbot, window, editor.name)
    return editor


def _shown(window: AdminWindow) -> list[tuple[str, int]]:
    """The codes the tree shows, each with its depth, top to bottom."""
    proxy, found = window.regions.proxy, []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 1, parent)
            found.append((str(index.data()), depth))
            walk(proxy.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 1)
    return found


def test_a_region_tree_typed_in_renamed_moved_and_searched(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    _open_regions(qtbot, window)
    levels = _box(qtbot, window, Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)
    assert isinstance(levels, LevelNamesEditor)
    for level, name in ((1, "Province"), (2, "District"), (3, "Ward")):
        qtbot.keyClicks(levels.names[level], name)
    assert not levels.names[4].isEnabled()  # the system has three levels
    save_screen(window, screens_dir, "admin-region-levels-en")
    _save(qtbot, window, levels.names[3])
    assert "1. Province" in window.regions.levels.text()

    _add(qtbot, window, "n", "North", top=True)
    _add(qtbot, window, "kano", "Kano")  # under North, selected after it was added
    _add(qtbot, window, "W3", "Ward 3")
    _add(qtbot, window, "S", "South", top=True)
    assert _shown(window) == [("N", 1), ("KANO", 2), ("W3", 3), ("S", 1)]
    page = window.regions
    page.tree.setCurrentIndex(page.proxy.mapFromSource(page.model.index_of("KANO")))
    save(window, screens_dir, "admin-regions-en")

    editor = _box(qtbot, window, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    assert isinstance(editor, RegionEditor) and not editor.code.isEnabled()
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Kano State")
    qtbot.keyClick(editor.name, Qt.Key.Key_Tab)
    choices = [editor.parent_choice.itemData(n) for n in range(editor.parent_choice.count())]
    assert choices == ["", "N", "S"]  # not itself, not its ward, nothing at the last level
    qtbot.keyClick(editor.parent_choice, Qt.Key.Key_End)  # South
    save_screen(window, screens_dir, "admin-region-editor-en")
    _save(qtbot, window, editor.name)
    assert _shown(window) == [("N", 1), ("S", 1), ("KANO", 2), ("W3", 3)]
    assert [(r.code, r.level, r.path) for r in read_region_tree(store).regions][2:] == [
        ("KANO", 2, "South / Kano State"),
        ("W3", 3, "South / Kano State / Ward 3"),
    ]

    page.search.setFocus()
    qtbot.keyClicks(page.search, "ward")
    assert _shown(window) == [("S", 1), ("KANO", 2), ("W3", 3)]  # the match and its regions
    page.search.clear()

    switch_language("fr")
    page.tree.setCurrentIndex(page.proxy.mapFromSource(page.model.index_of("KANO")))
    messages: list[str] = []
    window.funnel.shown.connect(lambda _code, text: messages.append(text))
    before = read_region_tree(store)
    _activate(qtbot, window)
    QTimerYes.install()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(messages), timeout=WAIT)
    assert messages[0].startswith("Impossible de supprimer région KANO")
    assert read_region_tree(store) == before
    save_screen(window, screens_dir, "admin-region-refused-fr")


@pytest.mark.parametrize("language", ["fr", "zh_CN"])
def test_pictures_in_french_and_chinese(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path, language: str
) -> None:
    service = window.service.regions()
    service.set_levels(3, {1: "Province", 2: "District", 3: "Ward"})
    service.add("N", "North", None)
    service.add("KANO", "Kano", "N")
    service.add("W3", "Ward 3", "KANO")
    service.add("S", "South", None)
    switch_language(language)
    _open_regions(qtbot, window)
    save(window, screens_dir, f"admin-regions-{language}")


def test_the_tree_model_and_its_search_without_a_view(qapp: QApplication) -> None:
    del qapp
    model = RegionTreeModel()
    model.set_tree(
        RegionTree(
            levels=3,
            level_names={1: "Province"},
            regions=[
                RegionRow("N", "North", 1, None, "North"),
                RegionRow("K", "Kano", 2, "N", "North / Kano"),
                RegionRow("S", "South", 1, None, "South"),
            ],
        )
    )
    assert model.rowCount() == 2 and model.rowCount(model.index(0, 0)) == 1
    kano = model.index_of("K")
    assert kano.data() == "Kano" and kano.siblingAtColumn(2).data() == "Level 2"
    assert model.index(0, 2).data() == "Province"
    search = RegionSearchFilter()
    search.setSourceModel(model)
    search.set_search("KAN")
    assert search.rowCount() == 1 and search.index(0, 1).data() == "N"
    assert search.rowCount(search.index(0, 0)) == 1
    search.set_search("south")
    assert search.rowCount() == 1 and search.index(0, 1).data() == "S"


def test_the_customer_editor_shows_a_region_by_its_path(qapp: QApplication) -> None:
    del qapp
    card = CustomerCard(
        code="C0000001",
        status="active",
        values={name: None for name, _label in CUSTOMER_FIELDS} | {"region": "W3"},
        choices={"customer_type": ["RES"], "region": ["N", "W3"], "bank": []},
        region_paths={"N": "North", "W3": "North / Kano / Ward 3"},
    )
    editor = CustomerEditor(card)
    region = editor.inputs["region"]
    assert isinstance(region, QComboBox)
    assert region.currentText() == "North / Kano / Ward 3 (W3)"
    assert region.currentData() == "W3"


def test_the_tree_is_built_on_the_database_worker(
    qtbot: QtBot, window: AdminWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's items are made where the other pages make their lists, off the GUI thread:
    a tree of thousands of regions must not freeze the window while it is built."""
    import threading

    from starpos.masterdata.regions import add_region, set_region_levels
    from starpos.ui.models import region_tree

    star = window.service.operator
    set_region_levels(window.service.database, star, {1: "Province", 2: "District"}, 2)
    add_region(window.service.database, star, "N", "North", None)
    add_region(window.service.database, star, "K", "Kano", "N")
    made_on: list[str] = []

    class WatchedItem(region_tree.QStandardItem):  # type: ignore[misc]
        def __init__(self, *args: object) -> None:
            made_on.append(threading.current_thread().name)
            super().__init__(*args)

    monkeypatch.setattr(region_tree, "QStandardItem", WatchedItem)
    _open_regions(qtbot, window)
    assert [code for code, _depth in _shown(window)] == ["N", "K"]
    assert made_on and threading.main_thread().name not in made_on
