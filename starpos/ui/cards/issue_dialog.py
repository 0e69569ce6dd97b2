"""Issue a card: bind the blank card in the reader to a card meter (Enter issues).

Needs ``manage_meters`` (checked by the menu before the dialog opens, and by the core).
The meter number is checked at every keystroke (its check digit); the core refuses a meter
that already has a card, a meter that takes typed tokens, a card bound to another meter,
a card taken out: each through the error funnel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from starpos.counter.card_desk_views import CardIssued
from starpos.ui.cards.desk_dialog import CardDeskDialog, DeskContext
from starpos.ui.counter_errors import MeterNumberMissing
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField


class IssueCardDialog(CardDeskDialog):
    def __init__(
        self,
        desk: DeskContext,
        parent: QWidget | None = None,
        parse_meter_number: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self.setObjectName("issueCardDialog")
        self.meter_title = QLabel()
        self.meter_field = MeterNumberField(parse_meter_number)
        self.meter_title.setBuddy(self.meter_field.edit)
        self.form.addWidget(self.meter_title)
        self.form.addWidget(self.meter_field)
        self.issued: CardIssued | None = None
        self.retranslate_ui()
        self.meter_field.edit.setFocus()

    def prepare(self) -> Callable[[], None]:
        field = self.meter_field
        if not field.is_confirmed:
            raise field.problem or MeterNumberMissing()
        reader = self.card_panel.require_card()
        number = field.digits
        return lambda: self.run_on_card(
            self.desk.cards.issue_card,
            number,
            reader,
            self.desk.session,
            on_done=self._issued,
        )

    def _issued(self, issued: CardIssued) -> None:
        self.issued = issued
        self.show_result(lambda: issued_text(issued))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("carddesk", "Issue a card"))
        self.meter_title.setText(tr("carddesk", "&Meter number (a card meter without a card)"))
        self.action_button.setText(tr("carddesk", "Issue the card (Enter)"))
        self.meter_field.retranslate_ui()
        super().retranslate_ui()


def issued_text(issued: CardIssued) -> str:
    return tr("carddesk", "Card {serial} issued to meter {meter} (issue {issue}).").format(
        serial=issued.serial, meter=issued.meter_number, issue=issued.issue_number
    )
