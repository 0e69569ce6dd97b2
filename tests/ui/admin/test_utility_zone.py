"""The administration dates with the utility's clock (its time zone, a system parameter),
never this computer's (decision BO-28): the tariff editor's first date is the utility's
today, and a meter's history reads its times in the utility's zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.bootstrap.database import open_database
from starpos.db.parameters import system_parameters
from starpos.masterdata.company import set_system_parameters
from starpos.masterdata.stock_list import meter_history
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.stock_dialogs import HISTORY_COLUMNS
from starpos.ui.admin.tariff_editor import TariffEditor
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import FIRST, Utility, set_up
from tests.ui.admin.test_setup_screens import _box, _key, _open


def _a_zone_on_another_day() -> str:
    """A zone whose date is not this computer's now (UTC+14 or UTC-11: one of them is)."""
    here = datetime.now().date()
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        if datetime.now(ZoneInfo(zone)).date() != here:
            return zone
    raise AssertionError("every zone has this computer's date")


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        utility = set_up(database)
        set_system_parameters(database, utility.star, time_zone=_a_zone_on_another_day())
        yield utility


@pytest.fixture
def window(qtbot: QtBot, utility: Utility) -> Iterator[AdminWindow]:
    switch_language("en")
    window = AdminWindow(
        CoreAdminService(utility.database, utility.star, "T01"), Worker("database"), ErrorFunnel()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.database.stop()


def test_a_new_tariff_starts_on_the_utilitys_today(
    qtbot: QtBot, window: AdminWindow, utility: Utility
) -> None:
    utility_now = window.service.utility_now
    _open(qtbot, window, "tariffs")
    window.tariffs.table.setFocus()
    _key(qtbot, Qt.Key.Key_Insert)
    editor = _box(qtbot, TariffEditor)
    assert isinstance(editor, TariffEditor)
    assert editor.effective_from() == datetime.combine(utility_now().date(), time())
    assert editor.effective_from().date() != datetime.now().date()
    _key(qtbot, Qt.Key.Key_Escape)


def test_a_meters_history_reads_the_utilitys_clock(utility: Utility) -> None:
    with utility.database.reading() as session:
        stocked = meter_history(session, FIRST)[0]
        zone = ZoneInfo(system_parameters(session).time_zone)
    when = HISTORY_COLUMNS[0].shows(stocked)
    assert when == f"{stocked.at.astimezone(zone):%Y-%m-%d %H:%M}"
    assert when != f"{stocked.at.astimezone():%Y-%m-%d %H:%M}"  # this computer's clock
