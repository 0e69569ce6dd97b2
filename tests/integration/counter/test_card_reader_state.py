"""The card reader as the counter's status bar sees it, through the real pcscd + vpcd."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from starpos.bootstrap.counter import counter_cards, counter_on
from starpos.bootstrap.database import open_database
from starpos.counter.cards import CounterCards
from starpos.counter.views import DeviceState
from starpos.settings import Settings
from tests.support.processes import child_env
from tests.support.virtual_cards import READER_1

pytestmark = pytest.mark.pcsc


@pytest.fixture
def cards_with_reader(data_dir: Path) -> Iterator[Callable[[str], CounterCards]]:
    """The counter's cards as the composition root makes them with ``card.reader`` set."""
    made: list[CounterCards] = []
    with open_database() as database:
        auth, counter = counter_on(database, Settings())

        def make(reader: str) -> CounterCards:
            settings = Settings()
            settings.set("card.reader", reader)
            made.append(counter_cards(database, auth, settings))
            return made[-1]

        yield make
        for cards in made:
            cards.close()
        counter.close()


def test_the_configured_reader_is_ready_or_said_missing(
    pcscd: list[str],
    cards_with_reader: Callable[[str], CounterCards],
) -> None:
    no_reader_set = cards_with_reader("")
    assert no_reader_set.reader_state() == DeviceState(online=True)  # any will do
    assert cards_with_reader(READER_1).reader_state() == DeviceState(online=True)
    assert cards_with_reader("ACS ACR38U 00 00").reader_state() == DeviceState(
        online=False, detail="{reader} not connected", params={"reader": "ACS ACR38U 00 00"}
    )


def test_no_card_service_is_said_plainly(tmp_path: Path) -> None:
    # pcsc-lite reads the daemon's socket name once per process: ask in a child process
    # pointed where no daemon listens (what the library meets when pcscd is not running).
    script = (
        "import json; from starpos.bootstrap.counter import counter_cards; "
        "from starpos.settings import Settings; "
        "state = counter_cards(None, None, Settings()).reader_state(); "
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
