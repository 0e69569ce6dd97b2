"""A registration bill on screen where no printer is at hand (decision BO-27): the paper as
the printer package lays it out, and Save as PDF… to print it elsewhere. Escape closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.ui.translator import tr

TITLE = tr_noop("admin", "Registration bill {bill}")
SAVE_PDF = tr_noop("admin", "&Save as PDF…")
PDF_FILES = tr_noop("admin", "PDF files (*.pdf)")
TEXTS = (TITLE, SAVE_PDF, PDF_FILES)


class BillPreviewDialog(QDialog):
    """The bill ``bill_number`` as ``png`` (the printer package's picture of the paper);
    ``pdf`` is the same paper as a PDF document, written by Save as PDF…."""

    def __init__(
        self, bill_number: str, png: bytes, pdf: bytes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("billPreview")
        self.bill_number, self.pdf = bill_number, pdf
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(png, "PNG")
        self.image = QLabel()
        self.image.setObjectName("billImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.image.setPixmap(self.pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePdf")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._choose_file)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(max(420, self.pixmap.width() + 60), 640)
        self.setWindowTitle(tr("admin", TITLE).format(bill=bill_number))
        self.save_button.setText(tr("admin", SAVE_PDF))
        self.save_button.setFocus()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("admin", SAVE_PDF).replace("&", "").rstrip("…"),
            f"{self.bill_number}.pdf", tr("admin", PDF_FILES),
        )  # fmt: skip
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        path.write_bytes(self.pdf)
