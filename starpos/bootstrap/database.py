"""The store the settings name: ``database.url``, else SQLite in the data folder.

A program that opens an SQLite store here holds its :class:`~starpos.db.store_lock.StoreLock`
shared until it closes the database, so a restore (``starpos db restore``) is refused while
it runs.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from starpos.db import Database, migrate
from starpos.db.engine import DATABASE_FILE, make_engine
from starpos.db.store_lock import StoreLock
from starpos.errors import StarposError, StorageError
from starpos.paths import data_dir
from starpos.settings import Settings
from starpos.sync import ownership


class DatabaseUnreachableError(StorageError):
    code = "storage.unreachable"
    template = (
        "The database {url} cannot be reached: {reason}. Check the address, the user and "
        "the password, and that the server is running."
    )


def database_url(settings: Settings | None = None) -> str:
    """The configured URL, or SQLite in the data folder."""
    configured = (settings or Settings()).get("database.url")
    if configured:
        return str(configured)
    return f"sqlite:///{Path(data_dir()) / DATABASE_FILE}"


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite ``url`` (None for another database, or one in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


class _LockedDatabase(Database):
    """A database that gives its store lock back when it is closed."""

    store_lock: StoreLock | None = None

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.store_lock is not None:
                self.store_lock.release()


def _open(url: str, *, upgrade: bool) -> Database:
    # A store enrolled with a head office refuses local edits of its master data.
    ownership.install()
    file = sqlite_file(url)
    lock = None
    if file is not None and file.parent.is_dir():
        try:
            lock = StoreLock(file).share()
        except OSError:  # a folder this program may not write in: nobody can restore there
            lock = None
    try:
        database = _LockedDatabase(make_engine(url))
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    database.store_lock = lock
    if upgrade:  # as Database.open does, and the lock goes with the engine on failure
        try:
            migrate.upgrade(database.engine)
        except BaseException:
            database.close()
            raise
    return database


def open_database(settings: Settings | None = None, *, upgrade: bool = True) -> Database:
    """The configured database; ``upgrade`` brings its schema up to date first (the app and
    every command that writes; ``starpos db status`` opens without, to report what it finds)."""
    return _open(database_url(settings), upgrade=upgrade)


def open_existing_database(settings: Settings | None = None) -> Database | None:
    """The configured database, or None while it is an SQLite file not made yet (a module set
    up before the store exists has no vends to settle, and no file is made for it)."""
    url = database_url(settings)
    file = sqlite_file(url)
    if file is not None and not file.exists():
        return None
    return _open(url, upgrade=True)


def reach_database(url: str) -> str | None:
    """Connect to ``url`` and read its schema revision (None: an empty database, or an SQLite
    file not made yet), changing nothing; :class:`DatabaseUnreachableError` says why it
    cannot be reached."""
    shown = make_url(url).render_as_string(hide_password=True)
    file = sqlite_file(url)
    if file is not None and not file.exists():
        return None  # connecting would make an empty file: the first command makes the store
    try:
        with Database.open(url, upgrade=False) as database:
            return database.schema_revision()
    except StarposError:
        raise
    except (SQLAlchemyError, OSError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise DatabaseUnreachableError(url=shown, reason=reason) from error
