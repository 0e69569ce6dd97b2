"""The counter's ``&Tokens`` menu: token cancel, replace meter, key change at the next
purchase, payment change (issue 16).

Every action has a shortcut and a mnemonic. An operator sees only what their roles grant
(``cancel_token``, ``replace_meter``, ``key_change``, ``payment_change``; a collided
token's replacement is ``cancel_token``'s), and no Tokens menu
at all when none (a cashier); the core checks the permission again. Replace meter, the key
change and the payment change open on the meter typed in the counter's meter field, if any
(docs/decisions.md, "token screens").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from starpos.operators import permissions
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.tokenops.cancel_dialog import TokenCancelDialog
from starpos.ui.tokenops.collided_dialog import CollidedTokenDialog
from starpos.ui.tokenops.key_change_dialog import KeyChangeDialog
from starpos.ui.tokenops.payment_change_dialog import PaymentChangeDialog
from starpos.ui.tokenops.replace_dialog import ReplaceMeterDialog
from starpos.ui.tokenops.service import TokenOpsContext
from starpos.ui.translator import tr

SHORTCUTS = {
    "cancel": "Ctrl+Shift+V",  # V for void; Ctrl+Shift+X is the X report
    "replace": "Ctrl+Shift+G",  # Ctrl+Shift+E replaces a card
    "key_change": "Ctrl+Shift+F",  # F for flag
    "payment_change": "Ctrl+Shift+Y",  # pa(y) type: P previews, T ends the shift
    "collided": "Ctrl+Shift+H",  # the last letter free; a TID collision (SYN-51)
}


class TokenOpsMenu:
    def __init__(
        self,
        ops: TokenOpsContext,
        window: QMainWindow,
        current_meter: Callable[[], str] = lambda: "",
        after_dialog: Callable[[], None] = lambda: None,
    ) -> None:
        """``current_meter()``: the meter number in the counter's meter field (may be
        empty); ``after_dialog``: puts the cursor back in the counter once a dialog closes."""
        self.ops, self.window = ops, window
        self._current_meter, self._after_dialog = current_meter, after_dialog
        self.dialog: QDialog | None = None  # the dialog open last
        #: where a cancel refused for want of a shift goes (the window's offer to open one)
        self.shift_needed: Callable[[str], None] | None = None
        self.menu = QMenu(window)
        window.menuBar().addMenu(self.menu)

        def action(key: str, slot: Callable[[], None], permission: str) -> QAction:
            created = QAction(window)
            created.setShortcut(QKeySequence(SHORTCUTS[key]))
            created.triggered.connect(lambda _checked=False: slot())  # not the bill
            created.setVisible(ops.session.may(permission))  # its shortcut goes with it
            self.menu.addAction(created)
            return created

        self.cancel = action("cancel", self.open_cancel, permissions.CANCEL_TOKEN)
        self.replace = action("replace", self.open_replace, permissions.REPLACE_METER)
        self.key_change = action("key_change", self.open_key_change, permissions.KEY_CHANGE)
        self.payment_change = action(
            "payment_change", self.open_payment_change, permissions.PAYMENT_CHANGE
        )
        self.collided = action("collided", self.open_collided, permissions.CANCEL_TOKEN)
        actions = (
            self.cancel, self.replace, self.key_change, self.payment_change, self.collided
        )  # fmt: skip
        usable = any(a.isVisible() for a in actions)
        self.menu.menuAction().setVisible(usable)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.menu.setTitle(tr("tokenui", "&Tokens"))
        self.cancel.setText(tr("tokenui", "&Cancel a token…"))
        self.replace.setText(tr("tokenui", "&Replace a meter…"))
        self.key_change.setText(tr("tokenui", "&Key change at the next purchase…"))
        self.payment_change.setText(tr("tokenui", "&Payment change (prepaid, postpaid)…"))
        self.collided.setText(tr("tokenui", "Replace a c&ollided token…"))

    # -- what the actions open ----------------------------------------------------------
    def open_cancel(self, bill: str = "") -> None:
        if self._permitted(permissions.CANCEL_TOKEN, tr("tokenui", "cancel a token")):
            dialog = TokenCancelDialog(self.ops, bill, self.window)
            if self.shift_needed is not None:
                dialog.shift_needed.connect(self.shift_needed)
            self._open(dialog)

    def open_replace(self) -> None:
        if self._permitted(permissions.REPLACE_METER, tr("tokenui", "replace a meter")):
            self._open(ReplaceMeterDialog(self.ops, self._current_meter(), self.window))

    def open_key_change(self) -> None:
        if self._permitted(permissions.KEY_CHANGE, tr("tokenui", "change meter keys")):
            self._open(KeyChangeDialog(self.ops, self._current_meter(), self.window))

    def open_payment_change(self) -> None:
        if self._permitted(permissions.PAYMENT_CHANGE, tr("tokenui", "change a meter's pay type")):
            self._open(PaymentChangeDialog(self.ops, self._current_meter(), self.window))

    def open_collided(self) -> None:
        if self._permitted(permissions.CANCEL_TOKEN, tr("tokenui", "replace a collided token")):
            self._open(CollidedTokenDialog(self.ops, self._current_meter(), self.window))

    def _permitted(self, permission: str, label: str) -> bool:
        if self.ops.session.may(permission):
            return True
        self.ops.funnel.show_failure(PermissionMissing(permission=label), self.window)
        return False

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._after_dialog())
        dialog.open()
