"""One open database: its engine, its session factories and its schema version."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from starpos.db import migrate
from starpos.db.engine import make_engine, session_factory
from starpos.db.unit_of_work import UnitOfWork, read_only


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_sessions = session_factory(engine, write=True)
        self._read_sessions = session_factory(engine, write=False)

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Database:
        """Open the database at ``url``; ``upgrade`` brings its schema up to date first.

        The app opens with ``upgrade=True`` (an older database is upgraded on start);
        ``starpos db status`` opens without, to report what it finds.
        """
        database = cls(make_engine(url))
        if upgrade:
            migrate.upgrade(database.engine)
        return database

    def unit_of_work(self) -> UnitOfWork:
        """A writing transaction (takes the write lock on SQLite when it begins)."""
        return UnitOfWork(self._write_sessions)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A reading transaction: a consistent snapshot, no lock held against writers."""
        with read_only(self._read_sessions) as session:
            yield session

    def schema_revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
