"""An X or a Z on screen: the very rows the paper and the PDF show
(:class:`~starpos.devices.printer.slip.Slip`), with Print (and, for a Z, Save as PDF)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.devices.printer.slip import Slip
from starpos.ui.signals import emit
from starpos.ui.translator import tr
from starpos.ui.widgets.press_button import PressButton

#: Columns of the on-screen report: a wide receipt, so labels and values stay on one row.
COLUMNS = 48


class ReportDialog(QDialog):
    #: the operator asked for the paper
    print_chosen = Signal()
    #: the operator asked for the PDF
    pdf_chosen = Signal()

    def __init__(self, slip: Slip, *, pdf: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.slip = slip
        self.view = QPlainTextEdit()
        self.view.setObjectName("reportText")
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setPlainText(slip.text(COLUMNS))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Every press of Alt+P prints (a reprint of a Z: one more DUPLICATE, SHF-23).
        self.print_button = PressButton("reportPrint")
        self.print_button.setAutoDefault(True)  # as the box's buttons are: Enter prints
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: emit(self.print_chosen))
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("reportPdf")
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setVisible(pdf)  # after adding it: the box shows what it adds
        self.pdf_button.clicked.connect(lambda: emit(self.pdf_chosen))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.resize(520, 720)
        self.retranslate_ui()
        self.view.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.slip.title[1] if len(self.slip.title) > 1 else "")
        self.print_button.setText(tr("shifts", "&Print"))
        self.pdf_button.setText(tr("shifts", "Save as P&DF…"))
