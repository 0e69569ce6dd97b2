"""A head office (PostgreSQL + the server process) and counters (SQLite + a module each)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from starpos.db import Database
from starpos.demo.seed import seed_demo
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_world import (
    Counter,
    ServerProcess,
    make_counter,
    set_setting,
)
from tests.integration.sync.sync_world import (
    HeadOffice as HeadOfficeProcesses,
)
from tests.support.postgres_server import PostgresServer

#: (terminal, its sales point's cashier): three sales points, so bill numbers never collide.
TERMINALS = (("T01", "CASH1"), ("T03", "CASH2"), ("T04", "CASH3"))


def _seeded(url: str) -> None:
    with Database.open(url) as database:
        seed_demo(database, customers=40, spare_meters=4, seed=7)


@pytest.fixture
def head_office_store(
    postgres_server: PostgresServer, tmp_path: Path
) -> Iterator[tuple[Path, str]]:
    """The head office's data folder, its settings pointing at a seeded PostgreSQL copy."""
    template = postgres_server.template("sync-head-office", _seeded)
    name = postgres_server.create_database(template=template)
    url = postgres_server.url(name)
    folder = tmp_path / "head-office"
    folder.mkdir()
    set_setting(folder, "database.url", url)
    try:
        yield folder, url
    finally:
        postgres_server.drop_database(name)


@pytest.fixture
def office(head_office_store: tuple[Path, str]) -> Iterator[HeadOffice]:
    """The head office's store as the server uses it, in this process."""
    _, url = head_office_store
    with Database.open(url, upgrade=False) as database:
        yield HeadOffice(database)


@pytest.fixture
def head_office(head_office_store: tuple[Path, str]) -> Iterator[HeadOfficeProcesses]:
    """The head office's data folder with its server process running."""
    folder, url = head_office_store
    server = ServerProcess(folder).start()
    try:
        yield HeadOfficeProcesses(folder, url, server)
    finally:
        server.stop()


@pytest.fixture
def make_counters(tmp_path: Path) -> Iterator[Callable[..., list[Counter]]]:
    """``make_counters(count, modules=True, seeded=True)``: counters with a module each
    (``modules=False``: counters that only sync), each with a seeded store of its own
    (``seeded=False``: new counters, no store yet)."""
    made: list[Counter] = []

    def make(count: int, *, modules: bool = True, seeded: bool = True) -> list[Counter]:
        for index, (terminal, operator) in enumerate(TERMINALS[:count]):
            made.append(
                make_counter(
                    tmp_path / f"counter-{terminal}",
                    terminal,
                    operator,
                    f"3000000{index}" if modules else None,
                    seeded=seeded,
                )
            )
        return made[-count:]

    yield make
    for counter in made:
        if counter.module is not None:
            counter.module.stop()
