"""Real vends from the keyboard: window -> vend service -> module emulator -> printer.

The module is an emulator process on a pty holding the demo keys and credit (the vend
tests' world); the token the window shows is entered into a model of the customer's meter.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.db.models import Vend
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.settings import Settings
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import load_sta_tables
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.money import format_kwh
from starpos.ui.pos.pos_window import PosWindow
from tests.support.data_files import SAMPLE_TABLES


def vend_world() -> Any:
    """The vend tests' world (emulator with demo keys and credit, sellable meters)."""
    return importlib.import_module("tests.integration.vend.vend_world")


pytestmark = pytest.mark.slow


@pytest.fixture
def module_world(
    qtbot: QtBot, demo_database: Database, tmp_path: Path
) -> Iterator[tuple[CounterApp, object, Path]]:
    tables = SAMPLE_TABLES
    emulator = vend_world().start_module(tmp_path, tables)
    vend_world().use_module(emulator.url)
    settings = Settings()
    auth, counter = on_workers(*counter_on(demo_database, settings))
    app = CounterApp(auth, counter)
    qtbot.addWidget(app.login_window)
    app.start()
    try:
        yield app, emulator, tables
    finally:
        app.shut_down()
        emulator.stop()
        stop_virtual_printer()


def log_in(qtbot: QtBot, app: CounterApp) -> PosWindow:
    qtbot.keyClicks(app.login_window.code_field, "CASH1")
    qtbot.keyClicks(app.login_window.password_field, "cash-demo")
    with qtbot.waitSignal(app.counter_opened, timeout=30_000) as opened:
        qtbot.keyClick(app.login_window.password_field, Qt.Key.Key_Return)
    window: PosWindow = opened.args[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def test_a_keyboard_vend_gives_a_token_the_meter_accepts_and_a_printed_voucher(
    qtbot: QtBot, module_world: tuple[CounterApp, object, Path], demo_database: Database
) -> None:
    app, emulator, tables = module_world
    meter = vend_world().sellable_meters(demo_database)[0]
    before = vend_world().module_balance(emulator.url)  # type: ignore[attr-defined]
    window = log_in(qtbot, app)
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, meter.number)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)  # 20.00
    with qtbot.waitSignal(window.vend_finished, timeout=60_000) as finished:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    outcome = finished.args[0]
    assert outcome is not None, "the vend was refused"
    assert window.token_panel.token_label.text().replace(" ", "") == outcome.token
    customer_meter = vend_world().meter_model(meter, load_sta_tables(tables))
    assert customer_meter.enter(outcome.token).response is MeterResponse.ACCEPTED
    assert customer_meter.credit == outcome.energy_kwh > 0
    # The status bar reads the module's credit through the same lock as the vend.
    left = f"credit {format_kwh(before - outcome.energy_kwh)} kWh"
    qtbot.waitUntil(lambda: left in window.status.module_label.text(), timeout=30_000)
    qtbot.waitUntil(lambda: window.token_panel.print_state == "printed", timeout=60_000)
    with demo_database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == outcome.bill_number)).one()
        assert str(vend.state) == "printed" and vend.print_count == 1
        assert vend.net_amount == Decimal("20.00") == outcome.net


def test_module_unplugged_refuses_clearly_sells_nothing_and_works_when_back(
    qtbot: QtBot,
    module_world: tuple[CounterApp, object, Path],
    demo_database: Database,
    tmp_path: Path,
) -> None:
    app, emulator, tables = module_world
    meter = vend_world().sellable_meters(demo_database)[0]
    window = log_in(qtbot, app)
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, meter.number)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    emulator.stop()  # type: ignore[attr-defined]  # the USB cable is pulled
    with qtbot.waitSignal(app.funnel.shown, timeout=60_000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert shown.args[0] == "vend.module_offline"
    with demo_database.reading() as session:
        assert session.scalars(select(Vend)).all() == []  # nothing sold, nothing pending
    app.funnel.last_dialog.close()  # type: ignore[union-attr]

    back = vend_world().start_module(tmp_path, tables)  # plugged back in (a pty gets a new name)
    vend_world().use_module(back.url)
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        with qtbot.waitSignal(window.vend_finished, timeout=60_000) as finished:
            qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
        assert finished.args[0] is not None
        assert window.amount_panel.net_field.text() == ""  # ready for the next customer
    finally:
        back.stop()


def test_module_lost_mid_vend_the_token_is_recovered_when_it_answers_again(
    qtbot: QtBot,
    module_world: tuple[CounterApp, object, Path],
    demo_database: Database,
    tmp_path: Path,
) -> None:
    app, emulator, tables = module_world
    meter = vend_world().sellable_meters(demo_database)[0]
    emulator.stop()  # type: ignore[attr-defined]
    # A slow module: each answer waits, so it can lose power after making the token.
    emulator.start("--pty", "--delay-ms", "700")  # type: ignore[attr-defined]
    vend_world().use_module(emulator.url)  # type: ignore[attr-defined]
    window = log_in(qtbot, app)
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, meter.number)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    with qtbot.waitSignal(app.funnel.shown, timeout=90_000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: any(e["event"] == "credit_token" for e in emulator.events()),  # type: ignore[attr-defined]
            timeout=60_000,
        )
        emulator.kill()  # type: ignore[attr-defined]  # power lost before the answer went out
    assert shown.args[0] in ("vend.in_doubt", "vend.module_offline")
    if shown.args[0] == "vend.in_doubt":  # what became of the sale, first
        assert shown.args[1].startswith(
            "The sale is not finished yet. Keep the money, and do not sell it again."
        )
    with demo_database.reading() as session:
        (pending,) = session.scalars(select(Vend)).all()
        assert str(pending.state) == "pending"  # kept, not lost, not failed
    app.funnel.last_dialog.close()  # type: ignore[union-attr]

    emulator.start("--pty")  # type: ignore[attr-defined]  # power back, no delay
    vend_world().use_module(emulator.url)  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.vend_recovered, timeout=60_000) as recovered:
        pass
    outcome = recovered.args[0]
    made = [e["token"] for e in emulator.events() if e["event"] == "credit_token"]  # type: ignore[attr-defined]
    assert made == [outcome.token]  # the token the module made, booked once
    assert window.token_panel.token_label.text().replace(" ", "") == outcome.token
    assert "The sale was made after all" in window.token_panel.voucher_state.text()
    customer_meter = vend_world().meter_model(meter, load_sta_tables(tables))
    assert customer_meter.enter(outcome.token).response is MeterResponse.ACCEPTED
    with demo_database.reading() as session:
        (vend,) = session.scalars(select(Vend)).all()
        assert str(vend.state) in ("issued", "printed")
