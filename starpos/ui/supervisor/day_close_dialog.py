"""The sales point's day before its close (decision SHF-16): its shifts (those not closed
named), the totals per till and per operator, the module's credit used against the energy
sold, and Close the day, which is offered only when every shift of the day is closed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.devices.printer.slip import Slip
from starpos.ui.signals import emit
from starpos.ui.supervisor.report_dialog import COLUMNS
from starpos.ui.translator import tr


class DayCloseDialog(QDialog):
    #: the supervisor closes the day
    close_chosen = Signal()

    def __init__(
        self, slip: Slip, *, all_closed: bool, closed: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dayCloseDialog")
        self.all_closed, self.closed = all_closed, closed
        self.intro = QLabel()
        self.intro.setObjectName("dayCloseIntro")
        self.intro.setWordWrap(True)
        self.view = QPlainTextEdit()
        self.view.setObjectName("dayCloseText")
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setPlainText(slip.text(COLUMNS))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = QPushButton()
        self.close_button.setObjectName("dayCloseButton")
        self.close_button.setEnabled(all_closed and not closed)
        self.close_button.setDefault(self.close_button.isEnabled())
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button.clicked.connect(lambda: emit(self.close_chosen))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.resize(560, 720)
        self.retranslate_ui()
        (self.close_button if self.close_button.isEnabled() else self.view).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "Day close"))
        if self.closed:
            intro = tr("shifts", "This day is closed already.")
        elif not self.all_closed:
            intro = tr(
                "shifts",
                "The day cannot be closed while a shift of it is not closed: the shifts "
                "below must be counted and closed first.",
            )
        else:
            intro = tr("shifts", "Every shift of the day is closed. Close the day and print it?")
        self.intro.setText(intro)
        self.close_button.setText(tr("shifts", "Close the &day"))
