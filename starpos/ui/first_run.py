"""First run on an empty database: offer the demo utility before the login window.

Seeding hashes passwords and writes a thousand customers, so it runs on the database
worker; the dialog shows that it is working and cannot be closed half-way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr


class FirstRunDialog(QDialog):
    #: the database is ready to log in to (seeded, or left empty on purpose)
    finished_setup = Signal(bool)  # True when the demo was seeded

    def __init__(
        self,
        seed: Callable[[], object],
        database: Worker,
        funnel: ErrorFunnel,
        parent: QWidget | None = None,
        start_empty: Callable[[], object] | None = None,
    ) -> None:
        """``start_empty()`` gives the empty store the operator STAR (on the database
        worker); None: "Start empty" only closes the dialog."""
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self._seed, self._database, self._funnel = seed, database, funnel
        self._start_empty_job = start_empty
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("firstRunMessage")
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("firstRunEmptyHint")
        self.progress = QLabel()
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("loadDemo")
        self.demo_button.setDefault(True)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("startEmpty")
        self.demo_button.clicked.connect(self.load_demo)
        self.empty_button.clicked.connect(self._start_empty)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.demo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(520, 220)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("first_run", "Welcome to StarPOS"))
        self.message.setText(
            tr(
                "first_run",
                "This database is empty. Load the demo utility to try StarPOS: a company, "
                "sales points, tariffs, operators and 1,000 customers with their meters. "
                "Log in as STAR with the password star (you will choose a new one).",
            )
        )
        self.empty_hint.setText(
            tr(
                "first_run",
                "Or start empty to set up your own utility: log in as STAR with the password "
                "star, choose a new password, and the administration opens on a set-up "
                "checklist.",
            )
        )
        self.demo_button.setText(tr("first_run", "Load the demo utility"))
        self.empty_button.setText(tr("first_run", "Start empty"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reject(self) -> None:
        if self.demo_button.isEnabled():
            self._start_empty()

    def load_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.empty_button.setEnabled(False)
        self.progress.setText(tr("first_run", "Loading the demo utility… this takes a minute."))
        self._database.submit(self._seed, on_done=self._seeded, on_failed=self._failed)

    def _seeded(self, _report: object) -> None:
        self.accept()
        emit(self.finished_setup, True)

    def _failed(self, failure: JobFailure) -> None:
        self.demo_button.setEnabled(True)
        self.empty_button.setEnabled(True)
        self.progress.clear()
        self._funnel.show_failure(failure, self)

    def _start_empty(self) -> None:
        if self._start_empty_job is None:
            self._started_empty(None)
            return
        self.demo_button.setEnabled(False)
        self.empty_button.setEnabled(False)
        self._database.submit(
            self._start_empty_job, on_done=self._started_empty, on_failed=self._failed
        )

    def _started_empty(self, _result: object) -> None:
        self.accept()
        emit(self.finished_setup, False)
