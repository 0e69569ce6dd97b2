"""What every installer page shares: live retranslation, an outcome line under the page's
controls that says what happened in the installer's words, and running a device action on
its worker with the result shown there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from starpos.errors import user_facing_types
from starpos.i18n import render_error
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import JobFailure, Worker

GOOD_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b71c1c;"


class OutcomeLabel(QLabel):
    """One line (wrapped) saying how the last action went: green when it worked, red with
    the translated reason when it did not."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.ok: bool | None = None

    def good(self, text: str) -> None:
        self.ok = True
        self.setStyleSheet(GOOD_STYLE)
        self.setText(text)

    def bad(self, text: str) -> None:
        self.ok = False
        self.setStyleSheet(BAD_STYLE)
        self.setText(text)

    def working(self, text: str) -> None:
        self.ok = None
        self.setStyleSheet("")
        self.setText(text)


def run_on(
    worker: Worker,
    function: Callable[..., Any],
    *args: Any,
    outcome: OutcomeLabel,
    funnel: ErrorFunnel,
    on_done: Callable[[Any], None],
    on_failed: Callable[[], None] | None = None,
) -> None:
    """Run ``function(*args)`` on ``worker``; a user-facing error is shown in ``outcome``
    (the page stays usable), anything unexpected goes to the funnel with its report."""

    def failed(failure: JobFailure) -> None:
        if isinstance(failure.error, user_facing_types()):
            outcome.bad(render_error(failure.error))
        else:
            outcome.bad("")
            funnel.show_failure(failure, outcome.window())
        if on_failed is not None:
            on_failed()

    worker.submit(function, *args, on_done=on_done, on_failed=failed)


class SetupPage(QWizardPage):
    """A wizard page that retranslates itself when the language changes."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
