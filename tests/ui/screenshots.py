"""Pictures of windows for docs/screens/, checked for having been drawn at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def save(widget: QWidget, folder: Path, name: str) -> Path:
    # Text changes post layout requests; let every layout settle before the picture.
    for _ in range(5):
        QApplication.processEvents()
        QTest.qWait(20)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 8, f"{name} looks blank"
    return path
