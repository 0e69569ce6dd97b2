"""The card in the counter's reader, live, for the card desk's dialogs.

The panel watches the reader itself while its dialog is open (a
:class:`~starpos.ui.threading.card_presence.CardPresenceWatch`, as card mode does). Each
insertion is read on the card worker, without writing anything: serial, blank or bound to
which meter (issue, register state), and credit its meter has not loaded yet, in amber.
"No card" when the reader is empty.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from starpos.counter.card_desk_views import CardOnDesk
from starpos.errors import StarposError
from starpos.i18n import render_error, tr_noop
from starpos.ui.cards.desk_errors import CardStillBeingRead, NoCardInReader
from starpos.ui.money import format_kwh
from starpos.ui.services import CardService
from starpos.ui.signals import emit
from starpos.ui.threading.card_presence import CardPresenceWatch
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr
from starpos.ui.widgets.value_panel import AMBER, PLAIN, RED, ValuePanel

#: The card register's states, shown translated.
REGISTER_STATES = {
    "active": tr_noop("carddesk", "active"),
    "replaced": tr_noop("carddesk", "replaced"),
    "lost": tr_noop("carddesk", "reported lost"),
    "blanked": tr_noop("carddesk", "blanked"),
}
_FIELDS = ("state", "serial", "meter", "credit")


class CardInReader(ValuePanel):
    #: the card in the reader was read (CardOnDesk), or the reader emptied (None)
    changed = Signal(object)

    def __init__(self, cards: CardService, card_worker: Worker) -> None:
        super().__init__("cardInReader", _FIELDS, "desk", selectable=True)
        self.cards, self.card_worker = cards, card_worker
        self.reader: str | None = None  # the reader holding the card shown
        self.card: CardOnDesk | None = None
        self.problem = ""  # why the card in the reader could not be read
        self.reading_now = False
        self._serial = 0
        self.presence = CardPresenceWatch(cards, self)
        self.presence.card_inserted.connect(self._inserted)
        self.presence.card_removed.connect(self._removed)
        self.retranslate_ui()

    # -- watching -----------------------------------------------------------------------
    def start(self) -> None:
        """Watch the reader (the first scan reports a card already in it)."""
        self.presence.start()

    def stop(self) -> None:
        self.presence.stop()
        self._serial += 1  # a read still running is no longer wanted

    def _inserted(self, reader: str) -> None:
        self.reader = reader
        self.reread()

    def _removed(self, reader: str) -> None:
        if reader != self.reader:
            return
        self._serial += 1
        self.reader, self.card, self.problem, self.reading_now = None, None, "", False
        self.fill()
        emit(self.changed, None)

    def reread(self) -> None:
        """Read the card in the reader again (after the desk changed it)."""
        if self.reader is None:
            return
        self._serial += 1
        serial = self._serial
        self.card, self.problem, self.reading_now = None, "", True
        self.fill()
        self.card_worker.submit(
            self.cards.inspect,
            self.reader,
            on_done=lambda card: self._read(serial, card),
            on_failed=lambda failure: self._read_failed(serial, failure),
        )

    def _read(self, serial: int, card: CardOnDesk) -> None:
        if serial != self._serial:
            return  # taken out meanwhile
        self.card, self.reading_now = card, False
        self.fill()
        emit(self.changed, card)

    def _read_failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._serial:
            return
        error = failure.error
        # A foreign, damaged or tampered card is a fact about the card: shown here.
        self.reading_now = False
        self.problem = (
            render_error(error) if isinstance(error, StarposError) else type(error).__name__
        )
        self.fill()
        emit(self.changed, None)

    def require_card(self) -> str:
        """The reader holding a card that was read (the desk's check before dispatch)."""
        if self.reader is None:
            raise NoCardInReader()
        if self.reading_now:
            raise CardStillBeingRead()
        return self.reader

    # -- showing ------------------------------------------------------------------------
    def title(self) -> str:
        return tr("carddesk", "Card in the reader")

    def field_names(self) -> dict[str, str]:
        return {
            "state": tr("carddesk", "Card"),
            "serial": tr("carddesk", "Serial"),
            "meter": tr("carddesk", "Bound to"),
            "credit": tr("carddesk", "Credit not loaded"),
        }

    def fill(self) -> None:
        for key in _FIELDS:
            self.set_value(key, "")
        card = self.card
        if self.reader is None:
            self.set_value(
                "state", tr("carddesk", "No card in the reader. Insert the card."), AMBER
            )
            return
        if self.reading_now:
            self.set_value("state", tr("carddesk", "Reading the card…"))
            return
        if card is None:
            self.set_value(
                "state", self.problem or tr("carddesk", "This card cannot be read."), RED
            )
            return
        self.set_value("serial", card.serial)
        if card.blank:
            self.set_value("state", tr("carddesk", "Blank card: it can be issued to a meter."))
            self.set_value("meter", tr("carddesk", "no meter"))
            self.set_value("credit", tr("carddesk", "none"))
            return
        state = card.register_state
        known = tr("carddesk", REGISTER_STATES[state]) if state in REGISTER_STATES else ""
        self.set_value(
            "state",
            tr("carddesk", "Issued card, {state} in the card register").format(state=known)
            if known
            else tr("carddesk", "Issued card, not in this point of sale's card register"),
            PLAIN if state == "active" else AMBER,
        )
        self.set_value(
            "meter",
            tr("carddesk", "meter {meter}, issue {issue}").format(
                meter=card.meter_number, issue=card.issue_number
            ),
        )
        if card.credit_pending and card.pending_kwh is not None:
            self.set_value(
                "credit",
                tr("carddesk", "{energy} kWh (sale {bill}), waiting for the meter").format(
                    energy=format_kwh(card.pending_kwh), bill=card.pending_bill
                ),
                AMBER,
            )
        else:
            self.set_value("credit", tr("carddesk", "none: the meter loaded all credit"))
