"""Per test: a copy of the seeded demo database and its own module emulator on a pty.

The database is SQLite unless the test parametrizes ``store_backend`` (``@both_backends``
from tests/integration/postgres/fixtures.py): then a copy of the same demo on PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.demo.seed import seed_demo
from starpos.sts.tables import StaTables, load_sta_tables
from tests.integration.postgres.fixtures import POSTGRESQL, TemplateBuilder
from tests.integration.sm.conftest import EmulatorProcess
from tests.integration.vend.vend_world import (
    DemoMeter,
    sellable_meters,
    start_module,
    use_module,
)


@pytest.fixture(scope="session")
def seeded_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    previous = os.environ.get("STARPOS_DATA_DIR")
    os.environ["STARPOS_DATA_DIR"] = str(folder)
    try:
        with open_database() as database:
            seed_demo(database, customers=40, spare_meters=4, seed=7)
    finally:
        if previous is None:
            del os.environ["STARPOS_DATA_DIR"]
        else:
            os.environ["STARPOS_DATA_DIR"] = previous
    return folder / DATABASE_FILE


def _seeded_template(url: str) -> None:
    with Database.open(url) as database:
        seed_demo(database, customers=40, spare_meters=4, seed=7)


@pytest.fixture
def seeded_store(data_dir: Path, store_backend: str, request: pytest.FixtureRequest) -> None:
    """This test's copy of the seeded demo, where ``open_database()`` finds it."""
    if store_backend == POSTGRESQL:
        copy: Callable[[str, TemplateBuilder], str] = request.getfixturevalue("postgres_copy")
        copy("vend-demo", _seeded_template)
    else:
        shutil.copy(request.getfixturevalue("seeded_database_file"), data_dir / DATABASE_FILE)


@pytest.fixture
def tables_path(shared_dir: Path) -> Path:
    return shared_dir / "sts" / "sta-tables-sample.json"


@pytest.fixture
def tables(tables_path: Path) -> StaTables:
    return load_sta_tables(tables_path)


@dataclass
class World:
    database: Database
    emulator: EmulatorProcess
    meters: list[DemoMeter]
    folder: Path

    @property
    def url(self) -> str:
        return self.emulator.url


@pytest.fixture
def world(seeded_store: None, tmp_path: Path, tables_path: Path) -> Iterator[World]:
    emulator = start_module(tmp_path, tables_path)
    try:
        use_module(emulator.url)
        with open_database() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()


@pytest.fixture
def small_credit_world(seeded_store: None, tmp_path: Path, tables_path: Path) -> Iterator[Any]:
    emulator = start_module(tmp_path, tables_path, credit_tenths=5)
    try:
        use_module(emulator.url)
        with open_database() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()
