"""The SUN card in the reader, as read back: its meter, the meter's data, and its state.

Shown only in card mode. What needs a person's eye is highlighted: tamper events and
overloads in red (they are also flagged for the supervisor), credit the meter has not
loaded yet and low credit in amber, a card that cannot be sold to with the reason.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from starpos.counter.views import CardReading
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr

_FIELDS = (
    "state",
    "serial",
    "meter",
    "remaining",
    "months",
    "tampers",
    "overloads",
    "relay",
    "pending",
    "read_at",
)
RED = "color: #b00020; font-weight: bold;"
AMBER = "color: #8a5a00; font-weight: bold;"
GREEN = "color: #1b5e20;"


class CardPanel(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cardPanel")
        self.reading: CardReading | None = None
        self.reading_now = False
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for key in _FIELDS:
            label, value = QLabel(), QLabel()
            value.setObjectName(f"card_{key}")
            value.setWordWrap(True)
            self.labels[key], self.values[key] = label, value
            form.addRow(label, value)
        self.retranslate_ui()

    def show_reading(self, reading: CardReading | None) -> None:
        self.reading, self.reading_now = reading, False
        self._fill()

    def show_reading_now(self) -> None:
        self.reading, self.reading_now = None, True
        self._fill()

    def highlighted(self) -> set[str]:
        """The fields shown in red or amber (what the cashier must look at)."""
        return {key for key, value in self.values.items() if value.styleSheet() in (RED, AMBER)}

    def retranslate_ui(self) -> None:
        self.setTitle(tr("cardmode", "Card in the reader"))
        names = {
            "state": tr("cardmode", "Card"),
            "serial": tr("cardmode", "Serial"),
            "meter": tr("cardmode", "Meter"),
            "remaining": tr("cardmode", "Remaining credit"),
            "months": tr("cardmode", "Last months"),
            "tampers": tr("cardmode", "Tamper"),
            "overloads": tr("cardmode", "Overloads"),
            "relay": tr("cardmode", "Supply"),
            "pending": tr("cardmode", "Credit on the card"),
            "read_at": tr("cardmode", "Meter clock"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _set(self, key: str, text: str, style: str = "") -> None:
        self.values[key].setText(text)
        self.values[key].setStyleSheet(style)

    def _fill(self) -> None:
        for key in _FIELDS:
            self._set(key, "")
        reading = self.reading
        if reading is None:
            if self.reading_now:
                self._set("state", tr("cardmode", "Reading the card…"))
            return
        if reading.sellable:
            self._set("state", tr("cardmode", "Ready: sell with Enter"), GREEN)
        else:
            self._set(
                "state", reading.problem or tr("cardmode", "This card cannot be sold to."), RED
            )
        issue = f"  (#{reading.issue_number})" if reading.issue_number else ""
        self._set("serial", reading.serial + issue)
        self._set("meter", reading.meter_number)
        if reading.credit_pending and reading.pending_kwh is not None:
            self._set(
                "pending",
                tr(
                    "cardmode",
                    "{kwh} kWh not loaded into the meter yet (bill {bill}): insert the card "
                    "in the meter first",
                ).format(kwh=format_kwh(reading.pending_kwh), bill=reading.pending_bill),
                AMBER,
            )
        else:
            self._set("pending", tr("cardmode", "none waiting: all credit loaded"))
        if not reading.has_meter_data:
            self._set("remaining", tr("cardmode", "no meter data yet (not in a meter since issue)"))
            return
        self._fill_meter_data(reading)

    def _fill_meter_data(self, reading: CardReading) -> None:
        remaining = f"{format_kwh(reading.remaining_kwh or Decimal(0))} kWh"
        if reading.overdraft_used_kwh:
            remaining += "  " + tr("cardmode", "(overdraft used: {kwh} kWh)").format(
                kwh=format_kwh(reading.overdraft_used_kwh)
            )
        low = reading.warning_level > 0 or bool(reading.overdraft_used_kwh)
        self._set("remaining", remaining, AMBER if low else "")
        self._set("months", " / ".join(format_kwh(kwh) for kwh in reading.monthly_kwh[:3]))
        if reading.tamper_count:
            events = ", ".join(
                f"{tr('cardmode', tamper.kind)} {tamper.at:%Y-%m-%d %H:%M}"
                for tamper in reading.tampers
            )
            self._set(
                "tampers",
                tr("cardmode", "{count} event(s): {events}").format(
                    count=reading.tamper_count, events=events
                ),
                RED,
            )
        else:
            self._set("tampers", tr("cardmode", "none"))
        self._set(
            "overloads",
            str(reading.overload_count) if reading.overload_count else tr("cardmode", "none"),
            RED if reading.overload_count else "",
        )
        relay = (
            tr("cardmode", "cut off (relay open)") if reading.relay_open else tr("cardmode", "on")
        )
        if reading.power_cut_count:
            relay += "  " + tr("cardmode", "({count} power cuts)").format(
                count=reading.power_cut_count
            )
        self._set("relay", relay, AMBER if reading.relay_open else "")
        if reading.meter_clock is not None:
            self._set("read_at", f"{reading.meter_clock:%Y-%m-%d %H:%M}")
