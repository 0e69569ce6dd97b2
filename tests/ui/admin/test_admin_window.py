"""The administration window on a real store, from the keyboard: the set-up checklist,
the system parameters, a list screen with its editor, search, and a refusal shown in the
operator's language with the data unchanged. Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.masterdata.starting_kit import start_empty
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.record_editor import RecordEditor
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.ui.screenshots import app_look, save, save_screen  # noqa: F401 - a fixture

PASSWORD = "lakeside-star-1"


@pytest.fixture
def store() -> Iterator[Database]:
    with open_database() as database:
        start_empty(database)
        change_password(database, "STAR", "star", PASSWORD)
        yield database


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Database,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    switch_language("en")
    worker = Worker("database")
    star = login(store, "STAR", PASSWORD)
    window = AdminWindow(CoreAdminService(store, star, "T01"), worker, ErrorFunnel())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    worker.stop()
    switch_language("en")


def _wait(qtbot: QtBot, window: AdminWindow, screen: str) -> None:
    """The screen shows the store's answer, and no other answer is still on its way (opening
    a screen asks too), so the next signal a test waits for is its own action's."""
    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=lambda k: k == screen):
        window.refresh()
    qtbot.waitUntil(lambda: not window.database.busy, timeout=5000)


def _type(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_from_the_checklist_to_a_saved_company_and_a_branch(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    _wait(qtbot, window, "checklist")
    items = window.checklist.items
    assert items.count() == 8 and "(to do)" in items.item(0).text()
    save(window, screens_dir, "admin-checklist-en")
    items.setFocus()
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(items, Qt.Key.Key_Return)  # the first item: company and currency
    assert window.current_screen() == "system"
    page = window.system
    _type(qtbot, page.inputs["company_name"], "Lakeside Power")
    _type(qtbot, page.inputs["currency"], "usd")
    _type(qtbot, page.inputs["time_zone"], "Africa/Lagos")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(page.inputs["time_zone"], Qt.Key.Key_Return)
    assert page.inputs["currency"].text() == "USD"  # as the store keeps it

    window.open_screen("branch")
    _wait(qtbot, window, "branch")
    branches = window.lists["branch"]
    qtbot.keyClick(branches.table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordEditor))
    editor = window.editor
    code, name = editor.inputs["code"], editor.inputs["name"]
    assert isinstance(code, QLineEdit) and isinstance(name, QLineEdit)
    qtbot.keyClicks(code, "br01")
    qtbot.keyClicks(name, "Lakeside branch")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(name, Qt.Key.Key_Return)
    assert branches.model.rowCount() == 1 and branches.selected() == {
        "code": "BR01", "name": "Lakeside branch", "address": "", "telephone": ""
    }  # fmt: skip

    window.open_screen("default_amounts")
    _wait(qtbot, window, "default_amounts")
    qtbot.keyClicks(window.amounts.amounts, "5 10 20.50")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(window.amounts.amounts, Qt.Key.Key_Return)
    assert window.service.amounts() == [Decimal(5), Decimal(10), Decimal("20.50")]

    window.open_screen("checklist")
    _wait(qtbot, window, "checklist")
    texts = [window.checklist.items.item(n).text() for n in range(8)]
    assert "(done)" in texts[0] and "(done)" in texts[6]  # company, default amounts


def test_search_fuzzy_and_exact_and_a_refusal_in_french(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    service = window.service
    for code, name in (("BR01", "Lakeside"), ("BR02", "Lake shore"), ("BR10", "Hill")):
        service.add("branch", {"code": code, "name": name})
    service.add("sales_point", {"code": "SP01", "name": "Office", "branch": "BR01"})
    window.open_screen("branch")
    _wait(qtbot, window, "branch")
    page = window.lists["branch"]
    qtbot.keyClicks(page.search, "br0")
    assert page.proxy.rowCount() == 2  # fuzzy: BR01, BR02 contain "br0"
    page.exact.setChecked(True)
    assert page.proxy.rowCount() == 0
    page.search.clear()
    qtbot.keyClicks(page.search, "br10")
    assert page.proxy.rowCount() == 1
    page.exact.setChecked(False)
    page.search.clear()

    switch_language("fr")
    page.table.setFocus()
    page.table.selectRow(0)
    shown: list[str] = []
    window.funnel.shown.connect(lambda _code, text: shown.append(text))
    QTimerYes.install()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0].startswith("Impossible de supprimer agence BR01")
    assert "points de vente" in shown[0]
    save_screen(window, screens_dir, "admin-refusal-fr")
    assert len(service.records("branch")) == 3


class QTimerYes:
    """Answer the delete question with Yes, as the operator would (Enter on Yes)."""

    @staticmethod
    def install() -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                box.button(QMessageBox.StandardButton.Yes).click()
            else:
                QTimer.singleShot(50, answer)

        QTimer.singleShot(50, answer)


@pytest.mark.parametrize("language", ["en", "fr", "zh_CN"])
def test_pictures_of_the_screens(
    qtbot: QtBot, window: AdminWindow, screens_dir: Path, language: str
) -> None:
    service = window.service
    service.add("branch", {"code": "BR01", "name": "Lakeside branch"})
    for code, name in (("SP01", "Lakeside office"), ("SP02", "Market kiosk")):
        service.add("sales_point", {"code": code, "name": name, "branch": "BR01"})
    switch_language(language)
    window.open_screen("sales_point")
    _wait(qtbot, window, "sales_point")
    save(window, screens_dir, f"admin-sales-points-{language}")
    window.open_screen("checklist")
    _wait(qtbot, window, "checklist")
    save(window, screens_dir, f"admin-checklist-{language}")
    window.open_screen("sales_point")
    _wait(qtbot, window, "sales_point")
    window.lists["sales_point"].table.selectRow(0)
    qtbot.keyClick(window.lists["sales_point"].table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordEditor))
    save_screen(window, screens_dir, f"admin-sales-point-editor-{language}")
    window.editor.reject()


def test_a_cashier_added_from_the_keyboard(
    qtbot: QtBot, window: AdminWindow, store: Database, screens_dir: Path
) -> None:
    from starpos.operators.accounts import add_role

    window.service.add("branch", {"code": "BR01", "name": "Lakeside branch"})
    window.service.add("sales_point", {"code": "SP01", "name": "Office", "branch": "BR01"})
    add_role(store, login(store, "STAR", PASSWORD), "CASHIER", "Cashier", ["vend"])
    window.open_screen("operators")
    _wait(qtbot, window, "operators")
    page = window.operators
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    dialog = page.dialog
    qtbot.keyClicks(dialog.code, "cash1")
    qtbot.keyClicks(dialog.name, "First cashier")
    qtbot.keyClicks(dialog.password, "temporary-1")
    save_screen(window, screens_dir, "admin-new-operator-en")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    cashier = next(o for o in page.model._rows if o.code == "CASH1")
    assert (cashier.sales_point, cashier.roles, cashier.must_change_password) == (
        "SP01",
        ("CASHIER",),
        True,
    )
    page.table.selectRow([o.code for o in page.model._rows].index("CASH1"))
    window.activateWindow()  # offscreen, a closed dialog leaves no window active
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page.table.setFocus()
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_F8)
    assert next(o for o in page.model._rows if o.code == "CASH1").forbid_login
    save(window, screens_dir, "admin-operators-en")
    window.open_screen("checklist")
    _wait(qtbot, window, "checklist")
    assert "(to do)" in window.checklist.items.item(7).text()  # forbidden: nobody may sell
