"""The counter's status bar: operator and sales point, module (with its credit), printer,
the card reader (once the counter has card mode), clock.

Device states are asked on their own workers every few seconds; the bar only ever shows
the last answer, so a slow device never freezes it. Each device says a short state
("Module: not connected", "Printer: paper out"); what exactly went wrong is in its tooltip
(and in the error box of the sale it hit), never in the bar itself: a long message there
would widen the window past the screen. The operator and sales point give way to the
devices when the window is narrow (their full text is in the tooltip too).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from starpos.counter.views import DeviceState
from starpos.devices.printer.errors import (
    PrinterCoverOpenError,
    PrinterFaultError,
    PrinterPaperOutError,
    PrinterSupportMissingError,
)
from starpos.errors import ConfigError
from starpos.i18n import render_error, tr_noop
from starpos.module_admin.key_standing import KeyStanding
from starpos.operators.session import OperatorSession
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr
from starpos.ui.widgets.elided_label import ElidedLabel
from starpos.vending.errors import ModuleBusyError

OK_STYLE = "color: #1b5e20;"
PROBLEM_STYLE = "color: #b00020; font-weight: bold;"

NOT_CONNECTED = tr_noop("status", "not connected")


def short_state(problem: BaseException | None) -> str:
    """The few words the status bar says for a device that failed with ``problem``
    (English source text, context ``status``)."""
    if isinstance(problem, PrinterPaperOutError):
        return tr_noop("status", "paper out")
    if isinstance(problem, PrinterCoverOpenError):
        return tr_noop("status", "cover open")
    if isinstance(problem, PrinterFaultError):
        return tr_noop("status", "printer error")
    if isinstance(problem, PrinterSupportMissingError | ConfigError):
        return tr_noop("status", "not set up")
    if isinstance(problem, ModuleBusyError):
        return tr_noop("status", "in use by another program")
    return NOT_CONNECTED


class CounterStatusBar(QStatusBar):
    def __init__(self, session: OperatorSession, time_zone: str = "UTC") -> None:
        super().__init__()
        self.setObjectName("counterStatusBar")
        self.setSizeGripEnabled(False)
        self.session = session
        # The utility's wall clock, as on its vouchers and sale times (not the PC's zone).
        self.zone = _zone(time_zone)
        self.module: DeviceState | None = None
        self.printer: DeviceState | None = None
        self.card_reader: DeviceState | None = None
        self.operator_label = ElidedLabel()
        self.operator_label.setObjectName("statusOperator")
        self.sales_point_label = ElidedLabel()
        self.sales_point_label.setObjectName("statusSalesPoint")
        self.module_label = QLabel()
        self.module_label.setObjectName("statusModule")
        self.printer_label = QLabel()
        self.printer_label.setObjectName("statusPrinter")
        self.card_reader_label = QLabel()
        self.card_reader_label.setObjectName("statusCardReader")
        self.card_reader_label.hide()  # until the counter's card mode reports its reader
        self.keys_label = QLabel()
        self.keys_label.setObjectName("statusKeys")
        self.keys_label.hide()  # until a module key is near its expiry (STS202-6)
        self.key_warnings: list[KeyStanding] = []
        self.clock_label = QLabel()
        self.clock_label.setObjectName("statusClock")
        self.addWidget(self.operator_label)
        self.addWidget(self.sales_point_label, 1)
        for label in (
            self.keys_label,
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

    def set_key_warnings(self, standings: list[KeyStanding]) -> None:
        """The module's keys near or past their expiry (soonest first); none hides it."""
        self.key_warnings = list(standings)
        self._show_keys()

    def _show_keys(self) -> None:
        if not self.key_warnings:
            self.keys_label.hide()
            return
        soonest = self.key_warnings[0]
        if soonest.days_left < 0:
            text = tr("status", "Module key expired")
        else:
            text = tr("status", "Module key expires in {days} day(s)").format(
                days=soonest.days_left
            )
        tip = "\n".join(
            tr("status", "Key {register} (SGC {sgc}, KRN {krn}): until {day}").format(
                register=f"{s.info.register:02d}",
                sgc=s.info.sgc,
                krn=s.info.krn,
                day=s.expires_on.isoformat(),
            )
            for s in self.key_warnings
        )
        self._show(self.keys_label, PROBLEM_STYLE, text, tip)
        self.keys_label.show()

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
        self._show_keys()
        self._tick()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _tick(self) -> None:
        self.clock_label.setText(datetime.now(self.zone).strftime("%Y-%m-%d %H:%M:%S"))

    def _describe(self, state: DeviceState | None) -> tuple[str, str, str]:
        """Style, short state and tooltip of a device."""
        if state is None:
            return "", tr("status", "checking…"), ""
        if state.online:
            return OK_STYLE, tr("status", "ready"), ""
        if state.problem is not None:
            return (
                PROBLEM_STYLE,
                tr("status", short_state(state.problem)),
                render_error(state.problem),
            )
        detail = tr("status", state.detail).format(**state.params) if state.detail else ""
        return PROBLEM_STYLE, detail or tr("status", "offline"), ""

    def _show_devices(self) -> None:
        style, text, tip = self._describe(self.module)
        if self.module is not None and self.module.online and self.module.balance_kwh is not None:
            text += " · " + tr("status", "credit {kwh} kWh").format(
                kwh=format_kwh(self.module.balance_kwh)
            )
        self._show(
            self.module_label, style, tr("status", "Module: {state}").format(state=text), tip
        )
        style, text, tip = self._describe(self.printer)
        self._show(
            self.printer_label, style, tr("status", "Printer: {state}").format(state=text), tip
        )
        style, text, tip = self._describe(self.card_reader)
        self._show(
            self.card_reader_label,
            style,
            tr("status", "Card reader: {state}").format(state=text),
            tip,
        )

    @staticmethod
    def _show(label: QLabel, style: str, text: str, tip: str) -> None:
        label.setStyleSheet(style)
        label.setText(text)
        label.setToolTip(tip)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")  # the store checks the name; a clock never stops the counter
