"""Driving the windows from the keyboard as a person does: every key goes to the widget that
has the focus (Tab walks to a field, arrows choose, Space ticks, Enter saves), so a field Tab
cannot reach fails the test (decision TST-03). What a window manager does, making a new
window active, is done with ``activateWindow`` (offscreen has none)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from tests.ui.screenshots import save

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WAIT_MS = 30_000


def picture(widget: QWidget, name: str) -> None:
    folder = os.environ.get("STARPOS_SCREENS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        save(widget, Path(folder), name)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the focus"
    return widget


def key(qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        qtbot.keyClick(focused(), which)
    else:
        qtbot.keyClick(focused(), which, modifier)


def type_in(qtbot: QtBot, text: str) -> None:
    """Type ``text`` over whatever the focused field holds."""
    key(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot: QtBot, widget: QWidget, most: int = 30) -> None:
    """Tab until ``widget`` has the focus (a date field takes a Tab per section)."""
    for _ in range(most):
        if widget.hasFocus():
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert widget.hasFocus(), f"Tab never reaches {widget.objectName()}"


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """The focused list box set to ``data`` with the arrow keys."""
    assert combo.hasFocus()
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data or combo.currentText() == data:
            return
        key(qtbot, Qt.Key.Key_Down)
    assert combo.currentData() == data or combo.currentText() == data, data


def active(qtbot: QtBot, window: QWidget) -> None:
    """``window`` active, as a window manager makes it (offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def modal(qtbot: QtBot, kind: type[QDialog], within: QWidget | None = None) -> Any:
    """The box of ``kind`` once it is open and active, opened by ``within`` (a window of the
    scenario) or, without one, by a window still open. Any modal box will not do: one an
    earlier test's window left open, say, would be answered in the scenario's place."""

    def ours() -> QDialog | None:
        box = QApplication.activeModalWidget()
        return box if isinstance(box, kind) and _opened_by(box, within) else None

    qtbot.waitUntil(lambda: ours() is not None, timeout=WAIT_MS)
    box = ours()
    assert box is not None
    active(qtbot, box)
    return box


def _opened_by(box: QDialog, within: QWidget | None) -> bool:
    owner = box.parentWidget()
    if within is None:
        return owner is None or owner.window().isVisible()
    while owner is not None:
        if owner is within:
            return True
        owner = owner.parentWidget()
    return False


def log_in(qtbot: QtBot, app: CounterApp, code: str, password: str) -> None:
    """The code, Enter, the password, Enter. The window opens on the code; after a refusal
    the cursor waits in the emptied password, and Shift+Tab goes back to the code."""
    login = app.login_window
    active(qtbot, login)
    if login.password_field.hasFocus():
        key(qtbot, Qt.Key.Key_Backtab)
    assert login.code_field.hasFocus()
    type_in(qtbot, code)
    key(qtbot, Qt.Key.Key_Return)  # on to the password
    assert login.password_field.hasFocus()
    type_in(qtbot, password)
    key(qtbot, Qt.Key.Key_Return)


def new_password(qtbot: QtBot, password: str) -> None:
    """The forced change at a first login: the new password twice, Enter."""
    from starpos.ui.password_dialog import ChangePasswordDialog

    dialog = modal(qtbot, ChangePasswordDialog)
    assert dialog.forced and dialog.new_field.hasFocus()
    picture(dialog, "from-nothing-password")
    type_in(qtbot, password)
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.repeat_field.hasFocus()
    type_in(qtbot, password)
    key(qtbot, Qt.Key.Key_Return)
