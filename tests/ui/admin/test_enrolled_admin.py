"""On a counter enrolled with a head office the administration only shows the master data
(decision BO-28): one line at the top says who owns it and where to change it, the buttons
and keys that change it are gone, and what the screens show is still there to read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.db.models import SyncState
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import Utility, set_up
from tests.ui.admin.test_setup_screens import WAIT_MS, _key, _open
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture

HEAD_OFFICE = "https://head-office.lakeside.example"


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        yield set_up(database)


def _window(qtbot: QtBot, utility: Utility) -> AdminWindow:
    switch_language("en")
    window = AdminWindow(
        CoreAdminService(utility.database, utility.star, "T01"), Worker("database"), ErrorFunnel()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _enrol(utility: Utility) -> None:
    with utility.database.unit_of_work() as uow:
        uow.session.add(
            SyncState(
                server_url=HEAD_OFFICE,
                key_id="k1",
                terminal_code="T01",
                sales_point_code="SP01",
                enrolled_at=datetime.now(UTC),
            )
        )
        uow.commit()


def test_an_enrolled_counter_shows_the_master_data_read_only(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
    screens_dir: Path,
) -> None:
    _enrol(utility)
    window = _window(qtbot, utility)
    try:
        qtbot.waitUntil(window.owned_notice.isVisible, timeout=WAIT_MS)
        assert HEAD_OFFICE in window.owned_notice.text()
        assert "owns the master data" in window.owned_notice.text()
        _open(qtbot, window, "customers")
        page = window.customers
        assert page.model.rowCount() == 1  # still there to read
        assert not page.register_button.isVisible() and not page.change_button.isVisible()
        page.table.setFocus()
        _key(qtbot, Qt.Key.Key_F7)  # the registration box does not open
        qtbot.wait(200)
        assert QApplication.activeModalWidget() is None
        _open(qtbot, window, "sales_point")
        assert not window.lists["sales_point"].add_button.isVisible()
        _open(qtbot, window, "stock")
        assert window.stock.buttons["history"].isVisible()
        save_screen(window, screens_dir, "admin-enrolled-read-only-en")
        _open(qtbot, window, "system")
        assert window.system.inputs["company_name"].isReadOnly()
    finally:
        window.database.stop()


def test_a_store_of_its_own_keeps_its_screens_editable(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811
) -> None:
    window = _window(qtbot, utility)
    try:
        _open(qtbot, window, "customers")
        assert not window.owned_notice.isVisible()
        assert window.customers.register_button.isVisible()
    finally:
        window.database.stop()


@pytest.mark.parametrize(
    "screen",
    ["sales_point", "charge_item", "customer_type", "customers", "numbering", "roles", "tariffs"],
)
def test_no_editor_opens_on_a_read_only_screen(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811
    screen: str,
) -> None:
    """A double-click on a row, or Enter on it, opened the editor whose save was then refused:
    on a read-only screen nothing opens (decision BO-28)."""
    _enrol(utility)
    window = _window(qtbot, utility)
    try:
        qtbot.waitUntil(window.owned_notice.isVisible, timeout=WAIT_MS)
        _open(qtbot, window, screen)
        page = window._page(screen)
        table = page.table  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=WAIT_MS)
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        where = table.visualRect(table.model().index(0, 0)).center()
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.wait(300)  # a job that would open an editor runs on the database worker
        qtbot.waitUntil(lambda: not window.database.busy, timeout=WAIT_MS)
        qtbot.wait(100)
        assert QApplication.activeModalWidget() is None
    finally:
        window.database.stop()
