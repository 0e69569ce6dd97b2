"""Look-up and quote on the real store and pricing: latency and the GUI thread's longest stall.

A benchmark (``-m bench -s``): numbers for docs/benchmarks.md, no pass/fail on time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, PaymentMode
from starpos.db.models import Customer, Meter, MeterModel
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.threading.stall_monitor import StallMonitor

pytestmark = [pytest.mark.bench, pytest.mark.slow]


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


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def test_look_up_and_quote_latency_and_gui_stall(
    qtbot: QtBot, core_app: CounterApp, demo_database: Database
) -> None:
    with demo_database.reading() as session:
        numbers = list(
            session.scalars(
                select(Meter.number)
                .join(Customer)
                .join(MeterModel, MeterModel.id == Meter.model_id)
                .where(
                    # Meters a token can be sold to: the others are refused at look-up, and
                    # take no amount to quote (issue 11).
                    Customer.status == CustomerStatus.ACTIVE,
                    Meter.medium == MeterMedium.KEYPAD,
                    Meter.contract_status != ContractStatus.CANCELLED,
                    MeterModel.payment_mode == PaymentMode.PREPAID,
                )
                .limit(15)
            )
        )
    login = core_app.login_window
    qtbot.keyClicks(login.code_field, "CASH1")
    qtbot.keyClicks(login.password_field, "cash-demo")
    with qtbot.waitSignal(core_app.counter_opened, timeout=30_000) as opened:
        qtbot.keyClick(login.password_field, Qt.Key.Key_Return)
    window = opened.args[0]
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    monitor = StallMonitor()
    lookups, quotes, stalls = [], [], []
    for number in numbers:
        window.meter_field.clear()
        window.amount_panel.reset()
        qtbot.keyClicks(window.meter_field.edit, number[:-1])
        monitor.start()
        started = time.perf_counter()
        with qtbot.waitSignal(window.customer_shown, timeout=10_000):
            qtbot.keyClicks(window.meter_field.edit, number[-1])  # the number completes
        lookups.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        with qtbot.waitSignal(window.quote_shown, timeout=10_000):
            qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F4)
        quotes.append((time.perf_counter() - started) * 1000)
        monitor.stop()
        stalls.append(monitor.longest_stall_ms)
    print(
        f"\ncounter on the demo store ({len(numbers)} customers; includes the "
        f"{120} ms settle delay): look-up p50 {statistics.median(lookups):.0f} ms "
        f"p95 {p95(lookups):.0f} ms; quote p50 {statistics.median(quotes):.0f} ms "
        f"p95 {p95(quotes):.0f} ms; GUI stall per customer: median "
        f"{statistics.median(stalls):.1f} ms, longest {max(stalls):.1f} ms"
    )
