"""The counter's status bar: operator, sales point, module (with its credit), printer, the
card reader (once the counter has card mode), clock.

Device states are asked on their own workers every few seconds; the bar only ever shows
the last answer, so a slow device never freezes it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from starpos.counter.views import DeviceState, OperatorSession
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr

OK_STYLE = "color: #1b5e20;"
PROBLEM_STYLE = "color: #b00020; font-weight: bold;"


class CounterStatusBar(QStatusBar):
    def __init__(self, session: OperatorSession, time_zone: str = "UTC") -> None:
        super().__init__()
        self.setObjectName("counterStatusBar")
        self.session = session
        # The utility's wall clock, as on its vouchers and sale times (not the PC's zone).
        self.zone = _zone(time_zone)
        self.module: DeviceState | None = None
        self.printer: DeviceState | None = None
        self.card_reader: DeviceState | None = None
        self.operator_label = QLabel()
        self.operator_label.setObjectName("statusOperator")
        self.sales_point_label = QLabel()
        self.sales_point_label.setObjectName("statusSalesPoint")
        self.module_label = QLabel()
        self.module_label.setObjectName("statusModule")
        self.printer_label = QLabel()
        self.printer_label.setObjectName("statusPrinter")
        self.card_reader_label = QLabel()
        self.card_reader_label.setObjectName("statusCardReader")
        self.card_reader_label.hide()  # until the counter's card mode reports its reader
        self.clock_label = QLabel()
        self.clock_label.setObjectName("statusClock")
        for label in (self.operator_label, self.sales_point_label):
            self.addWidget(label)
        for label in (
            self.module_label,
            self.printer_label,
            self.card_reader_label,
            self.clock_label,
        ):
            self.addPermanentWidget(label)
        self.clock = QTimer(self)
        self.clock.timeout.connect(self._tick)
        self.clock.start(1000)
        self.retranslate_ui()

    def set_module_state(self, state: DeviceState | None) -> None:
        self.module = state
        self._show_devices()

    def set_printer_state(self, state: DeviceState | None) -> None:
        self.printer = state
        self._show_devices()

    def set_card_reader_state(self, state: DeviceState | None) -> None:
        self.card_reader = state
        self.card_reader_label.show()
        self._show_devices()

    def retranslate_ui(self) -> None:
        self.operator_label.setText(
            tr("status", "Operator: {name} ({code})").format(
                name=self.session.name, code=self.session.code
            )
        )
        self.sales_point_label.setText(
            tr("status", "Sales point: {name}").format(name=self.session.sales_point)
        )
        self._show_devices()
        self._tick()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _tick(self) -> None:
        self.clock_label.setText(datetime.now(self.zone).strftime("%Y-%m-%d %H:%M:%S"))

    def _describe(self, state: DeviceState | None) -> tuple[str, str]:
        if state is None:
            return "", tr("status", "checking…")
        detail = tr("status", state.detail).format(**state.params) if state.detail else ""
        if state.online:
            return OK_STYLE, detail or tr("status", "ready")
        return PROBLEM_STYLE, detail or tr("status", "offline")

    def _show_devices(self) -> None:
        style, text = self._describe(self.module)
        if self.module is not None and self.module.balance_kwh is not None:
            text += " · " + tr("status", "credit {kwh} kWh").format(
                kwh=format_kwh(self.module.balance_kwh)
            )
        self.module_label.setStyleSheet(style)
        self.module_label.setText(tr("status", "Module: {state}").format(state=text))
        style, text = self._describe(self.printer)
        self.printer_label.setStyleSheet(style)
        self.printer_label.setText(tr("status", "Printer: {state}").format(state=text))
        style, text = self._describe(self.card_reader)
        self.card_reader_label.setStyleSheet(style)
        self.card_reader_label.setText(tr("status", "Card reader: {state}").format(state=text))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")  # the store checks the name; a clock never stops the counter
