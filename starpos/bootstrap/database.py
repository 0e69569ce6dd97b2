"""The store the settings name: ``database.url``, else SQLite in the data folder.

A program that opens an SQLite store here holds its :class:`~starpos.db.store_lock.StoreLock`
shared until it closes the database, so a restore (``starpos db restore``) is refused while
it runs.

A store is made here only when the data folder never had one (no ``store.json``): a store
that is missing, emptied, cut short, overwritten or replaced by another store's file is
refused with one line naming the file and what to do (:mod:`starpos.db.store_health`,
:mod:`.store_marker`); ``starpos db init --new-store`` (:func:`make_new_store`) is the one
explicit way to make a new store where one was.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from starpos.bootstrap.store_marker import MARKER_FILE, read_marker, write_marker
from starpos.db import Database, migrate
from starpos.db.engine import DATABASE_FILE, make_engine
from starpos.db.models import StoreIdentity
from starpos.db.store_health import (
    StoreMissingError,
    StoreReplacedError,
    check_file,
    damage_of,
    damaged,
)
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


def _shown(url: str) -> str:
    file = sqlite_file(url)
    return str(file) if file is not None else make_url(url).render_as_string(hide_password=True)


def _open(url: str, *, upgrade: bool, new_store: bool = False) -> Database:
    # A store enrolled with a head office refuses local edits of its master data.
    ownership.install()
    file = sqlite_file(url)
    marker = None if new_store else read_marker()
    if file is not None and not new_store:
        check_file(file, may_be_new=marker is None)
        if not file.exists() and marker is not None:
            raise StoreMissingError(store_id=marker.store_id, marker=MARKER_FILE, file=str(file))
    try:
        database = _open_checked(url, file, upgrade=upgrade, marker=marker)
    except SQLAlchemyError as error:
        reason = damage_of(error)
        if reason is None:
            raise
        raise damaged(file or Path(_shown(url)), reason) from error
    return database


def _open_checked(url: str, file: Path | None, *, upgrade: bool, marker: object) -> Database:
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
    try:
        if marker is not None and database.schema_revision() is None:
            # The data folder had a store, and this one is empty: never make it again here.
            raise StoreMissingError(
                store_id=getattr(marker, "store_id", "?"), marker=MARKER_FILE, file=_shown(url)
            )
        if upgrade:  # as Database.open does, and the lock goes with the engine on failure
            migrate.upgrade(database.engine)
        _check_identity(database, url, marker)
    except BaseException:
        database.close()
        raise
    return database


def _check_identity(database: Database, url: str, marker: object) -> None:
    """The store is the one ``store.json`` names (the marker is written when there is none)."""
    if database.schema_revision() is None:
        return
    with database.reading() as session:
        try:
            identity = session.get(StoreIdentity, 1)
        except SQLAlchemyError:
            return  # a schema older than 0009 opened without upgrading (db status)
        found = identity.store_id if identity is not None else None
    if found is None:
        return
    expected = getattr(marker, "store_id", None)
    if expected is None:
        write_marker(found, _shown(url))
    elif expected != found:
        raise StoreReplacedError(
            file=_shown(url), found=found, expected=expected, marker=MARKER_FILE
        )


def make_new_store(settings: Settings | None = None) -> tuple[Database, Path | None]:
    """``starpos db init --new-store``: a new, empty store where one was (damaged, missing or
    not), with a new identity and its ``store.json``. The file that was there is kept aside
    (with its WAL), never deleted; returns the new store and where the old one went."""
    url = database_url(settings)
    file = sqlite_file(url)
    aside = None
    if file is not None and file.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = file.with_name(f"{file.name}.replaced-{stamp}")
        with StoreLock(file).take_exclusive():
            for suffix in ("", "-wal", "-shm"):
                part = file.with_name(file.name + suffix)
                if part.exists():
                    part.rename(aside.with_name(aside.name + suffix))
    database = _open(url, upgrade=True, new_store=True)
    with database.reading() as session:
        identity = session.get(StoreIdentity, 1)
    if identity is not None:
        write_marker(identity.store_id, _shown(url))
    return database, aside


def remember_store(database: Database, url: str) -> None:
    """Name ``database`` in ``store.json`` (after a restore put a store in place)."""
    with database.reading() as session:
        identity = session.get(StoreIdentity, 1)
    if identity is not None:
        write_marker(identity.store_id, _shown(url))


def open_database(settings: Settings | None = None, *, upgrade: bool = True) -> Database:
    """The configured database; ``upgrade`` brings its schema up to date first (the app and
    every command that writes; ``starpos db status`` opens without, to report what it finds)."""
    return _open(database_url(settings), upgrade=upgrade)


def open_existing_database(settings: Settings | None = None) -> Database | None:
    """The configured database, or None while it is an SQLite file not made yet (a module set
    up before the store exists has no vends to settle, and no file is made for it)."""
    url = database_url(settings)
    file = sqlite_file(url)
    if file is not None and not file.exists() and read_marker() is None:
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
