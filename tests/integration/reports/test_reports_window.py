"""The Reports window over the hand-made world, with the real runner on the real database
worker: pick, filter, run, sort with the totals row kept, charts, export, print preview,
and the reprint dialog's look-up; pictures in English and French for docs/screens/."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from starpos.db import Database
from starpos.reports.runner import ReportRunner
from starpos.ui.core_services import ReportsOnWorkers
from starpos.ui.counter_app import CounterApp
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.reports.print_document import report_document
from starpos.ui.reports.reports_window import ReportsWindow
from starpos.ui.reports.reprint_dialog import ReprintDialog
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import switch_language
from tests.integration.reports.report_world import NUMBERS
from tests.support.store_backends import SQLITE
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import FakeAuth, FakeCounter
from tests.ui.screenshots import SCREENS, app_look, save  # noqa: F401 (fixture)

pytestmark = pytest.mark.parametrize("store_backend", [SQLITE], indirect=True)


@pytest.fixture
def screens(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("STARPOS_SCREENS_DIR") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def workers() -> Iterator[Workers]:
    started = Workers()
    yield started
    started.stop()


@pytest.fixture
def window(
    qtbot: QtBot,
    world: Database,
    workers: Workers,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[ReportsWindow]:
    shown = ReportsWindow(ReportsOnWorkers(ReportRunner(world)), workers, ErrorFunnel())
    qtbot.addWidget(shown)
    shown.resize(*SCREENS["1366x768"])  # the cashier's screen
    shown.show()
    yield shown
    switch_language("en")


def run(qtbot: QtBot, window: ReportsWindow, **typed: str) -> None:
    for name, text in typed.items():
        field = window.inputs[name]
        assert isinstance(field, QLineEdit)
        field.setText(text)
    window.shown = None
    qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.shown is not None, timeout=10_000)


def cells(window: ReportsWindow, column: str) -> list[str]:
    index = window.report.keys.index(column)
    proxy = window.proxy
    return [proxy.index(row, index).data() for row in range(proxy.rowCount())]


def totals(window: ReportsWindow, column: str) -> str:
    item = window.totals.item(0, window.report.keys.index(column))
    return item.text() if item else ""


def test_power_vending_on_screen_sorted_with_totals_charts_and_exports(
    qtbot: QtBot, window: ReportsWindow, screens: Path, tmp_path: Path
) -> None:
    window.choose("power-vending")
    run(qtbot, window)
    assert cells(window, "bill") == ["B-V5", "B-V6", "B-V3", "B-V1", "B-V2"]
    assert totals(window, "net") == "56.00" and totals(window, "energy_kwh") == "340.0"
    assert totals(window, "date") == "Total: 5 rows"
    net = window.report.keys.index("net")
    window.table.sortByColumn(net, Qt.SortOrder.DescendingOrder)
    assert cells(window, "net") == ["25.00", "10.00", "9.00", "7.00", "5.00"]
    assert totals(window, "net") == "56.00"  # the totals row stays below, whatever the order
    assert window.charts[2].items == [("CASH", 31), ("CARD", 25)]
    assert [label for label, _ in window.charts[0].items][-2:] == ["2026-11-30", "2026-12-01"]
    save(window, screens, "reports-power-vending-en")
    window.tabs.setCurrentIndex(1)
    save(window, screens, "reports-sales-charts-en")
    window.tabs.setCurrentIndex(0)

    target = tmp_path / "sales.csv"
    window.export_to(target)
    qtbot.waitUntil(target.exists, timeout=10_000)
    with target.open(encoding="utf-8-sig") as handle:
        assert [row["bill"] for row in csv.DictReader(handle)] == [
            "B-V5", "B-V6", "B-V3", "B-V1", "B-V2",
        ]  # fmt: skip
    assert window.shown is not None
    document = report_document(window.shown)
    assert "B-V5" in document.toPlainText() and "Total: 5 rows" in document.toPlainText()
    window.print_preview()
    preview = window.preview_dialog
    qtbot.waitUntil(preview.isVisible, timeout=10_000)
    preview.resize(1000, 700)
    save(preview, screens, "reports-print-preview-en")
    preview.close()

    run(qtbot, window, begin="2026-12-01", end="2026-12-01")
    assert cells(window, "bill") == ["B-V1", "B-V2"] and totals(window, "net") == "35.00"
    switch_language("fr")
    qtbot.waitUntil(lambda: window.run_button.text() == "Exécuter", timeout=3000)
    run(qtbot, window)
    save(window, screens, "reports-power-vending-fr")


def test_a_mistyped_date_is_refused_in_words(qtbot: QtBot, window: ReportsWindow) -> None:
    shown: list[str] = []
    window.funnel.shown.connect(lambda code, text: shown.append(code))
    window.funnel.show_message = lambda code, text, parent: shown.append(code)  # type: ignore[method-assign]
    window.choose("login-log")
    window.inputs["begin"].setText("1/12/2026")  # type: ignore[attr-defined]
    qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    assert shown == ["reports.bad_date"] and window.shown is None


def test_the_reprint_dialog_finds_a_sale_by_meter(
    qtbot: QtBot,
    world: Database,
    workers: Workers,
    screens: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> None:
    reprinted: list[str] = []
    dialog = ReprintDialog(
        ReportsOnWorkers(ReportRunner(world)), workers, ErrorFunnel(), reprinted.append
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText(NUMBERS["M2"][0])
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.matches.count() == 2, timeout=10_000)
    assert dialog.matches.item(0).text().startswith("B-V3   2026-11-30 11:00")  # Lagos time
    save(dialog, screens, "reprint-any-voucher-en")
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Return)
    assert reprinted == ["B-V3"]


@pytest.fixture
def counter_with_reports(qtbot: QtBot, world: Database) -> Iterator[tuple[CounterApp, FakeCounter]]:
    counter = FakeCounter()
    app = CounterApp(FakeAuth(), counter, reports=ReportsOnWorkers(ReportRunner(world)))
    qtbot.addWidget(app.login_window)
    app.start()
    yield app, counter
    app.shut_down()


def test_the_counter_offers_reports_and_any_reprint_by_permission(
    qtbot: QtBot, counter_with_reports: tuple[CounterApp, FakeCounter]
) -> None:
    app, counter = counter_with_reports
    window = log_in(qtbot, app, "SUP", "pw-sup")
    assert window.menus.reports.isVisible() and window.menus.reprint_any.isVisible()
    window.menus.reports.trigger()
    reports = window.menus.reports_window
    assert reports is not None and reports.isVisible()
    reports.close()
    window.menus.reprint_any.trigger()
    dialog = window.menus.reprint_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.search, "B-V6")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.matches.count() == 1, timeout=10_000)
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(counter.prints), timeout=10_000)
    assert [(done.bill_number, done.reprint) for done in counter.prints] == [("B-V6", True)]
    assert counter.audit == ["reprint B-V6 by SUP"]


def test_a_cashier_without_the_permission_sees_no_reports(
    qtbot: QtBot, counter_with_reports: tuple[CounterApp, FakeCounter]
) -> None:
    app, _counter = counter_with_reports
    window = log_in(qtbot, app, "ANN", "pw-ann")
    assert not window.menus.reports.isVisible() and not window.menus.reprint_any.isVisible()
