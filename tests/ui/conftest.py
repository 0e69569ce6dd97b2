"""Fixtures for the window tests: a counter app on fresh in-memory services per test (with
the fake card service too for the card tests), and the folder the screen pictures go to."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from tests.ui.fake_cards import FakeCards
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


@pytest.fixture
def fake_cards() -> FakeCards:
    return FakeCards()


@pytest.fixture
def card_counter_app(
    qtbot: QtBot, fake_auth: FakeAuth, fake_counter: FakeCounter, fake_cards: FakeCards
) -> Iterator[CounterApp]:
    switch_language("en")
    app = CounterApp(fake_auth, fake_counter, cards=fake_cards)
    qtbot.addWidget(app.login_window)
    app.start()
    yield app
    app.shut_down()
    switch_language("en")


@pytest.fixture
def screens_dir(tmp_path: Path) -> Path:
    """Where the screen pictures go: ``STARPOS_SCREENS_DIR`` (docs/screens/), else a temporary
    folder."""
    folder = Path(os.environ.get("STARPOS_SCREENS_DIR") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
