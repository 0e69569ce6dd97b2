"""The counter window on the real store, auth, pricing and secure module emulator."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.db.enums import CustomerStatus
from starpos.db.models import Customer, Meter
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def core_app(qtbot: QtBot, demo_database: Database) -> Iterator[CounterApp]:
    settings = Settings()
    auth, counter = on_workers(*counter_on(demo_database, settings))
    app = CounterApp(auth, counter)
    qtbot.addWidget(app.login_window)
    app.start()
    yield app
    app.shut_down()
    stop_embedded()
    stop_virtual_printer()  # the status bar's printer poll starts it


def log_in(qtbot: QtBot, app: CounterApp, code: str, password: str) -> PosWindow:
    qtbot.keyClicks(app.login_window.code_field, code)
    qtbot.keyClicks(app.login_window.password_field, password)
    with qtbot.waitSignal(app.counter_opened, timeout=20_000) as opened:
        qtbot.keyClick(app.login_window.password_field, Qt.Key.Key_Return)
    window: PosWindow = opened.args[0]
    qtbot.addWidget(window)
    window.activateWindow()  # no window manager under Xvfb or offscreen to do it
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def active_meter(database: Database) -> tuple[str, str]:
    with database.reading() as session:
        meter = session.scalars(
            select(Meter).join(Customer).where(Customer.status == CustomerStatus.ACTIVE)
        ).first()
        assert meter is not None
        return meter.number, meter.customer.name


def test_a_cashier_finds_the_customer_and_sees_the_real_breakdown(
    qtbot: QtBot, core_app: CounterApp, demo_database: Database
) -> None:
    if os.environ.get("STARPOS_SCREENS_DIR"):  # the picture in the app's font, set first
        from PySide6.QtWidgets import QApplication

        from tests.ui.screenshots import app_font

        QApplication.setFont(app_font())
    window = log_in(qtbot, core_app, "CASH1", "cash-demo")
    assert window.status.operator_label.text() == "Operator: Amina Cashier (CASH1)"
    assert [b.text().split("\n")[0] for b in window.amount_panel.buttons][:2] == ["F1", "F2"]
    number, name = active_meter(demo_database)
    with qtbot.waitSignal(window.customer_shown, timeout=10_000) as shown:
        qtbot.keyClicks(window.meter_field.edit, number)
    assert shown.args[0].name == name
    assert window.customer_panel.values["name"].text().startswith(name)
    with qtbot.waitSignal(window.quote_shown, timeout=10_000) as quoted:
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F4)  # 50.00
    quote = quoted.args[0]
    assert str(quote.net) == "50.00"
    assert quote.amount + sum(line.amount for line in quote.lines) == quote.net
    assert window.breakdown_panel.energy_value.text().endswith("kWh")
    # The secure module emulator answers the status bar through the real driver.
    qtbot.waitUntil(lambda: "credit" in window.status.module_label.text(), timeout=30_000)
    if os.environ.get("STARPOS_SCREENS_DIR"):  # docs/screens: the counter on demo data
        from tests.ui.screenshots import save

        window.resize(1366, 768)
        save(window, Path(os.environ["STARPOS_SCREENS_DIR"]), "12-counter-demo-data")


def test_unknown_meter_and_forbidden_login_are_refused_with_the_stores_words(
    qtbot: QtBot, core_app: CounterApp
) -> None:
    login = core_app.login_window
    qtbot.keyClicks(login.code_field, "GONE1")
    qtbot.keyClicks(login.password_field, "cash-demo")
    with qtbot.waitSignal(core_app.funnel.shown, timeout=20_000) as shown:
        qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
    assert shown.args[0] == "auth.login_forbidden"
    core_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    login.code_field.clear()
    window = log_in(qtbot, core_app, "CASH1", "cash-demo")
    qtbot.keyClicks(window.meter_field.edit, "99999999990")  # valid, not registered
    # Said under the number at look-up, in the store's words, before any amount is chosen.
    qtbot.waitUntil(lambda: window.meter_field.refusal is not None, timeout=10_000)
    assert getattr(window.meter_field.refusal, "code", "") == "vend.unknown_meter"
    assert "is registered here" in window.meter_field.status.text()


def test_this_shifts_vends_reprint_and_preview_from_the_ledger(
    qtbot: QtBot, core_app: CounterApp, demo_database: Database
) -> None:
    from starpos.devices.printer.virtual.launcher import stop_virtual_printer
    from tests.integration.counter.booked_vend import book_vend

    book_vend(demo_database, "SUP1", "20.00", "56381247093816254708", bill="T000042")
    window = log_in(qtbot, core_app, "SUP1", "super-demo")
    try:
        window.menus.open_shift_vends()
        dialog = window.menus.shift_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
        assert dialog.model.record_at(0).bill_number == "T000042"
        dialog.close()
        with qtbot.waitSignal(window.voucher_printed, timeout=30_000) as printed:
            window.vouchers.reprint_last()
        assert printed.args[0].reprint
        window.menus.open_preview()
        qtbot.waitUntil(lambda: window.menus.preview_dialog is not None, timeout=30_000)
        assert window.menus.preview_dialog.pixmap.height() > 400  # type: ignore[union-attr]
        if os.environ.get("STARPOS_SCREENS_DIR"):
            from tests.ui.screenshots import save

            folder = Path(os.environ["STARPOS_SCREENS_DIR"])
            save(window.menus.preview_dialog, folder, "13-voucher-preview")  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: "ready" in window.status.printer_label.text(), timeout=30_000)
    finally:
        stop_virtual_printer()


def test_star_first_login_and_lockout_through_the_real_auth(
    qtbot: QtBot, core_app: CounterApp
) -> None:
    login = core_app.login_window
    for _ in range(5):  # the store locks an operator after five wrong passwords
        login.code_field.setText("CASH1")
        qtbot.keyClicks(login.password_field, "not-it")
        with qtbot.waitSignal(core_app.funnel.shown, timeout=20_000) as shown:
            qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
        core_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    assert shown.args[0] == "auth.locked"
    login.code_field.setText("STAR")
    qtbot.keyClicks(login.password_field, "star")
    qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.password_dialog is not None, timeout=20_000)
    dialog = login.password_dialog
    assert dialog is not None and dialog.forced
    qtbot.keyClicks(dialog.new_field, "short")
    qtbot.keyClicks(dialog.repeat_field, "short")
    with qtbot.waitSignal(core_app.funnel.shown, timeout=20_000) as shown:
        dialog.submit()
    assert shown.args[0] == "auth.password_too_weak"
    core_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    for field in (dialog.new_field, dialog.repeat_field):
        field.setText("Counter-2026")
    with qtbot.waitSignal(core_app.counter_opened, timeout=20_000) as opened:
        dialog.submit()
    assert opened.args[0].session.code == "STAR"
