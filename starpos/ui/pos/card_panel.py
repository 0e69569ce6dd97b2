"""The SUN card in the reader, as read back: its meter, the meter's data, and its state.

Shown only in card mode. What needs a person's eye is highlighted: tamper events and
overloads in red (they are also flagged for the supervisor), credit the meter has not
loaded yet and low credit in amber, a card that cannot be sold to with the reason.
"""

from __future__ import annotations

from decimal import Decimal

from starpos.counter.views import CardReading
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr
from starpos.ui.widgets.value_panel import AMBER, GREEN, RED, ValuePanel

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


class CardPanel(ValuePanel):
    def __init__(self) -> None:
        super().__init__("cardPanel", _FIELDS, "card")
        # The card's meter number is the meter field's, right above: not said twice.
        self.form.setRowVisible(self.values["meter"], False)
        self.reading: CardReading | None = None
        self.reading_now = False
        self.retranslate_ui()

    def show_reading(self, reading: CardReading | None) -> None:
        self.reading, self.reading_now = reading, False
        self.fill()

    def show_reading_now(self) -> None:
        self.reading, self.reading_now = None, True
        self.fill()

    def highlighted(self) -> set[str]:
        """The fields shown in red or amber (what the cashier must look at)."""
        return {key for key, value in self.values.items() if value.styleSheet() in (RED, AMBER)}

    def title(self) -> str:
        return tr("cardmode", "Card in the reader")

    def field_names(self) -> dict[str, str]:
        return {
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

    def fill(self) -> None:
        for key in _FIELDS:
            self.set_value(key, "")
        reading = self.reading
        if reading is None:
            if self.reading_now:
                self.set_value("state", tr("cardmode", "Reading the card…"))
            return
        if reading.sellable:
            self.set_value("state", tr("cardmode", "Ready: sell with Enter"), GREEN)
        else:
            self.set_value(
                "state", reading.problem or tr("cardmode", "This card cannot be sold to."), RED
            )
        issue = f"  (#{reading.issue_number})" if reading.issue_number else ""
        self.set_value("serial", reading.serial + issue)
        self.set_value("meter", reading.meter_number)
        if reading.credit_pending and reading.pending_kwh is not None:
            self.set_value(
                "pending",
                tr(
                    "cardmode",
                    "{kwh} kWh not loaded into the meter yet (bill {bill}): insert the card "
                    "in the meter first",
                ).format(kwh=format_kwh(reading.pending_kwh), bill=reading.pending_bill),
                AMBER,
            )
        else:
            self.set_value("pending", tr("cardmode", "none waiting: all credit loaded"))
        if not reading.has_meter_data:
            self.set_value(
                "remaining", tr("cardmode", "no meter data yet (not in a meter since issue)")
            )
            return
        self._fill_meter_data(reading)

    def _fill_meter_data(self, reading: CardReading) -> None:
        remaining = f"{format_kwh(reading.remaining_kwh or Decimal(0))} kWh"
        if reading.overdraft_used_kwh:
            remaining += "  " + tr("cardmode", "(overdraft used: {kwh} kWh)").format(
                kwh=format_kwh(reading.overdraft_used_kwh)
            )
        low = reading.warning_level > 0 or bool(reading.overdraft_used_kwh)
        self.set_value("remaining", remaining, AMBER if low else "")
        self.set_value("months", " / ".join(format_kwh(kwh) for kwh in reading.monthly_kwh[:3]))
        if reading.tamper_count:
            events = ", ".join(
                f"{tr('cardmode', tamper.kind)} {tamper.at:%Y-%m-%d %H:%M}"
                for tamper in reading.tampers
            )
            self.set_value(
                "tampers",
                tr("cardmode", "{count} event(s): {events}").format(
                    count=reading.tamper_count, events=events
                ),
                RED,
            )
        else:
            self.set_value("tampers", tr("cardmode", "none"))
        self.set_value(
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
        self.set_value("relay", relay, AMBER if reading.relay_open else "")
        if reading.meter_clock is not None:
            self.set_value("read_at", f"{reading.meter_clock:%Y-%m-%d %H:%M}")
