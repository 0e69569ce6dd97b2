"""The store the settings name: ``database.url``, else SQLite in the data folder."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.paths import data_dir
from starpos.settings import Settings


def database_url(settings: Settings | None = None) -> str:
    """The configured URL, or SQLite in the data folder."""
    configured = (settings or Settings()).get("database.url")
    if configured:
        return str(configured)
    return f"sqlite:///{Path(data_dir()) / DATABASE_FILE}"


def open_database(settings: Settings | None = None, *, upgrade: bool = True) -> Database:
    """The configured database; ``upgrade`` brings its schema up to date first (the app and
    every command that writes; ``starpos db status`` opens without, to report what it finds)."""
    return Database.open(database_url(settings), upgrade=upgrade)


def open_existing_database(settings: Settings | None = None) -> Database | None:
    """The configured database, or None while it is an SQLite file not made yet (a module set
    up before the store exists has no vends to settle, and no file is made for it)."""
    url = database_url(settings)
    parsed = make_url(url)
    file = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if file not in (None, "", ":memory:") and not Path(str(file)).exists():
        return None
    return Database.open(url)
