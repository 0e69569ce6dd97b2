"""A bar chart drawn with QPainter (PySide6-Essentials has no QtCharts): one series of
labelled Decimal values, bars scaled to the largest. Pixel heights are computed in Decimal
and rounded to whole pixels: money never becomes a float."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3b6ea8")
AXIS = QColor("#555555")


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.items: list[tuple[str, Decimal]] = []
        self.setMinimumSize(280, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_series(self, title: str, items: list[tuple[str, Decimal]]) -> None:
        self.title, self.items = title, items
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = self.rect().adjusted(8, 4, -8, -4)
        painter.drawText(area.adjusted(0, 0, 0, -(area.height() - line)),
                         Qt.AlignmentFlag.AlignLeft, self.title)  # fmt: skip
        plot = area.adjusted(0, line + 4 + line, 0, -(line + 4))
        painter.setPen(AXIS)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self.items or plot.width() < 10 or plot.height() < 10:
            painter.end()
            return
        top = max(value for _, value in self.items)
        count = len(self.items)
        slot = Decimal(plot.width()) / count
        every = max(1, int(count * (metrics.horizontalAdvance("0000-00-00") + 6) / plot.width()))
        for index, (label, value) in enumerate(self.items):
            height = int(Decimal(plot.height()) * value / top) if top > 0 else 0
            left = plot.left() + int(slot * index) + max(1, int(slot / 8))
            width = max(1, int(slot) - 2 * max(1, int(slot / 8)))
            bar = QRect(left, plot.bottom() - height, width, height)
            painter.fillRect(bar, BAR)
            painter.setPen(AXIS)
            if index % every == 0:
                text = label if count <= 12 or len(label) <= 5 else label[5:]
                painter.drawText(QRect(left - 20, plot.bottom() + 2, width + 40, line),
                                 Qt.AlignmentFlag.AlignHCenter, text)  # fmt: skip
            if count <= 12 and value:
                painter.drawText(QRect(left - 20, plot.bottom() - height - line, width + 40, line),
                                 Qt.AlignmentFlag.AlignHCenter, str(value))  # fmt: skip
        painter.end()
