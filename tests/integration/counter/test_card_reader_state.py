"""The card reader as the counter's status bar sees it, through the real pcscd + vpcd."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from starpos.counter import counter_on
from starpos.counter.cards import CounterCards
from starpos.counter.views import DeviceState
from starpos.db import Database
from starpos.settings import Settings
from tests.conftest import child_env
from tests.integration.card.conftest import (  # noqa: F401 (fixtures)
    READER_1,
    pcscd,
    pcscd_service,
)

pytestmark = pytest.mark.pcsc


@pytest.fixture
def counter_cards(data_dir: Path) -> Iterator[tuple[CounterCards, Settings]]:
    settings = Settings()
    with Database.open() as database:
        auth, counter = counter_on(database, settings)
        cards = CounterCards(database, settings, auth)
        yield cards, settings
        cards.close()
        counter.close()


def test_the_configured_reader_is_ready_or_said_missing(
    pcscd: list[str],  # noqa: F811
    counter_cards: tuple[CounterCards, Settings],
) -> None:
    cards, settings = counter_cards
    assert cards.reader_state() == DeviceState(online=True)  # no reader set: any will do
    settings.set("card.reader", READER_1)
    assert cards.reader_state() == DeviceState(online=True)
    settings.set("card.reader", "ACS ACR38U 00 00")
    assert cards.reader_state() == DeviceState(
        online=False, detail="{reader} not connected", params={"reader": "ACS ACR38U 00 00"}
    )


def test_no_card_service_is_said_plainly(tmp_path: Path) -> None:
    # pcsc-lite reads the daemon's socket name once per process: ask in a child process
    # pointed where no daemon listens (what the library meets when pcscd is not running).
    script = (
        "import json; from starpos.counter.cards import CounterCards; "
        "from starpos.settings import Settings; "
        "state = CounterCards(None, Settings(), None).reader_state(); "
        "print(json.dumps([state.online, state.detail]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=child_env(
            PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd"), STARPOS_DATA_DIR=str(tmp_path)
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, "card service not running"]
