"""Per test: a copy of the seeded demo database and its own module emulator on a pty, with the
demo's cashier logged in for the commands the test runs.

The database is SQLite unless the test parametrizes ``store_backend`` (``@both_backends``
from tests/support/store_backends.py): then a copy of the same demo on PostgreSQL. The
seeded demo itself is tests/fixtures/demo_store.py's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from starpos.bootstrap.database import open_database
from starpos.sts.tables import StaTables, load_sta_tables
from tests.integration.vend.vend_world import (
    World,
    sellable_meters,
    start_module,
    use_module,
)
from tests.support.data_files import SAMPLE_TABLES
from tests.support.login import log_in


@pytest.fixture
def tables_path() -> Path:
    return SAMPLE_TABLES


@pytest.fixture
def tables(tables_path: Path) -> StaTables:
    return load_sta_tables(tables_path)


@pytest.fixture
def world(seeded_store: None, tmp_path: Path, tables_path: Path) -> Iterator[World]:
    emulator = start_module(tmp_path, tables_path)
    try:
        use_module(emulator.url)
        log_in()  # the cashier, for the commands the test runs
        with open_database() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()


@pytest.fixture
def small_credit_world(seeded_store: None, tmp_path: Path, tables_path: Path) -> Iterator[Any]:
    emulator = start_module(tmp_path, tables_path, credit_tenths=5)
    try:
        use_module(emulator.url)
        log_in()  # the cashier, for the commands the test runs
        with open_database() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()
