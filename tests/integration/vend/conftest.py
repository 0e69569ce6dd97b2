"""Per test: a copy of the seeded demo database and its own module emulator on a pty."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.demo.seed import seed_demo
from starpos.sts.tables import StaTables, load_sta_tables
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
        with Database.open() as database:
            seed_demo(database, customers=40, spare_meters=4, seed=7)
    finally:
        if previous is None:
            del os.environ["STARPOS_DATA_DIR"]
        else:
            os.environ["STARPOS_DATA_DIR"] = previous
    return folder / DATABASE_FILE


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
def world(
    data_dir: Path, tmp_path: Path, seeded_database_file: Path, tables_path: Path
) -> Iterator[World]:
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    emulator = start_module(tmp_path, tables_path)
    try:
        use_module(emulator.url)
        with Database.open() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()


@pytest.fixture
def small_credit_world(
    data_dir: Path, tmp_path: Path, seeded_database_file: Path, tables_path: Path
) -> Iterator[Any]:
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    emulator = start_module(tmp_path, tables_path, credit_tenths=5)
    try:
        use_module(emulator.url)
        with Database.open() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()
