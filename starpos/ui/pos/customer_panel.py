"""The customer and meter behind the number, shown before any money is taken.

A blacklisted customer is shown in red with the reason, so the cashier sees the refusal
before the vend is even tried (the vend refuses it again on its own).
"""

from __future__ import annotations

from decimal import Decimal

from starpos.counter.views import CustomerCard
from starpos.ui.master_names import master_name
from starpos.ui.money import format_kwh, money_text
from starpos.ui.translator import tr
from starpos.ui.widgets.value_panel import ValuePanel

_FIELDS = ("name", "address", "meter_model", "tariff", "status", "debt", "last_purchase")


class CustomerPanel(ValuePanel):
    def __init__(self) -> None:
        super().__init__("customerPanel", _FIELDS, "customer")
        self.card: CustomerCard | None = None
        self.decimals = 2
        self.currency = ""
        self._looking_up = False
        #: the customer is known but no credit can be sold to the meter (said under its number)
        self.refused = False
        bold = self.values["name"].font()
        bold.setBold(True)
        bold.setPointSize(bold.pointSize() + 3)
        self.values["name"].setFont(bold)
        self.retranslate_ui()

    def show_card(self, card: CustomerCard | None, decimals: int, currency: str) -> None:
        self.card, self.decimals, self.currency = card, decimals, currency
        self._looking_up = False
        self.refused = False
        self.fill()

    def show_refused(self) -> None:
        """No credit can be sold to the meter on screen (the reason is under its number)."""
        self.refused = True
        self.fill()

    def show_looking_up(self) -> None:
        self.card = None
        self._looking_up = True
        self.refused = False
        self.fill()

    def _collided(self, card: CustomerCard) -> str:
        """Said before the sale: the meter refuses a token of this customer's as used until
        its replacement is entered (two counters gave it the same TID; SYN-51)."""
        lines = [tr("pos", "Active. TOKEN TO REPLACE (another counter gave its TID):")]
        for token in card.collided_tokens:
            lines.append(
                tr(
                    "pos",
                    "bill {bill}: {amount}, {energy} kWh, sold at {terminal}, which issues its "
                    "replacement (Tokens > Replace a collided token)",
                ).format(
                    bill=token.bill,
                    amount=self._money(token.amount),
                    energy=format_kwh(token.energy_kwh),
                    terminal=token.terminal,
                )
            )
        return "\n".join(lines)

    def _money(self, value: Decimal) -> str:
        return money_text(value, self.currency, self.decimals)

    def title(self) -> str:
        return tr("pos", "Customer")

    def field_names(self) -> dict[str, str]:
        return {
            "name": tr("pos", "Name"),
            "address": tr("pos", "Address"),
            "meter_model": tr("pos", "Meter model"),
            "tariff": tr("pos", "Tariff"),
            "status": tr("pos", "Status"),
            "debt": tr("pos", "Debt"),
            "last_purchase": tr("pos", "Last purchase"),
        }

    def fill(self) -> None:
        card = self.card
        if card is None:
            for value in self.values.values():
                value.clear()
                value.setStyleSheet("")
            if self._looking_up:
                self.values["name"].setText(tr("pos", "Looking up…"))
            return
        self.values["name"].setText(f"{card.name}  ({card.customer_code})")
        self.values["address"].setText(card.address)
        self.values["meter_model"].setText(master_name(card.meter_model))
        self.values["tariff"].setText(master_name(card.tariff))
        if card.blacklisted:
            status = tr("pos", "BLACKLISTED: {reason}").format(reason=card.blacklist_reason)
            self.values["status"].setStyleSheet("color: #b00020; font-weight: bold;")
        elif self.refused:
            status = tr("pos", "Active, but no credit can be sold to this meter")
            self.values["status"].setStyleSheet("color: #b00020; font-weight: bold;")
        elif card.collided_tokens:
            status = self._collided(card)
            self.values["status"].setStyleSheet("color: #8a5a00; font-weight: bold;")
        elif card.key_change_tokens:
            # Said before the sale: the customer must enter these first, in order.
            status = tr(
                "pos",
                "Active. KEY CHANGE: this sale prints {count} key change tokens before the "
                "credit token; the customer enters them first, in the printed order.",
            ).format(count=card.key_change_tokens)
            self.values["status"].setStyleSheet("color: #8a5a00; font-weight: bold;")
        else:
            status = tr("pos", "Active")
            self.values["status"].setStyleSheet("color: #1b5e20;")
        self.values["status"].setText(status)
        self.values["debt"].setText(self._money(card.debt))
        self.values["debt"].setStyleSheet("color: #b00020;" if card.debt > 0 else "")
        if card.last_purchase_at is None:
            self.values["last_purchase"].setText(tr("pos", "none yet"))
        else:
            when = card.last_purchase_at.strftime("%Y-%m-%d %H:%M")
            amount = (
                self._money(card.last_purchase_net) if card.last_purchase_net is not None else ""
            )
            self.values["last_purchase"].setText(f"{when}  {amount}".strip())
