"""Pictures of windows for docs/screens/, checked for having been drawn at all.

A picture is taken in the app's own font (:func:`app_font`, the ``app_look`` fixture: set
before the window is made, as ``starpos.ui.application`` does) at the cashier's screen
sizes (:data:`SCREENS`). :func:`save_screen` takes the window with a box open over it, as
the screen shows them under a real X server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QImage, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

#: The screens a counter runs on, less a window manager's title bar.
SCREENS = {"1366x768": (1366, 738), "1024x768": (1024, 738)}


def app_font() -> QFont:
    """The font ``starpos.ui.application`` gives the app (DejaVu Sans 11 pt)."""
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    return font


@pytest.fixture
def app_look() -> Iterator[None]:
    """The app's font for the windows the test makes (restored after)."""
    before = QApplication.font()
    QApplication.setFont(app_font())
    yield
    QApplication.setFont(before)


def _settle() -> None:
    # Text changes post layout requests; let every layout settle before the picture.
    for _ in range(5):
        QApplication.processEvents()
        QTest.qWait(20)


def _check(path: Path, name: str) -> Path:
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 8, f"{name} looks blank"
    return path


def save(widget: QWidget, folder: Path, name: str) -> Path:
    _settle()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return _check(path, name)


def save_screen(window: QWidget, folder: Path, name: str) -> Path:
    """The window with the box open over it, as on the screen (a real X server); offscreen,
    where nothing is composed, the box is drawn onto the window's picture."""
    _settle()
    path = folder / f"{name}.png"
    screen = window.screen()
    if QApplication.platformName() == "xcb" and screen is not None:
        area = window.frameGeometry()
        picture = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
    else:
        picture = window.grab()
        box = QApplication.activeModalWidget()
        if box is not None:
            painter = QPainter(picture)
            inner = box.grab()
            spot = QRect(0, 0, inner.width(), inner.height())
            spot.moveCenter(picture.rect().center())
            painter.drawPixmap(spot, inner)
            painter.end()
    assert isinstance(picture, QPixmap) and picture.save(str(path))
    return _check(path, name)
