"""The QApplication bootstrap: one place that makes the app look and speak right.

Sets the names Qt stores settings under, a readable default font (DejaVu Sans; Noto Sans
CJK is picked by fontconfig for Chinese), the catalog translator in the configured
language, and a last-resort hook that sends any uncaught exception of a slot to the
error funnel instead of killing the counter.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from starpos import __version__, i18n
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.translator import switch_language


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("StarPOS")
    app.setOrganizationName("StarPOS")
    app.setApplicationVersion(__version__)
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    app.setFont(font)
    switch_language(language or i18n.current_language())
    return app


def install_exception_hook(funnel: ErrorFunnel) -> None:
    """Exceptions escaping Qt slots end in the funnel (a report), not in a dead window."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        funnel.show_failure(error.with_traceback(trace), QApplication.activeWindow())

    sys.excepthook = hook
