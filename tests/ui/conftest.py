"""Fixtures for the window tests: a counter app on fresh in-memory services per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_services import FakeAuth, FakeCounter
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language


@pytest.fixture
def fake_auth() -> FakeAuth:
    return FakeAuth()


@pytest.fixture
def fake_counter() -> FakeCounter:
    return FakeCounter()


@pytest.fixture
def counter_app(
    qtbot: QtBot, fake_auth: FakeAuth, fake_counter: FakeCounter
) -> Iterator[CounterApp]:
    switch_language("en")
    app = CounterApp(fake_auth, fake_counter)
    qtbot.addWidget(app.login_window)
    app.start()
    yield app
    app.shut_down()
    switch_language("en")


def log_in(qtbot: QtBot, app: CounterApp, code: str, password: str) -> PosWindow:
    window = app.login_window
    qtbot.keyClicks(window.code_field, code)
    qtbot.keyClicks(window.password_field, password)
    with qtbot.waitSignal(app.counter_opened, timeout=5000) as opened:
        qtbot.keyClick(window.password_field, "\r")
    pos: PosWindow = opened.args[0]
    qtbot.addWidget(pos)
    return pos
