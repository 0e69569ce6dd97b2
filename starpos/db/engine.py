"""Engines and sessions for the local store.

The URL is given: the composition root (:mod:`starpos.bootstrap.database`) reads it from the
settings, SQLite at ``<data_dir>/starpos.db`` unless ``database.url`` names another store.
SQLite runs with WAL so the counter can read while a vend writes, foreign keys on, and a
busy timeout so a second process waits for the write lock instead of failing at once.

SQLite transactions are started by us, not by the driver: a writing unit of work begins
with ``BEGIN IMMEDIATE`` (it takes the write lock first, so two writers queue on the busy
timeout instead of one failing half-way when it upgrades a read lock), a reading one with a
plain ``BEGIN``.

PostgreSQL (``postgresql+psycopg://...``) keeps the same rule, one writer at a time: a writing
transaction first takes a transaction-scoped advisory lock (released by its commit or
rollback), and waits for it at most the busy timeout (``lock_timeout``). Readers take no lock
and see a snapshot, as with SQLite's WAL (docs/decisions.md, "Store").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DATABASE_FILE = "starpos.db"
BUSY_TIMEOUT_MS = 15_000
MMAP_BYTES = 256 * 1024 * 1024
CACHE_KIB = 32 * 1024
_BEGIN_OPTION = "starpos_sqlite_begin"
_WRITER_OPTION = "starpos_postgresql_writer"
#: The advisory lock every writing transaction on PostgreSQL holds (any fixed 64-bit number;
#: this one is "StarPOSw" in ASCII, so it reads as ours in pg_locks).
WRITER_LOCK_KEY = 0x53746172504F5377


def make_engine(url: str, **options: Any) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True, **options)
        _configure_postgresql(engine)
        return engine
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **options)
    connect_args = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    engine = create_engine(url, connect_args=connect_args, **options)
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (below) say when a transaction starts, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed vend survives a power cut too, not only a killed process
            # (DESIGN.md rule 4); the cost is one fsync per commit.
            cursor.execute("PRAGMA synchronous = FULL")
            # Reads (the counter's meter lookup above all) from memory-mapped pages and a
            # 32 MiB page cache per connection: halves the lookup's tail on a 1M-sale store
            # (docs/benchmarks.md).
            cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Waiting for the writer lock (or a row lock) ends like SQLite's busy timeout.
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET lock_timeout = {int(BUSY_TIMEOUT_MS)}")
        cursor.close()
        dbapi_connection.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(_WRITER_OPTION):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock when they begin."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
    if engine.dialect.name == "postgresql":
        return engine.execution_options(**{_WRITER_OPTION: True})
    return engine


def session_factory(engine: Engine, *, write: bool = True) -> sessionmaker[Session]:
    bind = writer(engine) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False, autoflush=True)
