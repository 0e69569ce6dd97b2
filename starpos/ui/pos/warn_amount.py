"""Above the warn amount (STAR manual 1.1) a typing slip costs real money, so the counter asks.

The question is a modal box opened with ``open()`` (the GUI thread never blocks in a nested
loop); Enter alone answers No, so only a deliberate Yes sells the larger amount.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from starpos.ui.translator import tr


def ask_to_confirm(
    parent: QWidget, amount: str, name: str, answered: Callable[[bool], None]
) -> QMessageBox:
    """Open the question for ``amount`` sold to ``name``; ``answered(yes)`` gets the reply."""
    box = QMessageBox(parent)
    box.setObjectName("warnAmountQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("pos", "Check the amount"))
    box.setText(
        tr("pos", "{net} is more than the usual amount. Sell it to {name}?").format(
            net=amount, name=name
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter alone does not confirm
    box.finished.connect(lambda result: answered(result == QMessageBox.StandardButton.Yes))
    box.open()
    return box
