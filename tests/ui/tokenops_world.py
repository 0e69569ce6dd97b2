"""The counter with its Tokens menu on the real core, for the token operation screens: the
seeded counter demo, the real auth and token operations core, a secure module emulator
process on a pty (the demo keys and credit) and the virtual printer.

Import the ``token_world`` fixture into a test module. Sales a test needs are made through
the core before anyone logs in: once the counter is open it holds the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from starpos.bootstrap.counter import counter_on
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.settings import Settings
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.tokenops.service import tokenops_on_workers
from starpos.ui.translator import switch_language
from starpos.vending import VendRequest, VendResult, sell
from tests.integration.ui.counter_world import PASSWORDS, CounterWorld, vend_world
from tests.support.data_files import SAMPLE_TABLES
from tests.support.shifts import open_shift_for

LOGINS = {**PASSWORDS, "ENG1": "eng-demo"}


def log_in(world: CounterWorld, qtbot: QtBot, code: str) -> PosWindow:
    login = world.app.login_window
    login.code_field.setText(code)
    login.password_field.setText(LOGINS[code])
    with qtbot.waitSignal(world.app.counter_opened, timeout=30_000) as opened:
        qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
    window: PosWindow = opened.args[0]
    window.activateWindow()  # no window manager offscreen to do it
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def sell_to(
    world: CounterWorld, number: str, net: str = "40.00", seller: str = "CASH1"
) -> VendResult:
    """A sale through the core (by a cashier unless said, on the seller's open shift)."""
    open_shift_for(world.database, seller)
    with open_configured_module() as access:
        return sell(world.database, access, VendRequest(number, Decimal(net), operator_code=seller))


def shown_box(world: CounterWorld) -> QMessageBox:
    box = world.app.funnel.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def close_box(world: CounterWorld) -> None:
    box = world.app.funnel.last_dialog
    if box is not None and box.isVisible():
        box.accept()
    QApplication.processEvents()


def grab(widget: QWidget, name: str, fit: bool = True) -> Path:
    """The widget as drawn, in /tmp/tokenui-NAME.png (looked at before a screen is done);
    ``fit``: first at the size its contents ask for (a dialog that sizes itself: not)."""
    if fit:
        widget.adjustSize()
    QApplication.processEvents()
    path = Path(f"/tmp/tokenui-{name}.png")
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def token_world(qtbot: QtBot, demo_database: Database, tmp_path: Path) -> Iterator[CounterWorld]:
    switch_language("en")
    emulator = vend_world().start_module(tmp_path, SAMPLE_TABLES, credit_tenths=5_000_000)
    vend_world().use_module(emulator.url)
    settings = Settings()
    auth, counter = on_workers(*counter_on(demo_database, settings))
    app = CounterApp(auth, counter, tokenops=tokenops_on_workers(counter, settings))
    qtbot.addWidget(app.login_window)
    app.start()
    try:
        yield CounterWorld(app, emulator, SAMPLE_TABLES, demo_database)
    finally:
        app.shut_down()
        emulator.stop()
        stop_virtual_printer()
        switch_language("en")
