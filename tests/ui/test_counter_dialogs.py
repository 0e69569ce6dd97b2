"""Installer settings, the shift's vends and the voucher preview, opened from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.settings import Settings
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import GOOD_METER, OTHER_METER, FakeCounter


def vend(qtbot: QtBot, window: PosWindow, meter: str) -> None:
    window.activateWindow()  # after a dialog closed (offscreen has no window manager)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, meter)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    with qtbot.waitSignals([window.vend_finished, window.voucher_printed], timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)


def test_installer_settings_need_the_permission(qtbot: QtBot, counter_app: CounterApp) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    # A cashier is not offered what only an installer may use: neither the menu nor its key.
    assert not window.menus.settings.isVisible()
    shown: list[str] = []
    counter_app.funnel.shown.connect(lambda code, _text: shown.append(code))
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert window.menus.settings_dialog is None
    assert shown == []


def test_installer_settings_are_saved(qtbot: QtBot, counter_app: CounterApp) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.menus.settings_dialog
    assert dialog is not None and dialog.isVisible()
    paper = dialog.editors["printer.paper_mm"]
    paper.setCurrentIndex(paper.findData(58))  # type: ignore[attr-defined]
    dialog.editors["printer.connection"].setText("network:127.0.0.1:9100")  # type: ignore[attr-defined]
    dialog.editors["voucher.header"].setPlainText("Soweto Power\nVAT 4123")  # type: ignore[attr-defined]
    dialog.save_and_close()
    assert not dialog.isVisible()
    saved = Settings()
    assert saved.get("printer.paper_mm") == 58
    assert saved.get("printer.connection") == "network:127.0.0.1:9100"
    assert saved.get("voucher.header") == "Soweto Power\nVAT 4123"


def test_test_print_reports_a_printer_fault(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    window.menus.open_settings()
    dialog = window.menus.settings_dialog
    assert dialog is not None
    fake_counter.printer_online = False
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=3000) as shown:
        dialog.test_button.click()
    assert "printer is offline" in shown.args[1]
    assert dialog.result_label.text() == "The test page did not print."


def test_shift_vends_are_listed_and_searchable(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    vend(qtbot, window, GOOD_METER)
    vend(qtbot, window, OTHER_METER)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.menus.shift_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=3000)
    qtbot.keyClicks(dialog.search, "van wyk")
    assert dialog.proxy.rowCount() == 1
    assert dialog.summary.text() == "1 of 2 vends shown"
    # A vend made while the list is open shows up in it.
    dialog.close()
    vend(qtbot, window, GOOD_METER)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=3000)


def test_voucher_preview_shows_the_rendered_image(qtbot: QtBot, counter_app: CounterApp) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    vend(qtbot, window, GOOD_METER)
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.menus.preview_dialog is not None, timeout=3000)
    dialog = window.menus.preview_dialog
    assert dialog is not None
    assert dialog.bill_number == "B000001"
    assert dialog.pixmap.width() == 384


def test_a_printer_connection_the_printer_cannot_use_is_refused_on_save(
    qtbot: QtBot, counter_app: CounterApp
) -> None:
    window = log_in(qtbot, counter_app, "SUP", "pw-sup")
    window.menus.open_settings()
    dialog = window.menus.settings_dialog
    assert dialog is not None
    dialog.editors["printer.connection"].setText("parallel:LPT1")  # type: ignore[attr-defined]
    dialog.save_and_close()
    # The reason is shown under the field (issue 15), not in a box over the window.
    assert "parallel" in dialog.errors["printer.connection"].text()
    assert dialog.errors["printer.connection"].isVisible()
    assert dialog.isVisible()  # nothing saved, the installer corrects it
    assert Settings().get("printer.connection") == ""
