"""UI benchmarks: Enter to token shown, and the longest GUI-thread stall while vending.

Numbers, not pass/fail timing (COMMON.md): run with ``-m bench -s`` and copy the printed
line into docs/benchmarks.md. The in-memory services here add a fixed module delay, so
the numbers measure the window's own overhead; tests/e2e measure it on the real stack.
"""

from __future__ import annotations

import statistics
import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.threading.stall_monitor import StallMonitor
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import GOOD_METER, OTHER_METER, FakeCounter

pytestmark = [pytest.mark.bench, pytest.mark.slow]

VENDS = 30


class SlowModuleCounter(FakeCounter):
    """A module that takes as long as a real one on a serial line (about 25 ms)."""

    def vend(self, request, operator):  # type: ignore[no-untyped-def]
        time.sleep(0.025)
        return super().vend(request, operator)


@pytest.fixture
def fake_counter() -> FakeCounter:
    return SlowModuleCounter()


def test_enter_to_token_and_longest_gui_stall(qtbot: QtBot, counter_app: CounterApp) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    monitor = StallMonitor()
    durations: list[float] = []
    stalls: list[float] = []
    for index in range(VENDS):
        meter = GOOD_METER if index % 2 else OTHER_METER
        with qtbot.waitSignal(window.quote_shown, timeout=5000):
            qtbot.keyClicks(window.meter_field.edit, meter)
            qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)
        # The heartbeat covers what the GUI thread does from Enter to the voucher printed
        # (not the test's own typing, which runs on the GUI thread too).
        monitor.start()
        started = time.perf_counter()
        with qtbot.waitSignal(window.voucher_printed, timeout=5000):
            with qtbot.waitSignal(window.vend_finished, timeout=5000):
                qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
            durations.append((time.perf_counter() - started) * 1000)
        monitor.stop()
        stalls.append(monitor.longest_stall_ms)
    durations.sort()
    p95 = durations[int(len(durations) * 0.95) - 1]
    print(
        f"\nUI bench ({VENDS} vends, 25 ms module): Enter->token p50 "
        f"{statistics.median(durations):.1f} ms, p95 {p95:.1f} ms; "
        f"longest GUI stall {max(stalls):.1f} ms"
    )
    assert len(durations) == VENDS
