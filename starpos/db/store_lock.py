"""Who has an SQLite store open: a shared ``flock`` per program, an exclusive one to replace it.

Every program that opens the store through the composition root (the app for as long as it
runs, each ``starpos`` command while it works) holds a *shared* lock on a file beside the
store (``starpos.db.inuse``: beside it, so two data folders pointing at one store share it).
Restoring a backup replaces the store's file, which is only safe when nobody has it open:
it takes the lock *exclusively* and without waiting, so it is refused at once while any
program uses the store, and no program can open the store while the restore runs. The kernel
drops a lock when its holder dies, even by SIGKILL, so a crashed program never blocks a
restore.

SQLite itself cannot answer "is anyone else connected?" in WAL mode without changing the
file, hence this lock beside it (docs/decisions.md, "installer").
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from starpos.errors import StorageError


class StoreInUseError(StorageError):
    code = "storage.in_use"
    template = (
        "The store {path} is in use by another StarPOS program (the app, a vend or another "
        "command). Close the app and wait for running commands to finish, then try again."
    )


class StoreLock:
    """The lock of the store file at ``path`` (``<path>.inuse``, the symbolic links resolved,
    so every program finds the same one)."""

    SUFFIX = ".inuse"

    def __init__(self, path: Path) -> None:
        self.store = Path(os.path.realpath(path))
        self.path = self.store.with_name(self.store.name + self.SUFFIX)
        self._handle: IO[str] | None = None

    def share(self) -> StoreLock:
        """Hold the lock shared (this program uses the store) until :meth:`release`.

        Waits while a restore holds it exclusively (a restore takes seconds)."""
        self._take(fcntl.LOCK_SH)
        return self

    def take_exclusive(self) -> StoreLock:
        """Hold the lock alone, or raise :class:`StoreInUseError` at once."""
        try:
            self._take(fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreInUseError(path=str(self.store)) from None
        return self

    def _take(self, operation: int) -> None:
        if self._handle is not None:
            return
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, operation)
        except BaseException:
            handle.close()
            raise
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()
