"""The counter's menu bar and what its actions open.

Every action has a keyboard shortcut. An operator sees only what they may use: reprint
and the installer settings are not in the menu (nor on their keys) of an operator without
the permission, and the Cards menu shows only the desk actions the operator's roles grant.
When a dialog closes, or the language changes, the cursor goes back to the meter field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from starpos.i18n import LANGUAGES, current_language
from starpos.ui.backup_action import BackupMenuAction
from starpos.ui.cards.card_menu import CardDeskMenu
from starpos.ui.cards.desk_dialog import DeskContext
from starpos.ui.counter_errors import NothingToReprint, PermissionMissing
from starpos.ui.lock_screen import LockScreen
from starpos.ui.password_dialog import ChangePasswordDialog
from starpos.ui.pos.counter_context import CounterContext
from starpos.ui.pos.preview_dialog import PreviewDialog
from starpos.ui.pos.shift_vends_dialog import ShiftVendsDialog
from starpos.ui.reports.reports_window import ReportsWindow
from starpos.ui.reports.reprint_dialog import ReprintDialog
from starpos.ui.services import INSTALLER_SETTINGS, REPRINT, VIEW_REPORTS
from starpos.ui.settings_dialog import SettingsDialog
from starpos.ui.setup.installer_menu import InstallerMenuActions
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import choose_language, tr


class CounterMenus(QObject):
    #: the operator chose to log out (Ctrl+Shift+Q)
    log_out_chosen = Signal()

    def __init__(
        self,
        context: CounterContext,
        window: QMainWindow,
        reprint: Callable[[], None],
        desk: DeskContext | None,
        is_vending: Callable[[], bool],
        after_dialog: Callable[[], None] = lambda: None,
        reprint_bill: Callable[[str], None] | None = None,
    ) -> None:
        """``window``: whose menu bar this is, the parent of the dialogs; ``reprint``:
        reprints the last voucher; ``desk``: the card desk's context (None: no card reader
        service); ``after_dialog``: puts the cursor back after a dialog or a language
        switch; ``reprint_bill``: reprints the voucher of a bill number (any past sale)."""
        super().__init__(window)
        self.context, self.window = context, window
        self._after_dialog = after_dialog
        self.lock_screen: LockScreen | None = None
        self.shift_dialog: ShiftVendsDialog | None = None
        #: opens the token cancel on a bill, when the operator may (set by the window)
        self.cancel_sale: Callable[[str], None] | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.reports_window: ReportsWindow | None = None
        self.reprint_dialog: ReprintDialog | None = None
        self._reprint_bill = reprint_bill
        bar = window.menuBar()
        self.counter_menu = QMenu(window)
        self.language_menu = QMenu(window)
        bar.addMenu(self.counter_menu)
        self.cards = CardDeskMenu(
            bar, window, desk, context.session, context.funnel, is_vending, after_dialog
        )
        bar.addMenu(self.language_menu)

        def action(shortcut: str, slot: object) -> QAction:
            created = QAction(window)
            if shortcut:
                created.setShortcut(QKeySequence(shortcut))
            created.triggered.connect(slot)
            self.counter_menu.addAction(created)
            return created

        self.reprint = action("Ctrl+R", reprint)
        self.reprint_any = action("Ctrl+Shift+R", self.open_reprint)
        self.preview = action("Ctrl+Shift+P", self.open_preview)
        self.shift = action("Ctrl+H", self.open_shift_vends)
        self.reports = action("F9", self.open_reports)
        self.counter_menu.addSeparator()
        self.lock = action("Ctrl+L", self.lock_counter)
        self.password = action("", self.change_password)
        self.settings = action("Ctrl+,", self.open_settings)
        self.backup = BackupMenuAction(
            self.counter_menu, window, context.session, context.funnel, after_dialog
        )
        self.installer = InstallerMenuActions(
            self.counter_menu,
            window,
            context.session,
            context.workers,
            context.funnel,
            after_dialog,
        )
        self.counter_menu.addSeparator()
        self.log_out = action("Ctrl+Shift+Q", lambda: emit(self.log_out_chosen))
        session = context.session
        # What the operator may not use is not offered (its shortcut goes with it).
        self.reprint.setVisible(session.may(REPRINT))
        has_reports = context.reports is not None
        self.reprint_any.setVisible(
            has_reports and reprint_bill is not None and session.may(REPRINT)
        )
        self.reports.setVisible(has_reports and session.may(VIEW_REPORTS))
        self.settings.setVisible(session.may(INSTALLER_SETTINGS))
        self.languages = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            choice = QAction(name, window)
            choice.setCheckable(True)
            choice.setChecked(code == current_language())
            choice.triggered.connect(lambda _=False, code=code: self._choose_language(code))
            self.languages.addAction(choice)
            self.language_menu.addAction(choice)
            self.language_actions[code] = choice

    def retranslate_ui(self) -> None:
        self.counter_menu.setTitle(tr("pos", "&Counter"))
        self.language_menu.setTitle(tr("pos", "&Language"))
        self.cards.retranslate_ui()
        self.reprint.setText(tr("pos", "Reprint last voucher"))
        self.reprint_any.setText(tr("reprint", "Reprint a voucher…"))
        self.reports.setText(tr("reportswindow", "Reports…"))
        self.preview.setText(tr("pos", "Preview last voucher"))
        self.shift.setText(tr("pos", "This shift's vends"))
        self.lock.setText(tr("pos", "Lock screen"))
        self.password.setText(tr("pos", "Change password…"))
        self.settings.setText(tr("pos", "Installer settings…"))
        self.backup.retranslate_ui()
        self.installer.retranslate_ui()
        self.log_out.setText(tr("pos", "Log out"))
        for code, choice in self.language_actions.items():
            choice.setChecked(code == current_language())

    # -- what the actions open ----------------------------------------------------------
    def _choose_language(self, code: str) -> None:
        choose_language(code)
        self._after_dialog()

    def _opened(self, dialog: QDialog) -> None:
        """Open ``dialog``; the cursor goes back to the meter field once it is closed."""
        dialog.finished.connect(lambda _result: self._after_dialog())
        dialog.open()

    def _show_failure(self, failure: JobFailure | BaseException) -> None:
        self.context.funnel.show_failure(failure, self.window)

    def lock_counter(self) -> None:
        context = self.context
        self.lock_screen = LockScreen(
            context.auth, context.workers.database, context.funnel, context.session, self.window
        )
        self._opened(self.lock_screen)
        self.lock_screen.password_field.setFocus()

    def change_password(self) -> None:
        context = self.context
        self.password_dialog = ChangePasswordDialog(
            context.auth,
            context.workers.database,
            context.funnel,
            context.session.code,
            self.window,
        )
        self._opened(self.password_dialog)

    def open_shift_vends(self) -> None:
        if self.shift_dialog is None:
            self.shift_dialog = ShiftVendsDialog(self.context.rules.decimals, self.window)
            self.shift_dialog.finished.connect(lambda _result: self._after_dialog())
            if self.cancel_sale is not None:
                self.shift_dialog.offer_cancel()
                self.shift_dialog.cancel_chosen.connect(self.cancel_sale)
        self.refresh_shift_vends()
        self.shift_dialog.start_afresh()  # no search left over from the last time
        self.shift_dialog.open()
        self.shift_dialog.search.setFocus()

    def refresh_shift_vends(self, *_: object) -> None:
        """Ask again for this shift's vends if their dialog was opened (after each vend and
        each voucher printed)."""
        dialog = self.shift_dialog
        if dialog is None:
            return
        self.context.workers.database.submit(
            self.context.counter.shift_vends,
            self.context.session,
            on_done=dialog.set_vends,
            on_failed=self._show_failure,
        )

    def open_preview(self) -> None:
        self.context.workers.database.submit(
            self.context.counter.last_bill_number,
            self.context.session,
            on_done=self._preview_bill,
            on_failed=self._show_failure,
        )

    def _preview_bill(self, bill_number: str | None) -> None:
        if bill_number is None:
            self._show_failure(NothingToReprint())
            return
        self.context.workers.printer.submit(
            self.context.counter.preview_voucher,
            bill_number,
            self.context.session,
            on_done=lambda png: self._show_preview(bill_number, png),
            on_failed=self._show_failure,
        )

    def _show_preview(self, bill_number: str, png: bytes) -> None:
        self.preview_dialog = PreviewDialog(bill_number, png, self.window)
        self._opened(self.preview_dialog)

    def open_settings(self) -> None:
        context = self.context
        if not context.session.may(INSTALLER_SETTINGS):
            self._show_failure(PermissionMissing(permission=tr("pos", "installer settings")))
            return
        self.settings_dialog = SettingsDialog(
            context.counter, context.workers, context.funnel, self.window
        )
        self._opened(self.settings_dialog)

    def open_reports(self) -> None:
        context = self.context
        if context.reports is None or not context.session.may(VIEW_REPORTS):
            self._show_failure(PermissionMissing(permission=tr("pos", "reports")))
            return
        if self.reports_window is None:
            self.reports_window = ReportsWindow(
                context.reports, context.workers, context.funnel, self.window
            )
        self._opened(self.reports_window)

    def open_reprint(self) -> None:
        context = self.context
        if context.reports is None or self._reprint_bill is None:
            return
        if not context.session.may(REPRINT):
            self._show_failure(PermissionMissing(permission=tr("pos", "reprint")))
            return
        self.reprint_dialog = ReprintDialog(
            context.reports, context.workers, context.funnel, self._reprint_bill, self.window
        )
        self._opened(self.reprint_dialog)
        self.reprint_dialog.search.setFocus()
