"""Flagged meter data brought to the supervisor's eye: a slim line above the counter.

Card readings with new tamper events, new overloads or data older than a previous reading
are flagged in the store (docs/card-sales.md). An operator who may review them
(``view_reports``) sees how many came back in the last week as soon as the counter opens,
and again after every card read; clicking it (or Ctrl+Shift+M) opens the meter data with
the flagged readings of every meter. Operators without the permission never see it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton

from starpos.counter.card_desk_views import MeterReading
from starpos.operators.permissions import VIEW_REPORTS
from starpos.ui.cards.readings_dialog import MeterReadingsDialog
from starpos.ui.latest_answer import LatestAnswer
from starpos.ui.services import CardService
from starpos.ui.translator import tr
from starpos.ui.workers import JobFailure

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow

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
        self._window: PosWindow | None = None
        self._cards: CardService | None = None
        self._latest = LatestAnswer()
        self.hide()
        self.clicked.connect(self.open_flagged)

    def follow(self, window: PosWindow, cards: CardService) -> None:
        """For an operator who may review meter data: count now and after each card read."""
        if not window.session.may(VIEW_REPORTS):
            return
        self._window, self._cards = window, cards
        if window.card_mode is not None:
            window.card_mode.card_read.connect(self.refresh)
        self.refresh()

    def refresh(self, *_: object) -> None:
        window, cards = self._window, self._cards
        if window is None or cards is None:
            return
        self._latest.ask(
            window.workers.database,
            cards.flagged_readings,
            window.session,
            on_done=self._answered,
            on_failed=self._failed,
        )

    def _answered(self, readings: list[MeterReading]) -> None:
        window = self._window
        if window is None:
            return
        now = datetime.now(ZoneInfo(window.rules.time_zone)).replace(tzinfo=None)
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

    def open_flagged(self) -> None:
        window = self._window
        if window is None:
            return
        menu = window.menus.cards
        menu.open_readings()
        if isinstance(menu.dialog, MeterReadingsDialog):  # not opened after a refusal
            menu.dialog.flagged_only.setChecked(True)
