"""Per test: a copy of the seeded demo store and its own module emulator on a pty, loaded
with the demo keys and the keys a key change moves meters to (ops_world.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from starpos.sts.tables import StaTables, load_sta_tables
from tests.integration.tokenops.ops_world import OpsWorld, start_world
from tests.support.data_files import SAMPLE_TABLES

#: The module's credit at the start of each test: 20,000.0 kWh, in tenths.
START_CREDIT_TENTHS = 200_000


@pytest.fixture
def tables() -> StaTables:
    return load_sta_tables(SAMPLE_TABLES)


@pytest.fixture
def world(seeded_store: None, tmp_path: Path) -> Iterator[OpsWorld]:
    world = start_world(tmp_path, SAMPLE_TABLES, START_CREDIT_TENTHS)
    try:
        yield world
    finally:
        world.database.close()
        world.emulator.stop()
