"""The supervisor's prints from the keyboard, on the real stack (the demo store, the virtual
printer): every press of Reprint prints, even one made while the print before it runs
(decision SHF-23), and the day close's first paper is its original while a later print says
DUPLICATE, in the window and on paper (SHF-21). Screenshots into ``STARPOS_SCREENS_DIR``
(docs/screens/) when it is set."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import ZKind
from starpos.db.models import DayClose
from starpos.devices.printer.virtual.launcher import output_folder
from starpos.ui.counter_app import CounterApp
from starpos.ui.supervisor.day_close_dialog import DayCloseDialog
from tests.integration.ui.test_supervisor_windows import (  # noqa: F401 (fixture: app)
    _close_every_shift_of_the_day,
    _close_the_demo_shift,
    alt,
    app,
    log_in,
    picture,
    screens,
    shortcut,
    shown,
    z_list,
    zs,
)
from tests.ui.screenshots import app_look  # noqa: F401 (fixture)
from tests.ui.virtual_paper import papers, printed

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("app_look")]
ALT = Qt.KeyboardModifier.AltModifier


def test_every_press_of_reprint_prints_even_while_one_runs(
    qtbot: QtBot,
    app: CounterApp,  # noqa: F811 (the fixture imported above)
    demo_database: Database,
) -> None:
    _close_the_demo_shift(demo_database)
    window = log_in(qtbot, app, "SUP1", "super-demo")
    shortcut(qtbot, window, Qt.Key.Key_L)
    listing = z_list(qtbot, window, 1)
    # Two presses at once: the second comes while the first print is still on its way.
    alt(qtbot, listing, Qt.Key.Key_R)
    qtbot.keyClick(listing.table, Qt.Key.Key_R, ALT)
    copies = printed(qtbot, "Z REPORT No. 1", 2)
    assert "DUPLICATE" not in copies[0] and "DUPLICATE" in copies[1]
    qtbot.waitUntil(lambda: listing.table.item(0, 6).text() == "2", timeout=30_000)
    assert zs(demo_database) == [(1, ZKind.CLOSE, 2)]


def _prints(database: Database) -> list[int]:
    with database.reading() as session:
        return list(session.scalars(select(DayClose.print_count)))


def test_the_day_close_prints_its_original_then_duplicates(
    qtbot: QtBot,
    app: CounterApp,  # noqa: F811 (the fixture imported above)
    demo_database: Database,
) -> None:
    _close_every_shift_of_the_day(demo_database)
    window = log_in(qtbot, app, "SUP1", "super-demo")
    shortcut(qtbot, window, Qt.Key.Key_J)
    day = shown(qtbot, lambda: window.shift_menu.dialog)
    assert isinstance(day, DayCloseDialog)
    qtbot.waitUntil(lambda: day.close_button.isEnabled(), timeout=20_000)
    qtbot.keyClick(day.date_field, Qt.Key.Key_Return)  # closes the day, prints it at once
    original = printed(qtbot, "DAY CLOSE")[0]
    assert "DUPLICATE" not in original and "NOT CLOSED YET" not in original
    qtbot.waitUntil(lambda: _prints(demo_database) == [1], timeout=20_000)
    # The window knows the next paper is a copy, and says so before it is pressed.
    qtbot.waitUntil(lambda: day.found is not None and day.found.print_count == 1, timeout=20_000)
    assert day.print_button.text() == "&Print a copy (DUPLICATE)"
    assert "printed once:" in day.intro.text()  # a count in its plural form (SHF-25)
    picture(day, "57-day-close-printed-english")

    # Alt+P twice at once: two copies, both marked, both counted.
    alt(qtbot, day, Qt.Key.Key_P)
    qtbot.keyClick(day, Qt.Key.Key_P, ALT)
    copies = printed(qtbot, "DAY CLOSE", 3)
    assert ["DUPLICATE" in paper for paper in copies] == [False, True, True]
    qtbot.waitUntil(lambda: _prints(demo_database) == [3], timeout=20_000)
    qtbot.waitUntil(lambda: "printed 3 times:" in day.intro.text(), timeout=20_000)
    picture(day, "57-day-close-printed-thrice-english")
    folder = screens()
    if folder is not None:  # the copy's paper as the printer made it
        last = sorted(output_folder().glob("voucher-*.png"))[-1]
        shutil.copyfile(last, folder / "57-day-close-duplicate-paper.png")
    assert len(papers("DAY CLOSE")) == 3
