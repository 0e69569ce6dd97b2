"""The head office's store as the server uses it: short transactions without the store's
single-writer lock.

The back office's units of work take one advisory lock for every writing transaction
(``starpos.db.engine.writer``), so at most one writes at a time, as on SQLite. Terminals'
pushes do not need that: a push locks its own enrolment row (one push of a terminal at a
time) and the few shared rows it touches (a meter's debt), so pushes of different
terminals are applied side by side.

The downlink reads in a snapshot of its own (:meth:`HeadOffice.snapshot`): one
``REPEATABLE READ, READ ONLY`` transaction sees the change feed and the rows it names as
of one moment, however long the answer takes to stream.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ARRAY, Connection, any_, bindparam
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.engine import session_factory
from starpos.db.unit_of_work import storage_error
from starpos.server.errors import NeedsPostgresError


class HeadOffice:
    def __init__(self, database: Database, *, require_postgresql: bool = True) -> None:
        backend = database.engine.dialect.name
        if require_postgresql and backend != "postgresql":
            raise NeedsPostgresError(backend=backend)
        self.database = database
        self._sessions = session_factory(database.engine, write=False)

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """One pooled connection for a whole request, for :meth:`autocommit` and then
        :meth:`transaction`: a push checks out (and pings) one connection, not two
        (SYN-43)."""
        try:
            connection = self.database.engine.connect()
        except DBAPIError as error:
            raise storage_error(error) from error
        try:
            yield connection
        except DBAPIError as error:
            raise storage_error(error) from error
        finally:
            connection.close()

    @contextmanager
    def transaction(self, on: Connection | None = None) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises; on the
        request's connection ``on`` when given (see :meth:`connection`)."""
        if on is not None:
            on.execution_options(isolation_level=on.default_isolation_level)
        session = self._sessions() if on is None else self._sessions(bind=on)
        try:
            yield session
            session.commit()
        except DBAPIError as error:
            session.rollback()
            raise storage_error(error) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def autocommit(self, on: Connection | None = None) -> Iterator[Connection]:
        """A connection outside any transaction: each statement commits by itself (what
        must stay written whatever the request does next: a spent nonce); the request's
        connection ``on`` when given."""
        if on is not None:
            try:
                yield on.execution_options(isolation_level="AUTOCOMMIT")
            except DBAPIError as error:
                raise storage_error(error) from error
            finally:
                # Ends SQLAlchemy's own record of a transaction (each statement committed
                # already), so the connection can change its isolation level for the next.
                if on.in_transaction():
                    on.commit()
            return
        with self.connection() as connection:
            yield connection.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A read-only transaction that sees the store as of its first statement."""
        try:
            connection = self.database.engine.connect().execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        except DBAPIError as error:
            raise storage_error(error) from error
        try:
            with connection.begin():
                yield connection
        except DBAPIError as error:
            raise storage_error(error) from error
        finally:
            connection.close()


def any_of(column: Any, name: str) -> Any:
    """``column = ANY(:name)`` for a statement built once, at import (SYN-43): executing a
    prebuilt statement skips building it and half of SQLAlchemy's work on it, which for a
    push of a few sales cost more than PostgreSQL's work. ``name`` is given a list."""
    return column == any_(bindparam(name, type_=ARRAY(column.type)))


def one_of(column: Any, values: Any) -> Any:
    """``column = ANY(:values)``: one array parameter however many values, so the statement
    stays the same text (cached by SQLAlchemy and psycopg) where ``IN (...)`` would not."""
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
