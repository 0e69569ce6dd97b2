"""Flagged meter data brought to the supervisor's eye: a slim line above the counter.

Card readings with new tamper events, new overloads or data older than a previous reading
are flagged in the store (docs/card-sales.md). An operator who may review them
(``view_reports``) sees how many came back in the last week as soon as the counter opens,
and again after every card read; clicking it (or Ctrl+Shift+M) opens the meter data with
the flagged readings of every meter. Operators without the permission never see it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton

from starpos.counter.card_desk_views import MeterReading
from starpos.operators.session import OperatorSession
from starpos.ui.services import VIEW_REPORTS, CardService
from starpos.ui.threading.latest_answer import LatestAnswer
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr

#: How far back a flagged reading still asks for attention here.
RECENT = timedelta(days=7)
STYLE = (
    "QPushButton { color: #8c0018; background: #fdecee; border: 1px solid #e3a1aa;"
    " border-radius: 4px; padding: 3px 10px; text-align: left; font-weight: bold; }"
)


class FlaggedReadingsHint(QPushButton):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("flaggedReadingsHint")
        self.setFlat(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: Ctrl+Shift+M; Tab skips it
        self.setStyleSheet(STYLE)
        self.recent: tuple[MeterReading, ...] = ()
        self._cards: CardService | None = None
        self._database: Worker | None = None
        self._session: OperatorSession | None = None
        self._time_zone = "UTC"
        self._latest = LatestAnswer()
        self.hide()

    def follow(
        self, cards: CardService, database: Worker, session: OperatorSession, time_zone: str
    ) -> None:
        """For an operator who may review meter data: count now and at every
        :meth:`refresh` (the window calls it after each card read). ``time_zone``: the
        utility's wall clock, which the readings' times are in."""
        if not session.may(VIEW_REPORTS):
            return
        self._cards, self._database, self._session = cards, database, session
        self._time_zone = time_zone
        self.refresh()

    def refresh(self, *_: object) -> None:
        cards, database, session = self._cards, self._database, self._session
        if cards is None or database is None or session is None:
            return
        self._latest.ask(
            database,
            cards.flagged_readings,
            session,
            on_done=self._answered,
            on_failed=self._failed,
        )

    def _answered(self, readings: list[MeterReading]) -> None:
        now = datetime.now(ZoneInfo(self._time_zone)).replace(tzinfo=None)
        self.recent = tuple(r for r in readings if r.read_at >= now - RECENT)
        self.retranslate_ui()
        self.setVisible(bool(self.recent))

    def _failed(self, failure: JobFailure) -> None:
        # A hint, not a sale: the meter data window says why when it is opened.
        self.recent = ()
        self.hide()

    def retranslate_ui(self) -> None:
        meters = len({reading.meter_number for reading in self.recent})
        self.setText(
            tr("cardnotice", "⚑ Flagged meter data: {count} this week").format(
                count=len(self.recent)
            )
            + "  ·  "
            + tr("cardnotice", "Ctrl+Shift+M or click to review")
        )
        self.setToolTip(
            tr(
                "cardnotice",
                "{count} card reading(s) from {meters} meter(s) with new tamper events, new "
                "overloads or data going back, in the last 7 days. Ctrl+Shift+M shows them.",
            ).format(count=len(self.recent), meters=meters)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
