"""Fixtures for the window tests: a counter app on fresh in-memory services per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from tests.ui.fake_services import FakeAuth, FakeCounter


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
