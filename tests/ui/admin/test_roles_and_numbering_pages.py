"""Operator roles (manual 2.5) and numbering rules (manual 2.13) in the administration window,
on a real store, from the keyboard: a role typed in with its permissions ticked in the
matrix, a role operators have refused on delete with the store unchanged, a numbering rule
edited with its sample number following, and the two refusals of the numbering editor said
inline (English, French, Chinese) with nothing written. Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from starpos.db import Database
from starpos.db.enums import RoleKind
from starpos.db.models import NumberingField
from starpos.masterdata.numbering_rules import read_rules
from starpos.operators import permissions
from starpos.operators.roles import list_roles
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.numbering_editor import NumberingEditor
from starpos.ui.admin.role_editor import RoleEditor
from starpos.ui.translator import switch_language
from tests.ui.admin.test_admin_window import PASSWORD, QTimerYes, _wait
from tests.ui.admin.test_admin_window import store as store
from tests.ui.admin.test_tariffs_page import _open_window
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Database,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    window = _open_window(qtbot, store, "STAR", PASSWORD)
    yield window
    window.database.stop()
    switch_language("en")


def _roles(store: Database) -> dict[str, tuple[str, str, frozenset[str]]]:
    with store.reading() as session:
        return {r.code: (r.name, r.kind, r.permissions) for r in list_roles(session)}


def _role_editor(qtbot: QtBot, window: AdminWindow, key: Qt.Key) -> RoleEditor:
    window.roles.table.setFocus()
    qtbot.keyClick(window.roles.table, key)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RoleEditor))
    assert window.roles.editor is not None
    return window.roles.editor


def test_a_role_typed_in_with_its_matrix_then_changed(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    window.open_screen("roles")
    _wait(qtbot, window, "roles")
    editor = _role_editor(qtbot, window, Qt.Key.Key_Insert)
    qtbot.keyClicks(editor.code, "sup")
    qtbot.keyClick(editor.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.name, "Supervisor")
    qtbot.keyClick(editor.name, Qt.Key.Key_Tab)
    qtbot.keyClick(editor.kind, Qt.Key.Key_Down)  # manager
    editor.tree.setFocus()
    tree = editor.tree
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # the first group: everything at the counter
    for _ in range(7):  # past the four counter rights and the group, to cash drop
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert editor.granted() == {
        permissions.VEND, permissions.REPRINT, permissions.CANCEL_TOKEN, permissions.REFUND,
        permissions.CASH_DROP,
    }  # fmt: skip
    save_screen(editor, screens_dir, "admin-role-editor-en")
    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=lambda k: k == "roles"):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert _roles(store)["SUP"] == ("Supervisor", "manager", frozenset(editor.granted()))

    # Enter on the selected role opens its matrix as stored; untick refund, save
    window.roles.search.setFocus()
    qtbot.keyClicks(window.roles.search, "sup")
    qtbot.keyClick(window.roles.search, Qt.Key.Key_Return)
    editor = _role_editor(qtbot, window, Qt.Key.Key_Return)
    assert not editor.code.isEnabled() and editor.kind.currentData() == RoleKind.MANAGER.value
    tree = editor.tree
    tree.setFocus()
    for _ in range(4):
        qtbot.keyClick(tree, Qt.Key.Key_Down)  # refund
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=lambda k: k == "roles"):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert permissions.REFUND not in _roles(store)["SUP"][2]
    window.service.add_role("CASHIER", "Cashier", RoleKind.GENERAL, {permissions.VEND})
    window.service.add_role("ADMIN", "Administrator", RoleKind.MANAGER, permissions.ALL)
    window.service.add_operator("CASH1", "Ann", "", "CASHIER", "temporary-1")
    window.roles.search.clear()
    _wait(qtbot, window, "roles")
    save_screen(window, screens_dir, "admin-roles-en")


def test_a_role_operators_have_is_not_deleted(
    qtbot: QtBot, window: AdminWindow, store: Database
) -> None:
    window.service.add_role("CASHIER", "Cashier", RoleKind.GENERAL, {permissions.VEND})
    window.service.add_operator("CASH1", "Ann", "", "CASHIER", "temporary-1")
    before = _roles(store)
    window.open_screen("roles")
    _wait(qtbot, window, "roles")
    shown: list[str] = []
    window.funnel.shown.connect(lambda _code, text: shown.append(text))
    QTimerYes.install()
    window.roles.table.setFocus()
    qtbot.keyClick(window.roles.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0].startswith("The role CASHIER is given to 1 operator(s) (CASH1)")
    assert _roles(store) == before


def _numbering_editor(qtbot: QtBot, window: AdminWindow, bill_type: str) -> NumberingEditor:
    window.open_screen("numbering")
    _wait(qtbot, window, "numbering")
    page = window.numbering
    rows = [page.model.record_at(n)[0].bill_type for n in range(page.model.rowCount())]
    page.table.selectRow(rows.index(bill_type))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), NumberingEditor))
    assert page.editor is not None
    return page.editor


def _with_two_terminals(window: AdminWindow) -> None:
    service = window.service
    service.add("branch", {"code": "BR01", "name": "Lakeside branch"})
    service.add("sales_point", {"code": "SP01", "name": "Office", "branch": "BR01"})
    for code in ("T01", "T02"):
        service.add("terminal", {"code": code, "name": f"Counter {code}", "sales_point": "SP01"})


def test_a_rule_edited_with_its_sample_following(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    _with_two_terminals(window)
    editor = _numbering_editor(qtbot, window, "customer")
    assert editor.sample.text().endswith(": C0000001")
    editor.texts[0].setFocus()
    editor.texts[0].selectAll()
    qtbot.keyClicks(editor.texts[0], "CU")
    editor.kinds[1].setFocus()
    for _ in range(3):
        qtbot.keyClick(editor.kinds[1], Qt.Key.Key_Down)  # year (26)
    editor.digits.setFocus()
    editor.digits.selectAll()
    qtbot.keyClicks(editor.digits, "6")
    year = editor.facts.sample.when.year % 100
    assert editor.sample.text() == f"Sample number: CU{year:02d}000001"
    assert editor.problem.text() == ""
    save_screen(window, screens_dir, "admin-numbering-editor-en")
    with qtbot.waitSignal(
        window.refreshed, timeout=5000, check_params_cb=lambda k: k == "numbering"
    ):
        qtbot.keyClick(editor.digits, Qt.Key.Key_Return)
    with store.reading() as session:
        rule = next(r for r in read_rules(session) if r.bill_type == "customer")
    assert (rule.serial_digits, [f.kind.value for f in rule.fields]) == (6, ["fixed", "year2"])
    save_screen(window, screens_dir, "admin-numbering-en")


@pytest.mark.parametrize("language", ["en", "fr", "zh_CN"])
def test_the_editor_refuses_inline_and_writes_nothing(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path, language: str
) -> None:
    _with_two_terminals(window)
    with store.reading() as session:
        before = read_rules(session)
    editor = _numbering_editor(qtbot, window, "vend")
    switch_language(language)
    # the terminal is the last field of the kit's sale rule: take it away
    last = max(n for n, kind in enumerate(editor.kinds) if kind.currentData())
    assert editor.kinds[last].currentData() == "terminal"
    editor.kinds[last].setFocus()
    editor.kinds[last].setCurrentIndex(0)
    words = {"en": "add the terminal field", "fr": "ajoutez le champ terminal",
             "zh_CN": "请加入终端字段"}  # fmt: skip
    assert words[language] in editor.problem.text()
    save_screen(window, screens_dir, f"admin-numbering-refused-{language}")
    qtbot.keyClick(editor.kinds[last], Qt.Key.Key_Return)  # Save: refused, stays open
    assert editor.isVisible() and editor.values is None

    editor.kinds[last].setCurrentIndex(editor.kinds[last].findData("terminal"))
    assert editor.problem.text() == ""
    editor.digits.setValue(10)  # V + 26 + 12 + SP01 + T01 + ten digits: 22 characters
    assert "22" in editor.problem.text() and "20" in editor.problem.text()
    qtbot.keyClick(editor.digits, Qt.Key.Key_Return)
    assert editor.isVisible()
    editor.reject()
    with store.reading() as session:
        assert read_rules(session) == before


def test_the_checklist_item_of_numbering_without_the_terminal_opens_the_rules(
    qtbot: QtBot, window: AdminWindow, store: Database
) -> None:
    _with_two_terminals(window)
    with store.unit_of_work() as uow:  # a rule as the head office or an old demo sent it
        uow.session.execute(
            delete(NumberingField).where(
                NumberingField.bill_type == "vend", NumberingField.kind == "terminal"
            )
        )
        uow.commit()
    _wait(qtbot, window, "checklist")
    items = window.checklist.items
    keys = [items.item(n).data(Qt.ItemDataRole.UserRole) for n in range(items.count())]
    items.setFocus()
    items.setCurrentRow(keys.index("terminal_numbering"))
    with qtbot.waitSignal(
        window.refreshed, timeout=5000, check_params_cb=lambda k: k == "numbering"
    ):
        qtbot.keyClick(items, Qt.Key.Key_Return)
    assert window.current_screen() == "numbering"


def test_the_role_editor_in_chinese(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    window.service.add_role("CASHIER", "Cashier", RoleKind.GENERAL, {permissions.VEND})
    switch_language("zh_CN")
    window.open_screen("roles")
    _wait(qtbot, window, "roles")
    editor = _role_editor(qtbot, window, Qt.Key.Key_F2)
    assert editor.groups[0].text(0) == "柜台"
    assert editor.items[permissions.VEND].checkState(0) == Qt.CheckState.Checked
    save_screen(window, screens_dir, "admin-role-editor-zh_CN")
    editor.reject()
