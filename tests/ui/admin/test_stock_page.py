"""The meter stock screen on a real store, from the keyboard only: a range of 20 meters
stocked in (its bill shown), one stocked out, one set to Scrap with a reason and found by
the status filter; a Scrap meter refused for installation in French with the stock as it
was; the list read a page at a time and sorted by the store. Pictures go to docs/screens/."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.db.enums import MeterCondition
from starpos.masterdata.stock_list import StockFilter, StockListPage, StockRow, stock_page
from starpos.sts.meter_number import make_meter_number
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.stock_dialogs import (
    FileRefusedDialog,
    HistoryDialog,
    StatusDialog,
    StockInDialog,
    StockOutDialog,
)
from starpos.ui.admin.stock_table import PagedStockModel, StoreOrderProxy
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import Utility, set_up
from tests.ui.screenshots import app_look, save, save_screen  # noqa: F401 - a fixture

FIRST_NEW = make_meter_number("600727", "58", 30_000_101).iain
SECOND_NEW = make_meter_number("600727", "58", 30_000_102).iain


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        yield set_up(database)


@pytest.fixture
def window(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    switch_language("en")
    worker = Worker("database")
    window = AdminWindow(CoreAdminService(utility.database, utility.star, "T01"), worker,
                         ErrorFunnel())  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    worker.stop()
    switch_language("en")


def _settled(qtbot: QtBot, window: AdminWindow) -> None:
    qtbot.waitUntil(lambda: not window.database.busy, timeout=10_000)


def _box(qtbot: QtBot, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, kind)
    return box


def _press(qtbot: QtBot, window: AdminWindow, widget: QWidget, key: Qt.Key) -> None:
    """Press ``key`` and wait until the list shows the store's answer to what it did."""
    with qtbot.waitSignal(window.refreshed, timeout=10_000, check_params_cb=lambda k: k == "stock"):
        qtbot.keyClick(widget, key)
    _settled(qtbot, window)
    # A window manager gives the window back its activation when a box closes; offscreen
    # nothing does.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _search(qtbot: QtBot, window: AdminWindow, number: str) -> None:
    page = window.stock
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    page.search.selectAll()
    with qtbot.waitSignal(window.refreshed, timeout=10_000, check_params_cb=lambda k: k == "stock"):
        qtbot.keyClicks(page.search, number)
    _settled(qtbot, window)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # to the list
    assert page.table.hasFocus() and page.selected() is not None


