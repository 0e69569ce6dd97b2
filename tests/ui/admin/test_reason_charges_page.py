"""Meter replacement reasons with their charges in the administration window (manual 2.4),
from the keyboard: the list shows each reason's charges, F3 opens the charge items with a
fixed amount to tick (Space) and Enter keeps them; a refusal is shown and changes nothing.
Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.db import Database
from starpos.masterdata.replacement_reason_charges import reason_charges_of
from starpos.operators.login import login
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.reason_charges import ReasonChargesDialog, ReasonListPage
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.ui.admin.test_admin_window import PASSWORD, _wait
from tests.ui.admin.test_admin_window import store as store
from tests.ui.screenshots import app_look, save, save_screen  # noqa: F401 - a fixture


@pytest.fixture
def window(
    qtbot: QtBot,
    store: Database,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    switch_language("en")
    worker = Worker("database")
    window = AdminWindow(
        CoreAdminService(store, login(store, "STAR", PASSWORD), "T01"), worker, ErrorFunnel()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    worker.stop()
    switch_language("en")


def test_a_reasons_charges_are_ticked_from_the_keyboard(
    qtbot: QtBot,
    window: AdminWindow,
    store: Database,
    screens_dir: Path,
) -> None:
    service = window.service
    for code, name, method, value in (
        ("RPL", "Meter replacement fee", "times", {"amount": Decimal("25.00")}),
        ("SEAL", "New seals", "times", {"amount": Decimal("4.50")}),
        ("LEVY", "Street lighting levy", "amount", {"percentage": Decimal("3")}),
    ):
        service.add("charge_item", {"code": code, "name": name, "method": method, **value})
    service.add("replacement_reason", {"code": "TAMPER", "name": "Meter tampered"})
    window.open_screen("replacement_reason")
    _wait(qtbot, window, "replacement_reason")
    page = window.lists["replacement_reason"]
    assert isinstance(page, ReasonListPage)
    charges_column = page.model.columnCount() - 1
    assert page.model.index(0, charges_column).data() == ""

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReasonChargesDialog))
    dialog = window.editor_of_charges
    shown = [dialog.items.item(n).text().split()[0] for n in range(dialog.items.count())]
    assert shown == ["RPL", "SEAL"]  # a percentage of nothing is not offered
    qtbot.keyClick(dialog.items, Qt.Key.Key_Space)  # RPL
    qtbot.keyClick(dialog.items, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Space)  # SEAL
    assert dialog.chosen == ["RPL", "SEAL"]
    save(dialog, screens_dir, "admin-reason-charges-en")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClick(dialog.items, Qt.Key.Key_Return)
    assert reason_charges_of(store, "TAMPER") == ["RPL", "SEAL"]
    assert page.model.index(0, charges_column).data() == "RPL, SEAL"
    save(window, screens_dir, "admin-replacement-reasons-en")

    switch_language("zh_CN")
    qtbot.waitUntil(lambda: page.charges_button.text() == "费用(&H)（F3）", timeout=3000)
    save(window, screens_dir, "admin-replacement-reasons-zh_CN")
