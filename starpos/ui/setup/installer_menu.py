"""The installer's entries in the counter's menu: the set-up wizard and the secure-module
manager, offered only to an operator with the installer-settings permission (and refused
with the permission named if reached another way)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from starpos.operators.session import OperatorSession
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import INSTALLER_SETTINGS
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import tr


class InstallerMenuActions(QObject):
    def __init__(
        self,
        menu: QMenu,
        window: QWidget,
        session: OperatorSession,
        workers: Workers,
        funnel: ErrorFunnel,
        after_dialog: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window, self._session, self._workers, self._funnel = window, session, workers, funnel
        self._after_dialog = after_dialog
        self.dialog: QDialog | None = None
        self.wizard_action = QAction(window)
        self.wizard_action.triggered.connect(self.open_wizard)
        self.manager_action = QAction(window)
        self.manager_action.triggered.connect(self.open_manager)
        for action in (self.wizard_action, self.manager_action):
            action.setVisible(session.may(INSTALLER_SETTINGS))
            menu.addAction(action)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.wizard_action.setText(tr("setup", "Set-up wizard…"))
        self.manager_action.setText(tr("setup", "Secure module manager…"))

    def _allowed(self) -> bool:
        if self._session.may(INSTALLER_SETTINGS):
            return True
        permission = tr("pos", "installer settings")
        self._funnel.show_failure(PermissionMissing(permission=permission), self._window)
        return False

    def open_wizard(self) -> None:
        if not self._allowed():
            return
        from starpos.bootstrap.setup import InstallerSetup
        from starpos.ui.setup.setup_wizard import SetupWizard

        self._open(SetupWizard(InstallerSetup(), self._workers, self._funnel, self._window))

    def open_manager(self) -> None:
        if not self._allowed():
            return
        from starpos.bootstrap.setup import InstallerSetup
        from starpos.ui.setup.module_manager import ModuleManager

        manager = ModuleManager(
            InstallerSetup(operator=self._session), self._workers.module, self._funnel, self._window
        )
        self._open(manager)
        manager.refresh()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._after_dialog())
        dialog.open()
