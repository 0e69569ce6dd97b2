"""A new SQLite store with the whole schema, copied instead of migrated.

Running every Alembic migration on a new file takes 1.6 s on the quiet 2-core machine, and
some tests make several stores per test (a counter each, or a chain per terminal in every
hypothesis example). Each test process migrates one file once and copies it; the copy
then gets an identity of its own (``store_identity``: a new UUID and creation time), as a
new store migrated on its own would have. ``Database.open`` on the copy finds the schema
at head and migrates nothing.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from functools import cache
from pathlib import Path

from sqlalchemy import update

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models.module_life import StoreIdentity


@cache
def _migrated_file() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="starpos-migrated-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "starpos.db"
    with Database.open(f"sqlite:///{path}") as database, database.engine.connect() as connection:
        # Everything in the file itself: the copy is of the file alone, without its WAL.
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def new_migrated_store(path: Path) -> str:
    """Make ``path`` a new store at the newest schema, with its own identity; its URL."""
    shutil.copyfile(_migrated_file(), path)
    url = f"sqlite:///{path}"
    with Database.open(url, upgrade=False) as database, database.engine.begin() as connection:
        connection.execute(
            update(StoreIdentity).values(store_id=str(uuid.uuid4()), created_at=utc_now())
        )
    return url
