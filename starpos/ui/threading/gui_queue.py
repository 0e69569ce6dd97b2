"""Hand items from any thread to the GUI thread, in order.

A worker thread or a device's monitor thread puts an item; the GUI thread gets it, one
call per item, in the order they were put. The items travel through a Python queue; the
only thing crossing threads through Qt is a signal without arguments that wakes the GUI
thread to collect them, so no Python object is ever handed between threads by Qt
(cross-thread signals carrying Python objects have had reference-count bugs in PySide 6.8+,
PYSIDE-3124). The workers' results and the card reader's insertions both come this way.
"""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from starpos.ui.signals import emit

T = TypeVar("T")


class GuiThreadQueue(QObject, Generic[T]):
    """Calls ``deliver(item)`` on the thread this object lives in for each item put."""

    _wake = Signal()

    def __init__(self, deliver: Callable[[T], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._items: queue.SimpleQueue[T] = queue.SimpleQueue()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def put(self, item: T) -> None:
        """Queue ``item`` for the GUI thread; safe from any thread."""
        self._items.put(item)
        with contextlib.suppress(RuntimeError):  # its owner was deleted a moment ago
            emit(self._wake)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                item = self._items.get_nowait()
            except queue.Empty:
                return
            self._deliver(item)
