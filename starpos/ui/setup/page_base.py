"""What every installer page shares: live retranslation, an outcome line under the page's
controls that says what happened in the installer's words, and running a device action on
its worker with the result shown there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget, QWizardPage

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


class ActionButton(QPushButton):
    """A page's button that starts a device action. While the action runs the page marks it
    ``busy`` and ignores the action asked again, but it is never disabled: a disabled button
    hands the keyboard focus to the next in the chain, the wizard's Back, and the installer's
    next Enter would go back a page. It is not auto-default either, so Enter stays Next with
    the focus on it."""

    def __init__(self, name: str, action: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAutoDefault(False)
        self.busy = False
        self.clicked.connect(action)


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
