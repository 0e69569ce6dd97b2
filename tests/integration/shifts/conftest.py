"""Per test: a copy of the seeded demo (its cashiers' shifts open at their sales points, as
the demo seed leaves them) and its own module emulator on a pty, as the vend tests have."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from starpos.bootstrap.database import open_database
from tests.integration.vend.vend_world import World, sellable_meters, start_module, use_module
from tests.support.data_files import SAMPLE_TABLES


@pytest.fixture
def world(seeded_store: None, tmp_path: Path) -> Iterator[World]:
    emulator = start_module(tmp_path, SAMPLE_TABLES)
    try:
        use_module(emulator.url)
        with open_database() as database:
            yield World(database, emulator, sellable_meters(database), tmp_path)
    finally:
        emulator.stop()
