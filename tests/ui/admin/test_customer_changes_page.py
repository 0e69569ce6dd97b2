"""Change a customer, change their meter and add a meter contract from the customers screen,
keyboard only, on a real store: F2 / F4 / Ins on the selected customer, Tab between fields,
Enter saves; a date that is not one is said in the box with nothing sent; a refusal of the
store (a meter already installed) comes back in the operator's language with the store
unchanged. Pictures go to docs/screens/ (English and French)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.masterdata.customer_changes import customer_card
from starpos.masterdata.meter_changes import meter_card
from starpos.masterdata.registration import register_with_meters
from starpos.operators.login import login
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.customer_editors import AddMeterDialog, CustomerEditor, MeterEditor
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import FIRST, SECOND, STAR_PASSWORD, Utility, set_up
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture


@pytest.fixture
def world(
    qtbot: QtBot,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[tuple[Utility, AdminWindow]]:
    switch_language("en")
    with open_database() as database:
        utility = set_up(database)
        star = login(database, "STAR", STAR_PASSWORD)
        worker = Worker("database")
        window = AdminWindow(CoreAdminService(database, star, "T01"), worker, ErrorFunnel())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        try:
            with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=_customers):
                window.open_screen("customers")
            qtbot.waitUntil(lambda: not worker.busy, timeout=5000)
            yield utility, window
        finally:
            worker.stop()
            switch_language("en")


def _customers(screen: str) -> bool:
    return screen == "customers"


def _box(qtbot: QtBot, window: AdminWindow, key: Qt.Key, kind: type[QDialog]) -> QDialog:
    page = window.customers
    # A closed box gives the window back its focus under a window manager; offscreen has
    # none, so the window is made active again as the manager would.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    page.table.setFocus()
    qtbot.keyClick(page.table, key)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
    assert page.editor is not None
    return page.editor


def _retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)


def _save(qtbot: QtBot, window: AdminWindow, widget: QLineEdit) -> None:
    """Enter in the box: saved, and the list asked again."""
    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=_customers):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.database.busy, timeout=5000)


def test_a_customer_and_their_meter_changed_from_the_keyboard(
    qtbot: QtBot, world: tuple[Utility, AdminWindow], screens_dir: Path
) -> None:
    utility, window = world
    code = utility.customer_code
    editor = _box(qtbot, window, Qt.Key.Key_F2, CustomerEditor)
    assert isinstance(editor, CustomerEditor)
    name = editor.inputs["name"]
    assert isinstance(name, QLineEdit) and name.text() == "Ada Lake"
    name.setFocus()
    _retype(qtbot, name, "Ada Lake-Brown")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    address = QApplication.focusWidget()
    assert address is editor.inputs["address"]
    qtbot.keyClicks(address, "3 Shore Road")
    save_screen(window, screens_dir, "admin-customer-change-en")
    registered = editor.inputs["registered_on"]
    assert isinstance(registered, QLineEdit)
    registered.setFocus()
    _retype(qtbot, registered, "5/1/2026")
    qtbot.keyClick(registered, Qt.Key.Key_Return)
    assert "is not a date" in editor.problem.text() and editor.isVisible()
    assert customer_card(utility.database, code).values["name"] == "Ada Lake"  # nothing sent
    _retype(qtbot, registered, "2026-01-05")
    _save(qtbot, window, registered)
    values = customer_card(utility.database, code).values
    assert (values["name"], values["address"]) == ("Ada Lake-Brown", "3 Shore Road")
    assert values["registered_on"] == date(2026, 1, 5)
    assert window.customers.model._rows[0].name == "Ada Lake-Brown"

    meter = _box(qtbot, window, Qt.Key.Key_F4, MeterEditor)
    assert isinstance(meter, MeterEditor) and meter.number == FIRST
    assert "600101" in meter.key.text()
    end = meter.inputs["contract_end"]
    assert isinstance(end, QLineEdit)
    end.setFocus()
    qtbot.keyClicks(end, "2031-12-31")
    save_screen(window, screens_dir, "admin-meter-change-en")
    _save(qtbot, window, end)
    assert meter_card(utility.database, FIRST).values["contract_end"] == date(2031, 12, 31)


def test_a_meter_contract_added_then_one_refused_in_french(
    qtbot: QtBot, world: tuple[Utility, AdminWindow], screens_dir: Path
) -> None:
    utility, window = world
    code = utility.customer_code
    adding = _box(qtbot, window, Qt.Key.Key_Insert, AddMeterDialog)
    assert isinstance(adding, AddMeterDialog)
    assert QApplication.focusWidget() is adding.number
    qtbot.keyClicks(adding.number, SECOND)
    save_screen(window, screens_dir, "admin-add-meter-en")
    _save(qtbot, window, adding.number)
    assert meter_card(utility.database, SECOND).customer == code
    assert window.customers.model._rows[0].meters == (FIRST, SECOND)

    switch_language("fr")
    shown: list[str] = []
    window.funnel.shown.connect(lambda _code, text: shown.append(text))
    again = _box(qtbot, window, Qt.Key.Key_Insert, AddMeterDialog)
    assert isinstance(again, AddMeterDialog)
    save_screen(window, screens_dir, "admin-add-meter-fr")
    qtbot.keyClicks(again.number, FIRST)  # already this customer's
    before = meter_card(utility.database, FIRST)
    qtbot.keyClick(again.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert FIRST in shown[0] and "Meter" not in shown[0]
    assert meter_card(utility.database, FIRST) == before


def test_the_changed_customer_stays_selected_and_f4_needs_a_meter(
    qtbot: QtBot, world: tuple[Utility, AdminWindow]
) -> None:
    utility, window = world
    other = register_with_meters(
        utility.database, utility.star, name="Bo Shore", customer_type_code="RES", meters=[]
    )
    page = window.customers
    _wait(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected() is not None and page.selected().code == other
    assert not page.meter_button.isEnabled() and page.add_meter_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_F4)  # no meter: nothing opens
    qtbot.wait(200)
    assert QApplication.activeModalWidget() is None
    editor = _box(qtbot, window, Qt.Key.Key_F2, CustomerEditor)
    assert isinstance(editor, CustomerEditor)
    telephone = editor.inputs["telephone"]
    assert isinstance(telephone, QLineEdit)
    telephone.setFocus()
    qtbot.keyClicks(telephone, "+234 802")
    _save(qtbot, window, telephone)
    assert customer_card(utility.database, other).values["telephone"] == "+234 802"
    assert page.selected() is not None and page.selected().code == other


def _wait(qtbot: QtBot, window: AdminWindow) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=5000, check_params_cb=_customers):
        window.refresh()
    qtbot.waitUntil(lambda: not window.database.busy, timeout=5000)
