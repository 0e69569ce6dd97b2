"""Backups from the window: "Back up now" in the counter's menu, and the daily backup the
app runs while it is open.

Both call the composition root (:mod:`starpos.bootstrap.backup`) on a thread of their own,
so the counter's database worker keeps answering during a backup (DESIGN.md rule 2).
The daily one checks once a minute whether it is due (none made since the latest
``backup.daily_at``), so it also runs at start when the app was closed at that time; a
failure is shown once through the error funnel and tried again an hour later.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from starpos.backup.errors import NotSqliteStoreError
from starpos.operators.session import OperatorSession
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import INSTALLER_SETTINGS
from starpos.ui.signals import emit
from starpos.ui.threading.gui_queue import GuiThreadQueue
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr


def _back_up_now() -> Any:
    from starpos.bootstrap.backup import backup_now

    return backup_now()


def _scheduled_backup() -> Any:
    from starpos.bootstrap.backup import scheduled_backup

    return scheduled_backup()


class BackupJobs(QObject):
    """Runs one backup at a time on a thread of its own; the result comes back on the GUI
    thread. A daemon thread, not a worker's ``QThread``: a window closed (or an app quit)
    during a backup must not take the process down with a thread still running; a backup
    cut off that way leaves only a ``.partial`` folder, pruned later."""

    #: what the backup function returned (a BackupReport, or NotDue)
    backup_finished = Signal(object)
    #: the JobFailure of a backup that did not complete
    backup_failed = Signal(object)
    #: How long quitting waits for a backup in progress to finish.
    FINISH_TIMEOUT_S = 60.0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: GuiThreadQueue[tuple[bool, Any]] = GuiThreadQueue(self._deliver, self)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def run(self, job: Callable[[], Any]) -> bool:
        """Start ``job`` unless a backup is running already; true when it started."""
        if self._thread is not None:
            return False
        results = self._results

        def work() -> None:
            try:
                outcome: tuple[bool, Any] = (True, job())
            except BaseException as error:  # every failure goes back to the window's funnel
                outcome = (False, JobFailure(error))
            results.put(outcome)

        self._thread = threading.Thread(target=work, name="starpos-backup", daemon=True)
        self._thread.start()
        return True

    def _deliver(self, outcome: tuple[bool, Any]) -> None:
        self._thread = None
        ok, value = outcome
        emit(self.backup_finished if ok else self.backup_failed, value)

    def stop(self) -> None:
        """Give a backup in progress a moment to finish (the app is quitting)."""
        thread = self._thread
        if thread is not None:
            thread.join(self.FINISH_TIMEOUT_S)


class BackupMenuAction(QObject):
    """Back up now, for an operator with the installer's permission (not offered to the
    others, as the counter's menus do); ``after_dialog`` puts the cursor back when the
    message saying where the backup is closes."""

    def __init__(
        self,
        menu: QMenu,
        window: QWidget,
        session: OperatorSession,
        funnel: ErrorFunnel,
        after_dialog: Callable[[], None] = lambda: None,
        *,
        back_up: Callable[[], Any] = _back_up_now,
    ) -> None:
        super().__init__(window)
        self._window, self._session, self._funnel, self._back_up = window, session, funnel, back_up
        self._after_dialog = after_dialog
        self.jobs = BackupJobs(self)
        self.jobs.backup_finished.connect(self._written)
        self.jobs.backup_failed.connect(lambda failure: funnel.show_failure(failure, window))
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.action.triggered.connect(self.back_up)
        menu.addAction(self.action)
        self.action.setVisible(session.may(INSTALLER_SETTINGS))
        self.message: QMessageBox | None = None

    def back_up(self) -> None:
        if not self._session.may(INSTALLER_SETTINGS):
            permission = tr("backup", "installer settings")
            self._funnel.show_failure(PermissionMissing(permission=permission), self._window)
            return
        if self.jobs.run(self._back_up):
            self.action.setEnabled(False)

    def _written(self, report: Any) -> None:
        self.action.setEnabled(True)
        box = QMessageBox(self._window)
        box.setObjectName("backupWritten")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("backup", "Backup"))
        box.setText(
            tr("backup", "The backup is written and checked: {folder}").format(folder=report.folder)
        )
        box.finished.connect(lambda _result: self._after_dialog())
        box.open()
        self.message = box

    def retranslate_ui(self) -> None:
        self.action.setText(tr("backup", "Back up now"))


class DailyBackup(QObject):
    """The daily backup while the app is open (``backup.daily_at``)."""

    CHECK_EVERY_MS = 60_000
    RETRY_AFTER_FAILURE_S = 3600.0

    def __init__(
        self,
        funnel: ErrorFunnel,
        parent: QObject | None = None,
        scheduled: Callable[[], Any] = _scheduled_backup,
    ) -> None:
        super().__init__(parent)
        self._funnel, self._scheduled = funnel, scheduled
        self.jobs = BackupJobs(self)
        self.jobs.backup_failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setInterval(self.CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._quiet_until = 0.0

    def start(self) -> None:
        self._timer.start()
        self.check()

    def check(self) -> None:
        if time.monotonic() >= self._quiet_until:
            self.jobs.run(self._scheduled)

    def _failed(self, failure: JobFailure) -> None:
        if isinstance(failure.error, NotSqliteStoreError):
            self._timer.stop()  # a head office on PostgreSQL backs up with the server's tools
            return
        self._quiet_until = time.monotonic() + self.RETRY_AFTER_FAILURE_S
        self._funnel.show_failure(failure, None)

    def stop(self) -> None:
        self._timer.stop()
        self.jobs.stop()
