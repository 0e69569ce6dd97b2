"""The counter's status bar: the clock is the utility's, whatever zone the PC is set to."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from starpos.operators.session import OperatorSession
from starpos.ui.status_bar import CounterStatusBar

CASHIER = OperatorSession(
    "CASH1",
    "Amina Cashier",
    frozenset(),
    sales_point_code="SP01",
    sales_point_name="Riverside Office",
)


def shown_time(bar: CounterStatusBar) -> datetime:
    return datetime.strptime(bar.clock_label.text(), "%Y-%m-%d %H:%M:%S")


def test_the_clock_shows_the_utilitys_wall_clock(qtbot: QtBot) -> None:
    lagos = CounterStatusBar(CASHIER, "Africa/Lagos")
    utc = CounterStatusBar(CASHIER, "UTC")
    for bar in (lagos, utc):
        qtbot.addWidget(bar)
    expected = datetime.now(ZoneInfo("Africa/Lagos")).replace(tzinfo=None)
    assert abs(shown_time(lagos) - expected) < timedelta(seconds=5)
    assert abs(shown_time(lagos) - shown_time(utc) - timedelta(hours=1)) < timedelta(seconds=5)


def test_an_unknown_zone_name_keeps_the_clock_going_in_utc(qtbot: QtBot) -> None:
    bar = CounterStatusBar(CASHIER, "Mars/Olympus")
    qtbot.addWidget(bar)
    expected = datetime.now(ZoneInfo("UTC")).replace(tzinfo=None)
    assert abs(shown_time(bar) - expected) < timedelta(seconds=5)
