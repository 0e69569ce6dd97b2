"""A charge item's editor shows the versions of its priced terms and saves a change from the
day typed, from the keyboard (issue 12; decision BO-23). Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
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


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_list_shows_the_terms_in_force_and_the_scheduled_change(
    qtbot: QtBot, window: AdminWindow, screens_dir: Path, language: str
) -> None:
    """Decisions BO-29, BO-30: 1.50 prices today's sales, 2.00 is said as scheduled; the
    method reads as a word of the language, not its stored spelling."""
    later = date.today() + timedelta(days=10)
    window.service.update(
        "charge_item", "SVC", {"amount": Decimal("2.00")},
        datetime.combine(later, datetime.min.time()),
    )  # fmt: skip
    switch_language(language)
    window.open_screen("charge_item")
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.refresh()
    page = window.lists["charge_item"]
    model = page.proxy
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=20000)
    texts = [model.index(0, column).data() for column in range(model.columnCount())]
    assert "1.50" in texts and "2.00" not in texts
    month_word = {"en": "Monthly", "fr": "Mensuel"}[language]
    assert month_word in texts and "monthly" not in texts
    scheduled = {"en": f"Amount 2.00 from {later:%Y-%m-%d}",
                 "fr": f"Montant 2.00 à partir du {later:%Y-%m-%d}"}[language]  # fmt: skip
    assert texts[-1] == scheduled
    assert model.index(0, len(texts) - 1).data(Qt.ItemDataRole.ToolTipRole) == scheduled
    save_screen(window, screens_dir, f"admin-charge-items-scheduled-{language}")
    editor = _open_editor(qtbot, window)
    method = editor.inputs["method"]
    assert isinstance(method, QComboBox) and method.currentText() == month_word
    amount = editor.inputs["amount"]
    assert isinstance(amount, QLineEdit) and amount.text() == "1.50"
    editor.reject()
