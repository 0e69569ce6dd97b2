"""The QApplication bootstrap: one place that makes the app look and speak right.

Sets the names Qt stores settings under, a readable default font (DejaVu Sans; Noto Sans
CJK is picked by fontconfig for Chinese), the catalog translator in the configured
language, and a last-resort hook that sends any uncaught exception of a slot to the
error funnel instead of killing the counter.
"""

from __future__ import annotations

import sys
from types import TracebackType

import PySide6
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QLabel

from starpos import __version__, i18n
from starpos.errors import ConfigError
from starpos.paths import resources_dir
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.translator import switch_language


class BrokenPySideError(ConfigError):
    code = "ui.broken_pyside"
    template = (
        "PySide6 {version} is installed, and it corrupts Python {python}'s memory (the app "
        "would crash within minutes). Install another version: "
        "pip install 'PySide6-Essentials>=6.7,<6.12'."
    )


def pyside_drops_references() -> bool:
    """True when this PySide loses a reference to ``None`` on each void call (6.12.0 on 3.11)."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(64):
        label.setText("")
    lost = before - sys.getrefcount(None)
    if lost > 0:
        _give_back_none(lost)
    return lost >= 32


def _give_back_none(count: int) -> None:
    import ctypes

    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for _ in range(count):
        incref(None)


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("StarPOS")
    app.setOrganizationName("StarPOS")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("starpos")  # the installer's starpos.desktop: the taskbar's entry
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "starpos.svg")))
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    app.setFont(font)
    if pyside_drops_references():
        raise BrokenPySideError(version=PySide6.__version__, python=sys.version.split()[0])
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
