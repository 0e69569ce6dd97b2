"""Blank a card: erase the card in the reader (identity, credit, return). Needs
``manage_meters``.

The panel shows what the card holds. A card whose credit its meter has not loaded is
refused by the core (the credit would be lost); the dialog then asks whether to discard
that credit, Enter alone answering No. Discarding needs ``refund`` too, and the audit
entry records the energy and the sale discarded.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QMessageBox, QWidget

from starpos.card_sales.errors import BlankWithCreditError
from starpos.counter.card_desk_views import CardBlanked
from starpos.ui.cards.desk_dialog import CardDeskDialog, DeskContext
from starpos.ui.cards.desk_errors import NoCardInReader
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.money import format_kwh
from starpos.ui.services import REFUND
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr


class BlankCardDialog(CardDeskDialog):
    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.setObjectName("blankCardDialog")
        self.blanked: CardBlanked | None = None
        self.question: QMessageBox | None = None
        self._asked_for = ""  # the serial of the card the last blank was asked for
        self.retranslate_ui()

    def prepare(self) -> Callable[[], None]:
        reader = self.card_panel.require_card()
        shown = self.card_panel.card
        # The card the operator sees is the one blanked: a card swapped meanwhile is refused.
        serial = shown.serial if shown is not None else ""
        return lambda: self._blank(reader, serial, discard_credit=False)

    def _blank(self, reader: str, serial: str, discard_credit: bool) -> None:
        self._asked_for = serial
        self.run_on_card(
            self.desk.cards.blank_card,
            reader,
            self.desk.session,
            discard_credit,
            serial,
            on_done=self._blanked,
        )

    def refused(self, failure: JobFailure) -> None:
        error = failure.error
        if isinstance(error, BlankWithCreditError):  # the core's refusal: asked here
            self._ask_to_discard(error.params.get("energy"))
            return
        super().refused(failure)

    def _ask_to_discard(self, energy: object) -> None:
        reader, serial = self.card_panel.reader, self._asked_for
        card = self.card_panel.card
        bill = card.pending_bill if card is not None and card.serial == serial else ""
        box = QMessageBox(self)
        box.setObjectName("discardCreditQuestion")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("carddesk", "Credit not loaded"))
        box.setText(
            tr(
                "carddesk",
                "The card still carries {energy} kWh (sale {bill}) that its meter has not "
                "loaded. Blanking it discards that credit: the customer loses it. Insert the "
                "card in the meter first, or replace the card to carry the credit over.\n\n"
                "Discard the credit and blank the card?",
            ).format(energy=_kwh(energy), bill=bill or "-")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter alone does not discard
        box.finished.connect(
            lambda result: self._discard_answered(
                reader, serial, result == QMessageBox.StandardButton.Yes
            )
        )
        self.question = box
        box.open()

    def _discard_answered(self, reader: str | None, serial: str, yes: bool) -> None:
        if not yes:
            self.show_result(
                lambda: tr("carddesk", "Nothing was changed: the card keeps its credit.")
            )
            return
        if not self.desk.session.may(REFUND):
            self.desk.funnel.show_failure(
                PermissionMissing(permission=tr("carddesk", "refund")), self
            )
            return
        if reader is None or reader != self.card_panel.reader:
            self.desk.funnel.show_failure(NoCardInReader(), self)  # taken out meanwhile
            return
        self._blank(reader, serial, discard_credit=True)

    def _blanked(self, blanked: CardBlanked) -> None:
        self.blanked = blanked
        self.show_result(lambda: _blanked_text(blanked), blanked.discarded_kwh is not None)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("carddesk", "Blank a card"))
        self.action_button.setText(tr("carddesk", "Blank the card (Enter)"))
        super().retranslate_ui()


def _kwh(energy: object) -> str:
    return format_kwh(energy) if isinstance(energy, Decimal) else str(energy)


def _blanked_text(blanked: CardBlanked) -> str:
    if not blanked.was_issued:
        text = tr("carddesk", "Card {serial} was already blank.").format(serial=blanked.serial)
    else:
        text = tr("carddesk", "Card {serial} of meter {meter} is blank now.").format(
            serial=blanked.serial, meter=blanked.meter_number
        )
    if blanked.discarded_kwh is not None:
        text += "\n" + tr(
            "carddesk", "Discarded: {energy} kWh of sale {bill} (written in the audit log)."
        ).format(energy=format_kwh(blanked.discarded_kwh), bill=blanked.discarded_bill)
    return text
