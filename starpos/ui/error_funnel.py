"""The one place errors reach a person.

A typed error (``StarposError`` or ``StsError``) becomes its translated message
(:func:`starpos.i18n.render_error`) in a small window-modal box. Anything else is a bug: its
traceback is appended to ``<data_dir>/logs/ui-errors.log`` and a dialog shows a short
apology and a report the cashier can copy for support. Nobody is shown a traceback
unasked. Dialogs are opened non-blocking (``open()``), so the GUI thread never waits;
when one closes, the cursor goes back to the field it was in (a typed number is never lost).
A failure during a sale comes as a :class:`Problem` (``starpos.ui.pos.sale_problems``):
what happened to the sale first, what to do next, the technical reason under "Show
Details...".
"""

from __future__ import annotations

import html
import logging
import platform
import sys
import traceback
from dataclasses import dataclass
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos import __version__
from starpos.errors import user_facing_types
from starpos.i18n import render_error
from starpos.paths import log_dir
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """What went wrong, told in the order a person needs it: what happened (to the sale),
    what to do, and the technical reason for support."""

    #: the error's code (logs, scripts and tests tell failures apart by it)
    code: str
    #: what happened, translated: the first thing read
    outcome: str
    #: what to do now, translated
    advice: str
    #: the technical reason, translated, shown only on request
    details: str = ""
    #: a bug, not a device: shown with its report instead
    unexpected: BaseException | None = None
    report: str = ""


class UnexpectedErrorDialog(QDialog):
    """Says sorry, and offers the details as a report to copy."""

    def __init__(self, report: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedErrorDialog")
        self.setWindowTitle(tr("funnel", "Unexpected error"))
        self.report = report
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "funnel",
                "Something went wrong inside StarPOS. Your data is safe. "
                "Copy the report below and send it to your support contact. "
                "It is also saved in {path}.",
            ).format(path=log_path)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("funnel", "Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


class ErrorFunnel(QObject):
    """Shows errors; emits what it showed (tests and the status line listen)."""

    #: code of the error (``unexpected`` for bugs) and the text shown.
    shown = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.last_dialog: QDialog | None = None

    def show_failure(self, failure: JobFailure | BaseException, parent: QWidget | None) -> None:
        if isinstance(failure, JobFailure):
            error, report = failure.error, failure.report
        else:
            error, report = failure, "".join(traceback.format_exception(failure))
        if isinstance(error, user_facing_types()):
            self.show_message(str(getattr(error, "code", "error")), render_error(error), parent)
        else:
            self.show_unexpected(error, report, parent)

    def show_message(self, code: str, text: str, parent: QWidget | None) -> None:
        box = QMessageBox(parent)
        box.setObjectName("errorMessage")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("funnel", "StarPOS"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self._open(box)
        emit(self.shown, code, text)

    def show_problem(self, problem: Problem, parent: QWidget | None) -> None:
        """The outcome in bold, what to do under it, the reason behind "Show Details..."."""
        if problem.unexpected is not None:
            self.show_unexpected(problem.unexpected, problem.report, parent)
            return
        box = QMessageBox(parent)
        box.setObjectName("problemMessage")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("funnel", "StarPOS"))
        box.setText(f"<b>{html.escape(problem.outcome)}</b>")
        box.setInformativeText(problem.advice)
        if problem.details:
            box.setDetailedText(problem.details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        self._open(box)
        shown = "\n".join(
            text for text in (problem.outcome, problem.advice, problem.details) if text
        )
        emit(self.shown, problem.code, shown)

    def show_unexpected(self, error: BaseException, report: str, parent: QWidget | None) -> None:
        full_report = (
            f"StarPOS {__version__} / Python {sys.version.split()[0]} / {platform.platform()}\n"
            f"{datetime.now().isoformat(timespec='seconds')}\n{report}"
        )
        path = log_dir() / "ui-errors.log"
        try:
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {full_report}\n")
        except OSError:
            log.exception("could not write %s", path)
        log.error("unexpected error: %r", error)
        dialog = UnexpectedErrorDialog(full_report, str(path), parent)
        self._open(dialog)
        emit(self.shown, "unexpected", full_report)

    def _open(self, dialog: QDialog) -> None:
        if self.last_dialog is not None and self.last_dialog.isVisible():
            self.last_dialog.close()
        self.last_dialog = dialog
        typing_in = QApplication.focusWidget()
        dialog.finished.connect(lambda _result: _give_focus_back(typing_in))
        dialog.open()


def _give_focus_back(widget: QWidget | None) -> None:
    """The cursor goes back to the field it was in before the box opened."""
    if widget is None or not shiboken6.isValid(widget):
        return
    if widget.isVisible() and widget.isEnabled():
        widget.activateWindow()
        widget.setFocus()
