"""A window that stays usable all day, on the real core (issue 11, items 3 to 6).

Fonts are set once (the energy figure does not grow with each quote); a device error is a
few words in the status bar with the detail in its tooltip, and never "ready" after a
failure; the window opens maximised and fits 1366x768 and 1024x768 in every language; the
cursor is back in the meter field after every dialog, with what was typed there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language
from tests.integration.ui.counter_world import CounterWorld, close_dialogs, counter_world
from tests.integration.ui.test_sale_rule import choose, enter_sells, type_number

__all__ = ["counter_world"]

pytestmark = pytest.mark.slow

#: What a window manager's title bar takes from a 768-pixel-high screen.
TITLE_BAR = 30


@pytest.fixture
def app_font() -> Iterator[None]:
    """The font the app runs with (``starpos.ui.application``): the sizes measured here are
    the cashier's."""
    before = QApplication.font()
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


def fits(window: PosWindow, screen: QSize) -> list[str]:
    """What does not fit a window of ``screen`` (its title bar taken off), if anything."""
    room = QSize(screen.width(), screen.height() - TITLE_BAR)
    chrome = window.menuBar().sizeHint().height() + window.status.sizeHint().height()
    page = window.page.minimumSizeHint()
    problems = []
    if page.width() > room.width():
        problems.append(f"the counter needs {page.width()} px wide")
    if page.height() > room.height() - chrome:
        problems.append(f"the counter needs {page.height() + chrome} px high")
    if window.status.minimumSizeHint().width() > room.width():
        problems.append(f"the status bar needs {window.status.minimumSizeHint().width()} px")
    if window.minimumSizeHint().width() > room.width():
        problems.append(f"the window needs {window.minimumSizeHint().width()} px wide")
    return problems


def test_the_energy_figure_keeps_its_size_quote_after_quote(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    window = counter_world.log_in(qtbot)
    size = window.size()
    type_number(qtbot, window, counter_world.sellable(without_debt=True)[0])
    choose(qtbot, window, Qt.Key.Key_F4)
    energy = window.breakdown_panel.energy_value.font().pointSize()
    for quote in range(40):  # a morning's quotes on one window
        choose(qtbot, window, Qt.Key.Key_F4 if quote % 2 else Qt.Key.Key_F5)
    QApplication.processEvents()
    assert window.breakdown_panel.energy_value.font().pointSize() == energy
    assert window.size() == size
    assert fits(window, QSize(1024, 768)) == []


def test_a_module_failure_is_a_short_state_never_ready_and_never_widens_the_window(
    qtbot: QtBot, counter_world: CounterWorld, app_font: None
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    qtbot.waitUntil(lambda: "ready" in window.status.module_label.text(), timeout=30_000)
    size = window.size()
    type_number(qtbot, window, world.sellable(without_debt=True)[0])
    choose(qtbot, window, Qt.Key.Key_F4)
    world.emulator.stop()  # the USB cable is pulled
    with qtbot.waitSignal(window.vend_finished, timeout=60_000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    # At once, before any poll: not "ready", a few words, the detail in the tooltip.
    assert window.status.module_label.text() == "Module: not connected"
    assert "secure module" in window.status.module_label.toolTip()
    close_dialogs(world.app)
    window.refresh_devices()
    qtbot.wait(1500)  # the poll answers (offline) meanwhile
    assert window.status.module_label.text() == "Module: not connected"
    assert window.size() == size
    assert window.status.minimumSizeHint().width() <= size.width()
    assert fits(window, QSize(1024, 768)) == []


def test_the_window_opens_maximised_and_fits_both_screens_in_every_language(
    qtbot: QtBot, counter_world: CounterWorld, app_font: None
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    assert window.isMaximized()
    screen = window.screen().availableGeometry()
    assert window.frameGeometry().size() == screen.size()
    first, second = world.sellable(without_debt=True)[:2]
    type_number(qtbot, window, first)
    choose(qtbot, window, Qt.Key.Key_F4)
    qtbot.keyClicks(window.amount_panel.paid_field, "100")
    enter_sells(qtbot, window)  # a token on screen, with paid and change
    type_number(qtbot, window, second)
    choose(qtbot, window, Qt.Key.Key_F5)  # a customer and a full breakdown
    window.refresh_devices()
    qtbot.waitUntil(lambda: "credit" in window.status.module_label.text(), timeout=30_000)
    for language in ("en", "fr", "zh_CN"):
        switch_language(language)
        QApplication.processEvents()
        for screen_size in (QSize(1366, 768), QSize(1024, 768)):
            assert fits(window, screen_size) == [], (language, screen_size)
            window.resize(screen_size.width(), screen_size.height() - TITLE_BAR)
            QApplication.processEvents()
            assert not window.scroll_area.horizontalScrollBar().isVisible()
            assert not window.scroll_area.verticalScrollBar().isVisible()


def test_the_cursor_is_back_in_the_meter_field_after_every_dialog(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    typed = world.sellable()[0][:6]  # half a number: it must survive every dialog
    qtbot.keyClicks(window.meter_field.edit, typed)

    def back_in_the_meter_field() -> None:
        qtbot.waitUntil(window.meter_field.edit.hasFocus, timeout=3000)
        assert window.meter_field.edit.text() == typed

    def closed(dialog: QDialog | None) -> None:
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
        back_in_the_meter_field()

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    closed(window.menus.shift_dialog)
    window.menus.change_password()
    closed(window.menus.password_dialog)
    window.menus.language_actions["fr"].trigger()  # the language, from the menu
    back_in_the_meter_field()
    window.menus.language_actions["en"].trigger()
    back_in_the_meter_field()
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)  # not a number yet: a box
    close_dialogs(world.app)
    back_in_the_meter_field()
    window.menus.lock_counter()
    lock = window.menus.lock_screen
    assert lock is not None
    qtbot.keyClicks(lock.password_field, "cash-demo")
    with qtbot.waitSignal(lock.unlocked, timeout=20_000):
        qtbot.keyClick(lock.password_field, Qt.Key.Key_Return)
    back_in_the_meter_field()


def test_the_cursor_is_back_after_the_installer_settings(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    window = counter_world.log_in(qtbot, "INST1")
    qtbot.keyClicks(window.meter_field.edit, "0471")
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.menus.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(window.meter_field.edit.hasFocus, timeout=3000)
    assert window.meter_field.edit.text() == "0471"
