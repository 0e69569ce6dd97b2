"""The counter's menu bar and what its actions open.

Every action has a keyboard shortcut; permission-gated actions (reprint, installer
settings) stay visible and answer with a clear refusal, so a cashier learns who to ask
instead of wondering where the function went.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from starpos.i18n import LANGUAGES, current_language
from starpos.ui.cards.card_menu import CardDeskMenu
from starpos.ui.counter_errors import NothingToReprint, PermissionMissing
from starpos.ui.lock_screen import LockScreen
from starpos.ui.password_dialog import ChangePasswordDialog
from starpos.ui.pos.preview_dialog import PreviewDialog
from starpos.ui.pos.shift_vends_dialog import ShiftVendsDialog
from starpos.ui.services import INSTALLER_SETTINGS
from starpos.ui.settings_dialog import SettingsDialog
from starpos.ui.signals import emit
from starpos.ui.translator import choose_language, tr

if TYPE_CHECKING:
    from starpos.ui.pos.pos_window import PosWindow


class CounterMenus:
    def __init__(self, window: PosWindow) -> None:
        self.window = window
        self.lock_screen: LockScreen | None = None
        self.shift_dialog: ShiftVendsDialog | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        bar = window.menuBar()
        self.counter_menu = QMenu(window)
        self.language_menu = QMenu(window)
        bar.addMenu(self.counter_menu)
        self.cards = CardDeskMenu(window, bar)
        bar.addMenu(self.language_menu)

        def action(shortcut: str, slot: object) -> QAction:
            created = QAction(window)
            if shortcut:
                created.setShortcut(QKeySequence(shortcut))
            created.triggered.connect(slot)
            self.counter_menu.addAction(created)
            return created

        self.reprint = action("Ctrl+R", lambda: window.vouchers.reprint_last())
        self.preview = action("Ctrl+Shift+P", self.open_preview)
        self.shift = action("Ctrl+H", self.open_shift_vends)
        self.counter_menu.addSeparator()
        self.lock = action("Ctrl+L", self.lock_counter)
        self.password = action("", self.change_password)
        self.settings = action("Ctrl+,", self.open_settings)
        self.counter_menu.addSeparator()
        self.log_out = action("Ctrl+Shift+Q", lambda: emit(window.logged_out))
        self.languages = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            choice = QAction(name, window)
            choice.setCheckable(True)
            choice.setChecked(code == current_language())
            choice.triggered.connect(lambda _=False, code=code: choose_language(code))
            self.languages.addAction(choice)
            self.language_menu.addAction(choice)
            self.language_actions[code] = choice

    def retranslate_ui(self) -> None:
        self.counter_menu.setTitle(tr("pos", "&Counter"))
        self.language_menu.setTitle(tr("pos", "&Language"))
        self.cards.retranslate_ui()
        self.reprint.setText(tr("pos", "Reprint last voucher"))
        self.preview.setText(tr("pos", "Preview last voucher"))
        self.shift.setText(tr("pos", "This shift's vends"))
        self.lock.setText(tr("pos", "Lock screen"))
        self.password.setText(tr("pos", "Change password…"))
        self.settings.setText(tr("pos", "Installer settings…"))
        self.log_out.setText(tr("pos", "Log out"))
        for code, choice in self.language_actions.items():
            choice.setChecked(code == current_language())

    # -- what the actions open ----------------------------------------------------------
    def lock_counter(self) -> None:
        window = self.window
        self.lock_screen = LockScreen(
            window.auth, window.workers.database, window.funnel, window.session, window
        )
        self.lock_screen.open()
        self.lock_screen.password_field.setFocus()

    def change_password(self) -> None:
        window = self.window
        self.password_dialog = ChangePasswordDialog(
            window.auth, window.workers.database, window.funnel, window.session.code, window
        )
        self.password_dialog.open()

    def open_shift_vends(self) -> None:
        window = self.window
        if self.shift_dialog is None:
            self.shift_dialog = ShiftVendsDialog(window.rules.decimals, window)
            window.vend_finished.connect(lambda _outcome: self._refresh_shift())
            window.voucher_printed.connect(lambda _outcome: self._refresh_shift())
        self._refresh_shift()
        self.shift_dialog.open()
        self.shift_dialog.search.setFocus()

    def _refresh_shift(self) -> None:
        window = self.window
        dialog = self.shift_dialog
        if dialog is None:
            return
        window.workers.database.submit(
            window.counter.shift_vends,
            window.session,
            on_done=dialog.set_vends,
            on_failed=lambda failure: window.funnel.show_failure(failure, window),
        )

    def open_preview(self) -> None:
        window = self.window
        window.workers.database.submit(
            window.counter.last_bill_number,
            window.session,
            on_done=self._preview_bill,
            on_failed=lambda failure: window.funnel.show_failure(failure, window),
        )

    def _preview_bill(self, bill_number: str | None) -> None:
        window = self.window
        if bill_number is None:
            window.funnel.show_failure(NothingToReprint(), window)
            return
        window.workers.printer.submit(
            window.counter.preview_voucher,
            bill_number,
            window.session,
            on_done=lambda png: self._show_preview(bill_number, png),
            on_failed=lambda failure: window.funnel.show_failure(failure, window),
        )

    def _show_preview(self, bill_number: str, png: bytes) -> None:
        self.preview_dialog = PreviewDialog(bill_number, png, self.window)
        self.preview_dialog.open()

    def open_settings(self) -> None:
        window = self.window
        if not window.session.may(INSTALLER_SETTINGS):
            window.funnel.show_failure(
                PermissionMissing(permission=tr("pos", "installer settings")), window
            )
            return
        self.settings_dialog = SettingsDialog(window.counter, window.workers, window.funnel, window)
        self.settings_dialog.open()
