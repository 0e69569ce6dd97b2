"""Pictures of each main screen, rendered with the app's real font.

Run under Xvfb at the cashier's screen size to refresh docs/screens/ (see docs/ui.md)::

    STARPOS_SCREENS_DIR=docs/screens QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1366x768x24" pytest tests/ui/test_screens.py

Without that variable the pictures go to a temporary folder and the test only checks that
text was drawn (a font-less machine draws boxes, which a person must notice). The counter
is drawn at 1366x768 and 1024x768 in English, French and Chinese, and every message a
module, printer or card failure gives, over the window as the cashier sees it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.card_sales.errors import CardVendFailedError, CardVendInDoubtError
from starpos.devices.card.errors import CardRemovedError, NoReaderError
from starpos.devices.printer.errors import PrinterNotFoundError, PrinterPaperOutError
from starpos.devices.sm.errors import SmConnectionLostError, SmInsufficientCreditError
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.pos.sale_problems import print_problem, sale_problem
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import switch_language
from starpos.vending.errors import ModuleOfflineError, VendFailedError, VendInDoubtError
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import BLACKLISTED_METER, GOOD_METER, OTHER_METER, FakeCounter
from tests.ui.screenshots import SCREENS, app_look, save, save_screen  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

LANGUAGES = {"english": "en", "french": "fr", "chinese": "zh_CN"}


def open_window(qtbot: QtBot, app: CounterApp, code: str, password: str) -> PosWindow:
    window = log_in(qtbot, app, code, password)
    window.show_maximised()  # as the app opens it
    window.activateWindow()  # there is no window manager under Xvfb to do it
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def test_main_screens(
    qtbot: QtBot,
    counter_app: CounterApp,
    fake_counter: FakeCounter,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> None:
    login = counter_app.login_window
    qtbot.keyClicks(login.code_field, "SUP")
    save(login, screens_dir, "01-login")
    window = open_window(qtbot, counter_app, "", "pw-sup")
    window.resize(*SCREENS["1366x768"])
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

    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, OTHER_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)
    switch_language("fr")
    save(window, screens_dir, "09-counter-french")
    switch_language("zh_CN")
    save(window, screens_dir, "10-counter-chinese")
    switch_language("en")

    window.menus.lock_counter()
    assert window.menus.lock_screen is not None
    save(window.menus.lock_screen, screens_dir, "11-locked")


def test_the_counter_on_both_screens_in_three_languages(
    qtbot: QtBot,
    counter_app: CounterApp,
    fake_counter: FakeCounter,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> None:
    """A token on screen with paid and change, the next customer and a full breakdown: it
    fits without scrolling at 1366x768 and 1024x768, in every language."""
    window = open_window(qtbot, counter_app, "SUP", "pw-sup")
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    qtbot.keyClicks(window.amount_panel.paid_field, "150")
    with qtbot.waitSignal(window.voucher_printed, timeout=5000):
        qtbot.keyClick(window.amount_panel.paid_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, OTHER_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F4)
    number = 24
    for language, code in LANGUAGES.items():
        switch_language(code)
        for screen, size in SCREENS.items():
            window.resize(*size)
            save(window, screens_dir, f"{number}-counter-{screen}-{language}")
            number += 1
            assert not window.scroll_area.horizontalScrollBar().isVisible(), (code, screen)
            assert not window.scroll_area.verticalScrollBar().isVisible(), (code, screen)
    switch_language("en")


def _module_lost() -> SmConnectionLostError:
    return SmConnectionLostError(url="/dev/ttyUSB0", native="[Errno 5] Input/output error")


#: Every failure a sale can meet at the counter, by the picture that shows its message.
SALE_FAILURES = {
    "30-message-module-not-connected": ModuleOfflineError(reason=_module_lost()),
    "31-message-module-stopped-mid-sale": VendInDoubtError(
        bill="V2612SP0100026", reason=_module_lost()
    ),
    "32-message-module-refused": VendFailedError(
        bill="V2612SP0100026", reason=SmInsufficientCreditError()
    ),
    "35-message-card-not-written": CardVendFailedError(
        bill="V2612SP0100027",
        net="20.00",
        reason=CardRemovedError(reader="Virtual PCD 00 01", pcsc="0x80100069"),
    ),
    "36-message-card-interrupted": CardVendInDoubtError(
        bill="V2612SP0100027",
        reason=CardRemovedError(reader="Virtual PCD 00 01", pcsc="0x80100069"),
    ),
    "37-message-card-reader-away": NoReaderError(reader="Virtual PCD 00 01", pcsc="0x80100009"),
}


def test_every_failure_message(
    qtbot: QtBot,
    counter_app: CounterApp,
    fake_counter: FakeCounter,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> None:
    window = open_window(qtbot, counter_app, "SUP", "pw-sup")
    window.resize(*SCREENS["1366x768"])
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    funnel = counter_app.funnel
    for name, error in SALE_FAILURES.items():
        if "module" in name:  # the status bar says it too, as after a real failure
            window.devices.recover_when_back(error)
        funnel.show_problem(sale_problem(JobFailure(error)), window)
        save_screen(window, screens_dir, name)
        assert funnel.last_dialog is not None
        funnel.last_dialog.close()
    printer = "network:192.168.1.50:9100"
    for name, error in {
        "33-message-printer-out-of-paper": PrinterPaperOutError(connection=printer),
        "34-message-printer-not-connected": PrinterNotFoundError(
            connection=printer, native="[Errno 113] No route to host"
        ),
    }.items():
        problem = print_problem("V2612SP0100026", error, False, False, True)
        window.devices.printer_failed(error)
        funnel.show_problem(problem, window)
        save_screen(window, screens_dir, name)
        assert funnel.last_dialog is not None
        funnel.last_dialog.close()
