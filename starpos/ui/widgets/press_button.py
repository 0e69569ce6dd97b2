"""A dialog's action button that acts on every press of its Alt+letter.

Qt answers a button's mnemonic with ``animateClick()``: the button shows itself pressed for
100 ms and clicks when that ends, and a second press inside those 100 ms only restarts the
animation, so two quick presses click once. For a print that is a press lost without a
word (issue 13: Alt+R twice in the Z list printed once). This button clicks at once on each
press; what the click starts is queued on its worker like any other (decision SHF-23)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShortcutEvent
from PySide6.QtWidgets import QPushButton


class PressButton(QPushButton):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        # Enter never presses an action button: it belongs to the field or row it is in.
        self.setAutoDefault(False)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Shortcut
            and isinstance(event, QShortcutEvent)
            and not event.isAmbiguous()
        ):
            self.click()  # a disabled button ignores it, as it shows
            return True
        return super().event(event)
