"""A unit of work over one SQLAlchemy session (cosmicpython's pattern).

``with database.unit_of_work() as uow: ...; uow.commit()`` — nothing is written unless
``commit()`` is called, and leaving the block without it rolls back. Database failures
come out as :class:`StorageError` with a message a person can act on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from starpos.errors import StorageError


class DatabaseBusyError(StorageError):
    code = "storage.busy"
    template = (
        "The database is busy with another program for too long. Wait a moment and try "
        "again; if it keeps happening, close the other StarPOS windows."
    )


class DatabaseFailedError(StorageError):
    code = "storage.failed"
    template = "The database could not be used: {reason}. Check the disk and the data folder."


#: PostgreSQL's SQLSTATEs for "another transaction is in the way": lock_timeout ran out
#: (lock_not_available), or the server broke a deadlock by cancelling this one.
_BUSY_SQLSTATES = {"55P03", "40P01"}


def storage_error(error: DBAPIError) -> StorageError:
    """The typed error for a driver failure, keeping the driver's text in ``reason``."""
    reason = str(error.orig) if error.orig is not None else str(error)
    # PostgreSQL's messages run over lines (DETAIL:, CONTEXT:) and end with a full stop; the
    # CLI prints an error as one line and the template adds its own full stop.
    reason = " ".join(line.strip() for line in reason.splitlines() if line.strip()).rstrip(".")
    if getattr(error.orig, "sqlstate", None) in _BUSY_SQLSTATES:
        return DatabaseBusyError(reason=reason)
    if isinstance(error, OperationalError) and "locked" in reason.lower():
        return DatabaseBusyError(reason=reason)
    return DatabaseFailedError(reason=reason)


class UnitOfWork:
    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        try:
            self._session.connection()  # begin now, so the write lock is taken up front
        except DBAPIError as error:
            self._session.close()
            self._session = None
            raise storage_error(error) from error
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        if isinstance(error, DBAPIError):
            raise storage_error(error) from error

    def flush(self) -> None:
        try:
            self.session.flush()
        except DBAPIError as error:
            raise storage_error(error) from error

    def commit(self) -> None:
        try:
            self.session.commit()
        except DBAPIError as error:
            self.session.rollback()
            raise storage_error(error) from error

    def rollback(self) -> None:
        self.session.rollback()


@contextmanager
def read_only(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for reading (no write lock); whatever it changed is thrown away.

    Closing (not rolling back) keeps the loaded objects readable after the block.
    """
    session = factory()
    try:
        yield session
    except DBAPIError as error:
        raise storage_error(error) from error
    finally:
        session.close()
