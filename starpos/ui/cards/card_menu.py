"""The counter's ``&Cards`` menu: issue, replace and blank a card, and meter data from cards.

Every action has a shortcut and stays visible; one the operator may not use answers with
the counter's permission refusal (the core checks again: this is only the quick, clear
answer). Issue and blank need ``manage_meters``, replace ``replace_meter``, meter data
``view_reports`` (docs/decisions.md, "card desk").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar

from starpos.ui.cards.blank_dialog import BlankCardDialog
from starpos.ui.cards.desk_dialog import DeskContext
from starpos.ui.cards.desk_errors import DeskWhileVending, NoCardReaderHere
from starpos.ui.cards.issue_dialog import IssueCardDialog
from starpos.ui.cards.readings_dialog import MeterReadingsDialog
from starpos.ui.cards.replace_dialog import ReplaceCardDialog
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.services import MANAGE_METERS, REPLACE_METER, VIEW_REPORTS
from starpos.ui.translator import tr

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow

SHORTCUTS = {
    "issue": "Ctrl+Shift+I",
    "replace": "Ctrl+Shift+E",  # Ctrl+R is the reprint
    "blank": "Ctrl+Shift+B",
    "readings": "Ctrl+Shift+M",
}


class CardDeskMenu:
    def __init__(self, window: PosWindow, bar: QMenuBar) -> None:
        self.window = window
        self.menu = QMenu(window)
        bar.addMenu(self.menu)
        self.dialog: QDialog | None = None  # the desk dialog open last

        def action(key: str, slot: Callable[[], None]) -> QAction:
            created = QAction(window)
            created.setShortcut(QKeySequence(SHORTCUTS[key]))
            created.triggered.connect(slot)
            self.menu.addAction(created)
            return created

        self.issue = action("issue", self.open_issue)
        self.replace = action("replace", self.open_replace)
        self.blank = action("blank", self.open_blank)
        self.menu.addSeparator()
        self.readings = action("readings", self.open_readings)

    def retranslate_ui(self) -> None:
        self.menu.setTitle(tr("carddesk", "C&ards"))
        self.issue.setText(tr("carddesk", "Issue a card…"))
        self.replace.setText(tr("carddesk", "Replace a card…"))
        self.blank.setText(tr("carddesk", "Blank a card…"))
        self.readings.setText(tr("carddesk", "Meter data from cards…"))

    # -- what the actions open ----------------------------------------------------------
    def open_issue(self) -> None:
        desk = self._desk(MANAGE_METERS, tr("carddesk", "manage meters"))
        if desk is not None:
            self._open(IssueCardDialog(desk, self.window))

    def open_replace(self) -> None:
        desk = self._desk(REPLACE_METER, tr("carddesk", "replace meter"))
        if desk is not None:
            self._open(ReplaceCardDialog(desk, self.window))

    def open_blank(self) -> None:
        desk = self._desk(MANAGE_METERS, tr("carddesk", "manage meters"))
        if desk is not None:
            self._open(BlankCardDialog(desk, self.window))

    def open_readings(self) -> None:
        desk = self._desk(VIEW_REPORTS, tr("carddesk", "view reports"))
        if desk is not None:
            self._open(MeterReadingsDialog(desk, self.window))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _desk(self, permission: str, label: str) -> DeskContext | None:
        """The desk's context, or None after a refusal (shown through the funnel)."""
        window = self.window
        refusal: Exception | None = None
        if window.card_mode is None:
            refusal = NoCardReaderHere()
        elif not window.session.may(permission):
            refusal = PermissionMissing(permission=label)
        elif window.vending:
            refusal = DeskWhileVending()
        if refusal is not None:
            window.funnel.show_failure(refusal, window)
            return None
        mode = window.card_mode
        assert mode is not None
        return DeskContext(mode.cards, window.workers, window.funnel, window.session, mode)
