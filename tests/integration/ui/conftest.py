"""The counter with card mode on the real stack, for the card window tests (the helpers that
drive it are in card_counter.py; the demo store and the PC/SC stack are tests/fixtures')."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from starpos.bootstrap.counter import counter_cards, counter_on
from starpos.db import Database
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from starpos.ui.core_services import cards_on_workers, on_workers
from starpos.ui.counter_app import CounterApp
from tests.support.virtual_cards import READER_1


@pytest.fixture
def card_app(
    qtbot: QtBot,
    demo_database: Database,
    key_file: Path,
    pcscd: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CounterApp]:
    monkeypatch.setenv("STARPOS_CARD_KEY_FILE", str(key_file))
    settings = Settings()
    settings.set("card.reader", READER_1)  # this counter's reader; the other is not ours
    auth, counter = on_workers(*counter_on(demo_database, settings))
    app = CounterApp(
        auth, counter, cards=cards_on_workers(counter_cards(demo_database, auth.core, settings))
    )
    qtbot.addWidget(app.login_window)
    app.start()
    yield app
    app.shut_down()
    stop_embedded()
    stop_virtual_printer()  # the voucher and the status bar start it
