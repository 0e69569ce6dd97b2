"""Enter to token shown on the real stack, and the GUI thread's longest stall meanwhile.

A benchmark (``-m bench -s``): keyboard vends through the window, the vend service and the
module emulator on a pty (the vend tests' world); numbers for docs/benchmarks.md.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.settings import Settings
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.threading.stall_monitor import StallMonitor
from tests.support.data_files import SAMPLE_TABLES


def vend_world() -> Any:
    """The vend tests' world (emulator with demo keys and credit, sellable meters)."""
    return importlib.import_module("tests.integration.vend.vend_world")


pytestmark = [pytest.mark.bench, pytest.mark.slow]

VENDS = 20


@pytest.fixture
def app(qtbot: QtBot, demo_database: Database, tmp_path: Path) -> Iterator[CounterApp]:
    emulator = vend_world().start_module(tmp_path, SAMPLE_TABLES)
    vend_world().use_module(emulator.url)
    settings = Settings()
    auth, counter = on_workers(*counter_on(demo_database, settings))
    counter_app = CounterApp(auth, counter)
    qtbot.addWidget(counter_app.login_window)
    counter_app.start()
    try:
        yield counter_app
    finally:
        counter_app.shut_down()
        emulator.stop()
        stop_virtual_printer()


def test_enter_to_token_on_the_real_stack(
    qtbot: QtBot, app: CounterApp, demo_database: Database
) -> None:
    meters = vend_world().sellable_meters(demo_database)
    qtbot.keyClicks(app.login_window.code_field, "CASH1")
    qtbot.keyClicks(app.login_window.password_field, "cash-demo")
    with qtbot.waitSignal(app.counter_opened, timeout=30_000) as opened:
        qtbot.keyClick(app.login_window.password_field, Qt.Key.Key_Return)
    window = opened.args[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    monitor = StallMonitor()
    durations, stalls = [], []
    for index in range(VENDS):
        meter = meters[index % len(meters)]
        with qtbot.waitSignal(window.quote_shown, timeout=20_000):
            qtbot.keyClicks(window.meter_field.edit, meter.number)
            qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F4)  # 50.00
        monitor.start()
        started = time.perf_counter()
        with qtbot.waitSignal(window.vend_finished, timeout=30_000) as finished:
            qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
        durations.append((time.perf_counter() - started) * 1000)
        assert finished.args[0] is not None
        qtbot.waitUntil(lambda: window.token_panel.print_state != "printing", timeout=30_000)
        monitor.stop()
        stalls.append(monitor.longest_stall_ms)
    durations.sort()
    p95 = durations[int(len(durations) * 0.95) - 1]
    print(
        f"\nreal stack ({VENDS} keyboard vends, emulator on a pty, virtual printer): "
        f"Enter->token p50 {statistics.median(durations):.0f} ms, p95 {p95:.0f} ms, "
        f"max {durations[-1]:.0f} ms; longest GUI stall {max(stalls):.1f} ms "
        f"(median per vend {statistics.median(stalls):.1f} ms)"
    )
