"""The registration bill's paper from the administration window (decision BO-27): printed on
the counter's printer (the virtual one here) as soon as the registration is saved, F8 prints
it again marked REPRINT, and it names the sales point of the counter it was made at; where
the computer has no printer, the bill is shown instead, to be saved as PDF."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.operators.login import login
from starpos.settings import Settings
from starpos.tokenops.bill_prints import prints_made
from starpos.tokenops.registration_voucher import subject_of
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.bill_preview import BillPreviewDialog
from starpos.ui.admin.customer_editors import RegisterDialog
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import SECOND, STAR_PASSWORD, Utility, set_up
from tests.ui.admin.test_setup_screens import WAIT_MS, _box, _focused, _key, _open, _tab_to
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture
from tests.ui.virtual_paper import printed


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        yield set_up(database)
    stop_virtual_printer()


def _window(qtbot: QtBot, utility: Utility, with_printer: bool) -> AdminWindow:
    switch_language("en")
    # STAR (no home sales point) at the office's counter T01.
    star = replace(login(utility.database, "STAR", STAR_PASSWORD), sales_point_code="SP01",
                   terminal_code="T01")  # fmt: skip
    paper = ConfiguredPrinter(Settings())
    service = CoreAdminService(
        utility.database, star, "T01", printer=paper if with_printer else None, layout=paper
    )
    window = AdminWindow(
        service, Worker("database"), ErrorFunnel(),
        printer=Worker("printer") if with_printer else None,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _register(qtbot: QtBot, window: AdminWindow) -> str:
    _open(qtbot, window, "customers")
    _key(qtbot, Qt.Key.Key_F7)
    box = _box(qtbot, RegisterDialog)
    assert isinstance(box, RegisterDialog)
    qtbot.keyClicks(_focused(), "Lakeside Bakery")
    _tab_to(qtbot, box.number)
    qtbot.keyClicks(_focused(), SECOND)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    page = window.customers
    qtbot.waitUntil(lambda: page.last_bill is not None, timeout=WAIT_MS)
    assert page.last_bill is not None
    return page.last_bill.bill_number


def test_the_bill_is_printed_on_the_counters_printer_and_again_as_reprint(
    qtbot: QtBot, utility: Utility
) -> None:
    window = _window(qtbot, utility, with_printer=True)
    try:
        bill = _register(qtbot, window)
        first = printed(qtbot, bill)[0]
        assert "Lakeside Bakery" in first and "REPRINT" not in first
        assert "SP01 Office" in first  # the counter's sales point: STAR has none of his own
        page = window.customers
        qtbot.waitUntil(lambda: "printed (print 1)" in page.receipt.text(), timeout=WAIT_MS)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        page.table.setFocus()
        _key(qtbot, Qt.Key.Key_F8)
        again = printed(qtbot, bill, count=2)[1]
        assert "*** REPRINT ***" in again
        qtbot.waitUntil(lambda: "printed (print 2)" in page.receipt.text(), timeout=WAIT_MS)
        with utility.database.reading() as session:
            assert prints_made(session, subject_of(bill)) == 2
    finally:
        window.database.stop()
        assert window.printer is not None
        window.printer.stop()


def test_without_a_printer_the_bill_is_shown_and_saved_as_pdf(
    qtbot: QtBot,
    utility: Utility,
    tmp_path: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
    screens_dir: Path,
) -> None:
    window = _window(qtbot, utility, with_printer=False)
    try:
        bill = _register(qtbot, window)
        preview = _box(qtbot, BillPreviewDialog)
        assert isinstance(preview, BillPreviewDialog) and preview.bill_number == bill
        assert preview.pixmap.height() > 300
        assert window.customers.bill_button.text() == "Show &bill… (F8)"
        save_screen(window, screens_dir, "admin-registration-bill-preview-en")
        preview.save_pdf(tmp_path / "bill.pdf")
        assert (tmp_path / "bill.pdf").read_bytes().startswith(b"%PDF")
        _key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not preview.isVisible(), timeout=WAIT_MS)
        with utility.database.reading() as session:
            assert prints_made(session, subject_of(bill)) == 0  # shown, not printed
    finally:
        window.database.stop()
