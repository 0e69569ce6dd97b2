"""Python's cycle collector runs on the GUI thread only, while the counter runs.

Automatic collection runs in whichever thread happens to allocate when a generation's count
passes its threshold: a database worker, the backup thread, a device monitor. When the
garbage it finds holds a Qt object (a closed dialog in a cycle with its slots' lambdas),
that object is destroyed on that thread while the GUI thread may be painting or delivering
a key press, and the process dies with a segmentation fault. The test suite met exactly
that (UI-27). So the app turns automatic collection off and collects on a timer of the GUI
thread, by the same rule the interpreter uses: a generation is collected when its count has
passed its threshold. Reference counting still frees everything that is not in a cycle at
once; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: Often enough that cycles never pile up between two ticks of a busy counter; a young
#: generation's collection takes well under a millisecond.
COLLECT_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Owns cycle collection for the life of the application (create it on the GUI thread)."""

    def __init__(self, parent: QObject | None = None, every_ms: int = COLLECT_EVERY_MS) -> None:
        super().__init__(parent)
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(every_ms)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; the number found."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Automatic collection as it was (the app is closing, or a test is done with it)."""
        self.timer.stop()
        if self.was_enabled:
            gc.enable()
