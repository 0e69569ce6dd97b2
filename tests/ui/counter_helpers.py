"""Driving the counter from a test the way a cashier would."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow


def log_in(qtbot: QtBot, app: CounterApp, code: str, password: str) -> PosWindow:
    window = app.login_window
    qtbot.keyClicks(window.code_field, code)
    qtbot.keyClicks(window.password_field, password)
    with qtbot.waitSignal(app.counter_opened, timeout=5000) as opened:
        qtbot.keyClick(window.password_field, "\r")
    pos: PosWindow = opened.args[0]
    return pos  # the counter app closes it


def open_counter(qtbot: QtBot, app: CounterApp) -> PosWindow:
    window = log_in(qtbot, app, "SUP", "pw-sup")
    # The first answer of the notice (asked when the window opens).
    qtbot.waitUntil(lambda: not app.workers.database.busy, timeout=5000)
    return window
