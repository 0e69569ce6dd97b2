"""The counter's ``&Cards`` menu: issue, replace and blank a card, and meter data from cards.

Every action has a shortcut. An operator sees only the actions their roles grant, and no
Cards menu at all when none (a cashier); the core checks the permission again. Issue and
blank need ``manage_meters``, replace ``replace_meter``, meter data ``view_reports``
(docs/decisions.md, "card desk").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QWidget

from starpos.operators.session import OperatorSession
from starpos.ui.cards.blank_dialog import BlankCardDialog
from starpos.ui.cards.desk_dialog import DeskContext
from starpos.ui.cards.desk_errors import DeskWhileVending, NoCardReaderHere
from starpos.ui.cards.issue_dialog import IssueCardDialog
from starpos.ui.cards.readings_dialog import MeterReadingsDialog
from starpos.ui.cards.replace_dialog import ReplaceCardDialog
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import MANAGE_METERS, REPLACE_METER, VIEW_REPORTS
from starpos.ui.translator import tr

SHORTCUTS = {
    "issue": "Ctrl+Shift+I",
    "replace": "Ctrl+Shift+E",  # Ctrl+R is the reprint
    "blank": "Ctrl+Shift+B",
    "readings": "Ctrl+Shift+M",
}


class CardDeskMenu:
    def __init__(
        self,
        bar: QMenuBar,
        window: QWidget,
        desk: DeskContext | None,
        session: OperatorSession,
        funnel: ErrorFunnel,
        is_vending: Callable[[], bool],
        after_dialog: Callable[[], None] = lambda: None,
    ) -> None:
        """``window``: the parent of the menu and its dialogs; ``desk``: None when the
        counter has no card reader service (every action then says so); ``after_dialog``:
        puts the cursor back in the counter once a dialog closes."""
        self.window, self.desk, self.session, self.funnel = window, desk, session, funnel
        self._is_vending = is_vending
        self._after_dialog = after_dialog
        self.menu = QMenu(window)
        bar.addMenu(self.menu)
        self.dialog: QDialog | None = None  # the desk dialog open last

        def action(key: str, slot: Callable[[], None], permission: str) -> QAction:
            created = QAction(window)
            created.setShortcut(QKeySequence(SHORTCUTS[key]))
            created.triggered.connect(slot)
            created.setVisible(session.may(permission))  # its shortcut goes with it
            self.menu.addAction(created)
            return created

        self.issue = action("issue", self.open_issue, MANAGE_METERS)
        self.replace = action("replace", self.open_replace, REPLACE_METER)
        self.blank = action("blank", self.open_blank, MANAGE_METERS)
        separator = self.menu.addSeparator()
        self.readings = action("readings", self.open_readings, VIEW_REPORTS)
        desk_actions = (self.issue, self.replace, self.blank)
        separator.setVisible(any(a.isVisible() for a in desk_actions) and self.readings.isVisible())
        usable = any(a.isVisible() for a in (*desk_actions, self.readings))
        self.menu.menuAction().setVisible(usable)

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

    def open_flagged_readings(self) -> None:
        """The meter data, on the flagged readings of every meter."""
        self.open_readings()
        if isinstance(self.dialog, MeterReadingsDialog):  # not opened after a refusal
            self.dialog.flagged_only.setChecked(True)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._after_dialog())
        dialog.open()

    def _desk(self, permission: str, label: str) -> DeskContext | None:
        """The desk's context, or None after a refusal (shown through the funnel)."""
        refusal: Exception | None = None
        if self.desk is None:
            refusal = NoCardReaderHere()
        elif not self.session.may(permission):
            refusal = PermissionMissing(permission=label)
        elif self._is_vending():
            refusal = DeskWhileVending()
        if refusal is not None:
            self.funnel.show_failure(refusal, self.window)
            return None
        return self.desk
