"""Pictures of each main screen, rendered with real fonts.

Run under Xvfb to refresh docs/screens/ (see docs/ui.md)::

    STARPOS_SCREENS_DIR=docs/screens QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1280x800x24" pytest tests/ui/test_screens.py

Without that variable the pictures go to a temporary folder and the test only checks that
text was drawn (a font-less machine draws boxes, which a person must notice).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import BLACKLISTED_METER, GOOD_METER, FakeCounter
from tests.ui.screenshots import save

pytestmark = pytest.mark.slow


def test_main_screens(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter, screens_dir: Path
) -> None:
    login = counter_app.login_window
    qtbot.keyClicks(login.code_field, "SUP")
    save(login, screens_dir, "01-login")
    window = log_in(qtbot, counter_app, "", "pw-sup")
    window.resize(1100, 720)
    window.activateWindow()  # there is no window manager under Xvfb to do it
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    qtbot.keyClicks(window.amount_panel.paid_field, "150")
    save(window, screens_dir, "02-counter-ready-to-vend")
    with qtbot.waitSignal(window.voucher_printed, timeout=5000):
        qtbot.keyClick(window.amount_panel.paid_field, Qt.Key.Key_Return)
    save(window, screens_dir, "03-token-shown")

    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, BLACKLISTED_METER)
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=2000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    save(window, screens_dir, "04-blacklisted-refused")
    assert counter_app.funnel.last_dialog is not None
    save(counter_app.funnel.last_dialog, screens_dir, "05-refusal-message")
    counter_app.funnel.last_dialog.close()

    window.meter_field.clear()
    qtbot.keyClicks(window.meter_field.edit, GOOD_METER[:-1] + "0")
    save(window.meter_field, screens_dir, "06-wrong-check-digit")
    window.meter_field.clear()

    window.menus.open_shift_vends()
    dialog = window.menus.shift_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=3000)
    save(dialog, screens_dir, "07-shift-vends")
    dialog.close()

    window.menus.open_settings()
    assert window.menus.settings_dialog is not None
    save(window.menus.settings_dialog, screens_dir, "08-installer-settings")
    window.menus.settings_dialog.close()

    switch_language("fr")
    save(window, screens_dir, "09-counter-french")
    switch_language("zh_CN")
    save(window, screens_dir, "10-counter-chinese")
    switch_language("en")

    window.menus.lock_counter()
    assert window.menus.lock_screen is not None
    save(window.menus.lock_screen, screens_dir, "11-locked")
