"""Measure how long the GUI thread goes without running its event loop.

A ``QTimer`` ticks every ``interval_ms``; the gap between two ticks minus the interval is
how long the thread was busy elsewhere (a stall the cashier would feel as a frozen window).
Used by the UI benchmarks (docs/benchmarks.md) and handy when profiling a slow screen.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class StallMonitor(QObject):
    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps_ms: list[float] = []

    def start(self) -> None:
        self.gaps_ms.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def longest_stall_ms(self) -> float:
        """The longest time the loop was late, beyond the timer's own interval."""
        return max((gap - self.interval_ms for gap in self.gaps_ms), default=0.0)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000)
        self._last = now
