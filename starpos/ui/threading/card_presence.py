"""Cards going in and out of the counter's readers, as signals on the GUI thread.

The card layer's presence monitor reports from its own thread; the reports reach the GUI
thread through a :class:`GuiThreadQueue` and come out as ``card_inserted`` and
``card_removed``, each with the reader's name. Card mode (the counter follows the customer's
card) and the card desk's "card in the reader" panel both watch this way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from starpos.counter.views import CardPresence, Stoppable
from starpos.ui.services import CardService
from starpos.ui.signals import emit
from starpos.ui.threading.gui_queue import GuiThreadQueue


class _Running:
    """The monitor while it runs; stopping it twice stops it once."""

    def __init__(self, monitor: Stoppable) -> None:
        self.monitor: Stoppable | None = monitor

    def stop(self) -> None:
        monitor, self.monitor = self.monitor, None
        if monitor is not None:
            monitor.stop()


class CardPresenceWatch(QObject):
    #: a card was inserted in the reader named
    card_inserted = Signal(str)
    #: the card was taken out of the reader named
    card_removed = Signal(str)

    def __init__(self, cards: CardService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards = cards
        self._reports: GuiThreadQueue[CardPresence] = GuiThreadQueue(self._reported, self)
        self._running: _Running | None = None

    def start(self) -> None:
        """Watch the readers (the first scan reports a card already in one)."""
        if self._running is None:
            running = _Running(self._cards.watch(self._reports.put))
            self._running = running
            # Deleted with its owner without being stopped: the monitor thread ends too.
            self.destroyed.connect(lambda *_: running.stop())

    def stop(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            running.stop()

    def _reported(self, presence: CardPresence) -> None:
        emit(self.card_inserted if presence.inserted else self.card_removed, presence.reader)
