"""Replace a card: a blank card becomes the meter's next card, the old one is refused from
now on, and credit the meter has not loaded is carried onto the new card exactly once
(the core's rule, docs/card-sales.md). Needs ``replace_meter``.

Keyboard: the meter number, Alt+L lost or Alt+B broken, Enter replaces.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from starpos.counter.card_desk_views import CardIssued
from starpos.ui.cards.desk_dialog import CardDeskDialog, DeskContext
from starpos.ui.cards.issue_dialog import issued_text
from starpos.ui.counter_errors import MeterNumberMissing
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField


class ReplaceCardDialog(CardDeskDialog):
    def __init__(
        self,
        desk: DeskContext,
        parent: QWidget | None = None,
        parse_meter_number: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("replaceCardDialog")
        self.meter_title = QLabel()
        self.meter_field = MeterNumberField(parse_meter_number)
        self.meter_title.setBuddy(self.meter_field.edit)
        self.reason_title = QLabel()
        self.lost = QRadioButton()
        self.lost.setObjectName("reasonLost")
        self.broken = QRadioButton()
        self.broken.setObjectName("reasonBroken")
        self.lost.setChecked(True)  # the usual case: the customer lost the card
        self.reasons = QButtonGroup(self)
        self.reasons.addButton(self.lost)
        self.reasons.addButton(self.broken)
        reasons = QHBoxLayout()
        reasons.addWidget(self.reason_title)
        reasons.addWidget(self.lost)
        reasons.addWidget(self.broken)
        reasons.addStretch(1)
        self.form.addWidget(self.meter_title)
        self.form.addWidget(self.meter_field)
        self.form.addLayout(reasons)
        self.replaced: CardIssued | None = None
        self.retranslate_ui()
        self.meter_field.edit.setFocus()

    @property
    def reason(self) -> str:
        return "lost" if self.lost.isChecked() else "broken"

    def prepare(self) -> Callable[[], None]:
        field = self.meter_field
        if not field.is_confirmed:
            raise field.problem or MeterNumberMissing()
        reader = self.card_panel.require_card()
        number, reason = field.digits, self.reason
        return lambda: self.run_on_card(
            self.desk.cards.replace_card,
            number,
            reason,
            reader,
            self.desk.session,
            on_done=self._replaced,
        )

    def _replaced(self, issued: CardIssued) -> None:
        self.replaced = issued
        self.show_result(lambda: _replaced_text(issued))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("carddesk", "Replace a card"))
        self.meter_title.setText(tr("carddesk", "&Meter number (its card is lost or broken)"))
        self.reason_title.setText(tr("carddesk", "Reason:"))
        self.lost.setText(tr("carddesk", "&Lost"))
        self.broken.setText(tr("carddesk", "&Broken"))
        self.action_button.setText(tr("carddesk", "Replace the card (Enter)"))
        self.meter_field.retranslate_ui()
        super().retranslate_ui()


def _replaced_text(issued: CardIssued) -> str:
    lines = [
        issued_text(issued),
        tr("carddesk", "Card {old} is refused from now on.").format(
            old=issued.replaced_serial or "-"
        ),
    ]
    if issued.carried_kwh is not None:
        lines.append(
            tr(
                "carddesk",
                "Carried onto the new card: {energy} kWh of sale {bill} (the meter loads it "
                "once, from whichever card it sees first).",
            ).format(energy=format_kwh(issued.carried_kwh), bill=issued.carried_bill)
        )
    else:
        lines.append(tr("carddesk", "No credit to carry: the meter loaded all it was sold."))
    return "\n".join(lines)
