"""A seeded demo database per test (seeded once, copied for each test)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.demo.seed import seed_demo


@pytest.fixture(scope="session")
def seeded_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeding hashes every operator's password (argon2): do it once per session."""
    folder = tmp_path_factory.mktemp("seeded")
    path = folder / "starpos.db"
    with pytest.MonkeyPatch.context() as patch:
        # Session fixtures run before the per-test data folder exists: never the user's.
        patch.setenv("STARPOS_DATA_DIR", str(folder))
        database = Database.open(f"sqlite:///{path}")
        seed_demo(database, customers=20, spare_meters=2)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
    return path


@pytest.fixture
def demo_database(data_dir: Path, seeded_database_file: Path) -> Iterator[Database]:
    shutil.copyfile(seeded_database_file, data_dir / "starpos.db")
    database = open_database()
    yield database
    database.close()