def test_range_out_and_scrap_from_the_keyboard(
    qtbot: QtBot, window: AdminWindow, utility: Utility, screens_dir: Path
) -> None:
    page = window.stock
    window.navigation.setFocus()
    with qtbot.waitSignal(window.refreshed, timeout=10_000, check_params_cb=lambda k: k == "stock"):
        window.open_screen("stock")
    _settled(qtbot, window)
    assert page.model.total == 20 and page.table.hasFocus()

    # F6: a range of 20 new meters, the first number and how many.
    qtbot.keyClick(page.table, Qt.Key.Key_F6)
    dialog = _box(qtbot, StockInDialog)
    assert isinstance(dialog, StockInDialog)
    qtbot.waitUntil(dialog.number.hasFocus, timeout=5000)
    qtbot.keyClicks(dialog.number, FIRST_NEW)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Tab)
    assert dialog.count.hasFocus()
    dialog.count.selectAll()
    qtbot.keyClicks(dialog.count, "20")
    for _ in range(3):  # model, branch: as offered
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.sgc.hasFocus()
    qtbot.keyClicks(dialog.sgc, "600101")
    save_screen(window, screens_dir, "admin-stock-range-en")
    _press(qtbot, window, dialog.sgc, Qt.Key.Key_Return)
    assert page.model.total == 40
    bill = page.last_bill.text()
    assert bill.startswith("Last bill: SI") and "meters: 20" in bill

    # F3: the first new meter out for installation.
    _search(qtbot, window, FIRST_NEW)
    qtbot.keyClick(page.table, Qt.Key.Key_F3)
    out = _box(qtbot, StockOutDialog)
    assert isinstance(out, StockOutDialog) and out.numbers.text() == FIRST_NEW
    qtbot.waitUntil(out.numbers.hasFocus, timeout=5000)
    _press(qtbot, window, out.numbers, Qt.Key.Key_Return)
    assert "Last bill: SO" in page.last_bill.text()
    row = page.selected()
    assert row is not None and (row.number, row.stock) == (FIRST_NEW, "issued")

    # F2: the second one is Scrap, with the reason.
    _search(qtbot, window, SECOND_NEW)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    status = _box(qtbot, StatusDialog)
    assert isinstance(status, StatusDialog)
    qtbot.waitUntil(status.status.hasFocus, timeout=5000)
    qtbot.keyClick(status.status, Qt.Key.Key_End)  # Good, Maintenance, Scrap
    qtbot.keyClick(status.status, Qt.Key.Key_Tab)
    qtbot.keyClicks(status.reason, "Cracked case")
    _press(qtbot, window, status.reason, Qt.Key.Key_Return)

    # The status filter finds it, and only it.
    page.search.selectAll()
    with qtbot.waitSignal(window.refreshed, timeout=10_000, check_params_cb=lambda k: k == "stock"):
        qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    _settled(qtbot, window)
    qtbot.keyClick(page.search, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Stat&us
    assert page.status.hasFocus()
    _press(qtbot, window, page.status, Qt.Key.Key_End)
    listed = [page.model.record_at(n) for n in range(page.model.rowCount())]
    assert [(r.number, r.status) for r in listed] == [(SECOND_NEW, "scrap")]
    save(window, screens_dir, "admin-stock-en")

    # Enter: the meter's history, with the status change and its reason; Escape closes it.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    history = _box(qtbot, HistoryDialog)
    assert isinstance(history, HistoryDialog)
    kinds = [history.model.index(n, 1).data() for n in range(history.model.rowCount())]
    assert kinds == ["Stock in: new meter", "Status changed"]
    assert history.model.index(1, 6).data() == "Cracked case"
    save_screen(window, screens_dir, "admin-stock-history-en")
    qtbot.keyClick(history.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

    # Refused in French: a Scrap meter does not go out for installation; nothing moves.
    with utility.database.reading() as session:
        before = stock_page(session, limit=100)
    switch_language("fr")
    page.table.setFocus()
    page.table.selectRow(0)
    shown: list[str] = []
    window.funnel.shown.connect(lambda _code, text: shown.append(text))
    qtbot.keyClick(page.table, Qt.Key.Key_F3)
    refused = _box(qtbot, StockOutDialog)
    save_screen(window, screens_dir, "admin-stock-out-fr")
    qtbot.keyClick(refused.findChild(QWidget, "meterNumbers"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert SECOND_NEW in shown[0] and "Rebut" in shown[0]
    _settled(qtbot, window)
    with utility.database.reading() as session:
        assert stock_page(session, limit=100) == before
    assert window.funnel.last_dialog is not None
    window.funnel.last_dialog.close()
    page.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.total == 40, timeout=10_000)
    _settled(qtbot, window)
    assert page.last_bill.text().startswith("Dernier bon : SO")
    save(window, screens_dir, "admin-stock-fr")


def test_a_csv_file_refused_row_by_row_then_imported(
    qtbot: QtBot, window: AdminWindow, utility: Utility, tmp_path: Path, screens_dir: Path
) -> None:
    page = window.stock
    with qtbot.waitSignal(window.refreshed, timeout=10_000, check_params_cb=lambda k: k == "stock"):
        window.open_screen("stock")
    _settled(qtbot, window)
    good = make_meter_number("600727", "58", 30_000_201).iain
    path = tmp_path / "meters.csv"
    path.write_text(
        f"meter_number,model,branch,sgc,ti\n{good},KP1,BR01,600101,1\n"
        f"58300000014,KP1,BR01,600101,1\n{good},NOSUCH,BR01,600101,1\n",
        encoding="utf-8",
    )
    assert page.service is not None
    page.import_file(page.service, path)
    refused = _box(qtbot, FileRefusedDialog)
    assert isinstance(refused, FileRefusedDialog)
    rows = [refused.rows.item(n).text() for n in range(refused.rows.count())]
    assert [row.split(":")[0] for row in rows] == [
        "line 3, column meter_number", "line 4, column meter_number", "line 4, column model"
    ]  # fmt: skip
    save_screen(window, screens_dir, "admin-stock-file-refused-en")
    qtbot.keyClick(refused.rows, Qt.Key.Key_Escape)
    assert page.model.total == 20  # nothing written
    path.write_text(f"meter_number,model,branch,sgc,ti\n{good},KP1,BR01,600101,1\n", "utf-8")
    with qtbot.waitSignal(window.refreshed, timeout=10_000, check_params_cb=lambda k: k == "stock"):
        page.import_file(page.service, path)
    assert page.model.total == 21 and "Last bill: SI" in page.last_bill.text()


def test_the_list_reads_pages_and_asks_the_store_to_sort(qtbot: QtBot) -> None:
    """The model without a view: a later page extends it only when it continues it; a
    column click asks the store instead of sorting the rows held."""
    from datetime import UTC, datetime

    def rows(start: int, count: int) -> list[StockRow]:
        return [
            StockRow(
                f"{n:011d}",
                "KP1",
                "BR01",
                "in_stock",
                "good",
                "",
                "600101",
                1,
                1,
                datetime(2026, 12, 1, tzinfo=UTC),
            )
            for n in range(start, start + count)
        ]

    model = PagedStockModel()
    proxy = StoreOrderProxy()
    proxy.setSourceModel(model)
    wanted: list[int] = []
    model.more_wanted.connect(wanted.append)
    orders: list[tuple[int, Qt.SortOrder]] = []
    proxy.order_wanted.connect(lambda column, order: orders.append((column, order)))
    model.show_first(StockListPage(rows(0, 100), 250, 0))
    assert model.canFetchMore(model.index(-1, -1).parent())
    model.fetchMore(model.index(-1, -1).parent())
    model.fetchMore(model.index(-1, -1).parent())  # asked once until the answer
    assert wanted == [100]
    model.show_more(StockListPage(rows(300, 100), 250, 300))  # not the next page: ignored
    assert model.rowCount() == 100
    model.show_more(StockListPage(rows(100, 100), 250, 100))
    assert model.rowCount() == 200 and proxy.rowCount() == 200
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    assert orders == [(3, Qt.SortOrder.DescendingOrder)]
    assert proxy.data(proxy.index(0, 0)) == "00000000000"  # the store's order, untouched
    assert StockFilter().search == "" and MeterCondition.SCRAP.value == "scrap"


def _stock(screen: str) -> bool:
    return screen == "stock"


@pytest.mark.bench
@pytest.mark.slow
def test_the_stock_of_a_large_store_opens_at_once(qtbot: QtBot) -> None:
    """100,000 meters: the screen opened, a part of a number searched, the list sorted by
    branch (the store sorts all of them) and the next page read as the list scrolls; each
    timed from the request to the rows on screen (docs/benchmarks.md, "Meter stock")."""
    import statistics
    import time

    from starpos.audit.log import Actor
    from starpos.bench.store import build
    from starpos.operators.login import acting_as

    with open_database() as database:
        build(database, 100_000, 0, 1, None, lambda _text: None)
        star = acting_as(database, Actor("STAR"))
        worker = Worker("database")
        window = AdminWindow(CoreAdminService(database, star, None), worker, ErrorFunnel())
        qtbot.addWidget(window)
        window.show()
        page = window.stock
        timings: dict[str, list[float]] = {"open": [], "search": [], "sort": [], "scroll": []}

        def timed(name: str, action: Callable[[], None]) -> None:
            started = time.perf_counter()
            with qtbot.waitSignal(window.refreshed, timeout=20_000, check_params_cb=_stock):
                action()
            timings[name].append((time.perf_counter() - started) * 1000)

        try:
            qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)  # the checklist first
            for attempt in range(5):
                window.open_screen("checklist")
                qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
                timed("open", lambda: window.open_screen("stock"))
                assert page.model.total == 100_000 and page.model.rowCount() == 100
                part = f"20{attempt}4"
                timed("search", lambda part=part: page.search.setText(part))
                timed("search", lambda: page.search.clear())
                order = Qt.SortOrder(attempt % 2)
                timed("sort", lambda order=order: page.table.sortByColumn(2, order))
                qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
                started = time.perf_counter()
                page.table.scrollToBottom()
                qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=10_000)
                timings["scroll"].append((time.perf_counter() - started) * 1000)
                page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
                qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
        finally:
            worker.stop()
    for name, values in timings.items():
        print(f"stock {name}: median {statistics.median(values):.0f} ms, max {max(values):.0f}")
