"""The tests' new SQLite stores, copied from one migrated file (tests/support/migrated_store.py),
are what a new store migrated on its own is: the schema at head, one identity of its own."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, select

from starpos.db import Database
from starpos.db.migrate import head_revision
from starpos.db.models.module_life import StoreIdentity
from tests.support.migrated_store import new_migrated_store


def _identity(url: str) -> tuple[str | None, list[str], list[str]]:
    """The schema's revision, the identities and the tables of the store at ``url``."""
    with Database.open(url, upgrade=False) as database, database.reading() as session:
        ids = list(session.scalars(select(StoreIdentity.store_id)))
        tables = sorted(inspect(database.engine).get_table_names())
        return database.schema_revision(), ids, tables


def test_copies_are_at_head_each_with_an_identity_of_its_own(tmp_path: Path) -> None:
    first = _identity(new_migrated_store(tmp_path / "first.db"))
    second = _identity(new_migrated_store(tmp_path / "second.db"))
    fresh = tmp_path / "fresh.db"
    with Database.open(f"sqlite:///{fresh}"):
        pass  # migrated on its own, as the app makes a new store
    alone = _identity(f"sqlite:///{fresh}")

    assert first[0] == second[0] == alone[0] == head_revision()
    assert len(first[1]) == len(second[1]) == len(alone[1]) == 1
    assert len({first[1][0], second[1][0], alone[1][0]}) == 3
    assert first[2] == second[2] == alone[2]
