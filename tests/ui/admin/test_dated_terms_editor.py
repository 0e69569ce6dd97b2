"""A charge item's editor shows the versions of its priced terms and saves a change from the
day typed, from the keyboard (issue 12; decision BO-23). Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.masterdata.starting_kit import start_empty
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.record_editor import RecordEditor
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture

PASSWORD = "lakeside-star-1"


@pytest.fixture
def window(
    qtbot: QtBot,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    with open_database() as database:
        start_empty(database)
        change_password(database, "STAR", "star", PASSWORD)
        switch_language("en")
        worker = Worker("database")
        service = CoreAdminService(database, login(database, "STAR", PASSWORD), "T01")
        service.add(
            "charge_item",
            {"code": "SVC", "name": "Service", "method": "monthly", "amount": Decimal("1.50")},
        )
        window = AdminWindow(service, worker, ErrorFunnel())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        yield window
        worker.stop()
        switch_language("en")


def _open_editor(qtbot: QtBot, window: AdminWindow) -> RecordEditor:
    window.open_screen("charge_item")
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.refresh()
    qtbot.waitUntil(lambda: not window.database.busy, timeout=20000)
    table = window.lists["charge_item"].table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), RecordEditor), timeout=20000
    )
    return window.editor


def test_a_change_from_a_day_typed_in_the_editor(qtbot: QtBot, window: AdminWindow) -> None:
    editor = _open_editor(qtbot, window)
    assert editor.versions is not None and editor.versions.count() == 1
    assert "(in force)" in editor.versions.item(0).text()
    assert editor.since is not None and editor.effective_from() is None  # today: from now
    wanted = QDate.currentDate().addMonths(1)
    editor.since.setDate(wanted)
    next_month = date(wanted.year(), wanted.month(), wanted.day())
    amount = editor.inputs["amount"]
    assert isinstance(amount, QLineEdit)
    amount.selectAll()
    qtbot.keyClicks(amount, "2.25")
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        qtbot.keyClick(amount, Qt.Key.Key_Return)
    versions = window.service.dated_history("charge_item", "SVC")
    start = datetime.combine(next_month, datetime.min.time())
    assert [(v["effective_from"], v["amount"], v["in_force"]) for v in versions][1:] == [
        (start, Decimal("2.25"), False)
    ]
    assert versions[0]["amount"] == Decimal("1.50") and versions[0]["in_force"]


@pytest.mark.parametrize("language", ["en", "fr", "zh_CN"])
def test_pictures_of_the_charge_item_editor(
    qtbot: QtBot, window: AdminWindow, screens_dir: Path, language: str
) -> None:
    window.service.update(
        "charge_item",
        "SVC",
        {"amount": Decimal("2.00")},
        datetime.combine(date.today() + timedelta(days=10), datetime.min.time()),
    )
    switch_language(language)
    editor = _open_editor(qtbot, window)
    assert editor.versions is not None and editor.versions.count() == 2
    save_screen(window, screens_dir, f"admin-charge-item-versions-{language}")
    editor.reject()
