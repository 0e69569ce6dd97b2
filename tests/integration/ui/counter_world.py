"""The counter window on the real core, as a cashier meets it: the seeded demo store, the real
auth, look-up and pricing, a secure module emulator process on a pty (the demo keys and
credit) and the virtual printer.

Import the ``counter_world`` fixture into a test module; :func:`refusals` marks a few of
the demo's meters so a scenario meets every kind of refusal (unknown number, blacklisted
customer, post-paid meter, card meter, mistyped check digit).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import Customer, Meter, MeterModel, Vend
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.settings import Settings
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language
from tests.support.data_files import SAMPLE_TABLES

#: A valid meter number (its check digit is right) that the demo store does not have.
UNKNOWN_METER = "99999999990"
PASSWORDS = {
    "CASH1": "cash-demo",
    "SUP1": "super-demo",
    "ADMIN1": "admin-demo",
    "INST1": "inst-demo",
}


def vend_world() -> Any:
    """The vend tests' world (emulator with demo keys and credit, sellable meters)."""
    return importlib.import_module("tests.integration.vend.vend_world")


@dataclass
class CounterWorld:
    app: CounterApp
    emulator: Any  # tests.integration.sm.conftest.EmulatorProcess
    tables: Path
    database: Database

    def log_in(self, qtbot: QtBot, code: str = "CASH1") -> PosWindow:
        login = self.app.login_window
        login.code_field.setText(code)
        login.password_field.setText(PASSWORDS[code])
        with qtbot.waitSignal(self.app.counter_opened, timeout=30_000) as opened:
            qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
        window: PosWindow = opened.args[0]
        window.activateWindow()  # no window manager under Xvfb or offscreen to do it
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        return window

    def sellable(self, without_debt: bool = False) -> list[str]:
        """Keypad meters of active customers (``without_debt``: whose debt is nil, so the
        smallest default amount still buys energy)."""
        numbers = [meter.number for meter in vend_world().sellable_meters(self.database)]
        if not without_debt:
            return numbers
        with self.database.reading() as session:
            clear = set(session.scalars(select(Meter.number).where(Meter.outstanding_debt == 0)))
        return [number for number in numbers if number in clear]

    def vend_count(self) -> int:
        with self.database.reading() as session:
            return int(session.scalar(select(func.count()).select_from(Vend)) or 0)

    def vends(self) -> list[tuple[str, str]]:
        """(meter number, net amount) of every vend booked, in order."""
        with self.database.reading() as session:
            rows = session.execute(
                select(Meter.number, Vend.net_amount)
                .join(Meter, Meter.id == Vend.meter_id)
                .order_by(Vend.id)
            ).all()
        return [(number, f"{net:.2f}") for number, net in rows]


@pytest.fixture
def counter_world(qtbot: QtBot, demo_database: Database, tmp_path: Path) -> Iterator[CounterWorld]:
    switch_language("en")
    tables = SAMPLE_TABLES
    # Credit for a day of sales (a hundred of up to 100.00 each): 500,000.0 kWh in tenths.
    emulator = vend_world().start_module(tmp_path, tables, credit_tenths=5_000_000)
    vend_world().use_module(emulator.url)
    auth, counter = on_workers(*counter_on(demo_database, Settings()))
    app = CounterApp(auth, counter)
    qtbot.addWidget(app.login_window)
    app.start()
    try:
        yield CounterWorld(app, emulator, tables, demo_database)
    finally:
        app.shut_down()
        emulator.stop()
        stop_virtual_printer()
        switch_language("en")


@dataclass(frozen=True)
class Refusals:
    blacklisted: str
    postpaid: str
    card: str
    unknown: str = UNKNOWN_METER


def refusals(world: CounterWorld) -> Refusals:
    """Turn three of the demo's sellable meters into refusals of each kind, and say which
    (meters with a debt: the others stay sellable for any amount)."""
    clear = set(world.sellable(without_debt=True))
    first, second, third = [number for number in world.sellable() if number not in clear][:3]
    with world.database.unit_of_work() as uow:
        session = uow.session

        def meter(number: str) -> Meter:
            return session.scalars(select(Meter).where(Meter.number == number)).one()

        blacklisted = session.get(Customer, meter(first).customer_id)
        assert blacklisted is not None
        blacklisted.status = CustomerStatus.BLACKLISTED
        blacklisted.remark = "meter tampered, case 4471"
        postpaid_model = session.scalars(select(MeterModel).where(MeterModel.code == "SP-1P")).one()
        meter(second).model_id = postpaid_model.id
        meter(third).medium = MeterMedium.CARD
        uow.commit()
    return Refusals(blacklisted=first, postpaid=second, card=third)


def mistyped(number: str) -> str:
    """``number`` with its last digit changed: the check digit no longer matches."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def close_dialogs(app: CounterApp) -> None:
    """Answer the box on screen with Enter, as a cashier does."""
    box = app.funnel.last_dialog
    if box is not None and box.isVisible():
        box.accept()
    QApplication.processEvents()
