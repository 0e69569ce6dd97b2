"""Is this SQLite file a whole store? Read from its first 100 bytes and its size, before
SQLite is let near it (issue 17, section 3).

SQLite opens an empty file as an empty database, and a program that then makes its schema
has silently replaced the store with nothing. A zeroed or overwritten header, or a file cut
short, comes out of SQLite as "file is not a database" or "database disk image is malformed"
somewhere in the middle of a command. Here each is named for what it is, with the file and
what to do, before anything is opened: :class:`StoreDamagedError`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SqlAlchemyDatabaseError
from sqlalchemy.exc import OperationalError

from starpos.errors import StorageError
from starpos.i18n import tr_noop

MAGIC = b"SQLite format 3\x00"
HEADER = 100

TRUNCATED = tr_noop("errors", "it is empty (0 bytes): it was truncated")
NOT_SQLITE = tr_noop(
    "errors", "it does not begin as an SQLite database: its header is zeroed or overwritten"
)
CUT_SHORT = tr_noop(
    "errors", "it is shorter than its header says ({size} of {expected} bytes): it was cut"
)
SQLITE_SAYS = tr_noop("errors", "SQLite reads it as damaged ({reason})")
DISK_FULL = tr_noop("errors", "the disk is full")
READ_ONLY = tr_noop("errors", "it is read-only")
#: Below this much room SQLite cannot be relied on to write a transaction and its journal
#: (a "nearly full" disk fails the same way a full one does).
LOW_ROOM = 1024 * 1024
#: SQLite's own words for a file that is not (or no longer) a whole database.
DAMAGE_WORDS = ("file is not a database", "malformed", "disk image")


class StoreDamagedError(StorageError):
    code = "storage.damaged"
    template = (
        "The store {file} is damaged: {what}. Nothing was changed. Restore the last backup "
        "(starpos db restore FOLDER); or keep this file for the administrator and make a new "
        "store with starpos db init --new-store."
    )


class StoreMissingError(StorageError):
    code = "storage.missing"
    template = (
        "The store of this data folder ({store_id}, named in {marker}) is missing or empty at "
        "{file}. Nothing was made in its place. Restore the last backup (starpos db restore "
        "FOLDER); or make a new store with starpos db init --new-store."
    )


class StoreReplacedError(StorageError):
    code = "storage.replaced"
    template = (
        "The store file {file} is store {found}, but this data folder's store is {expected} "
        "(named in {marker}). Put that store's file back or restore its backup (starpos db "
        "restore FOLDER); starpos db init --new-store makes a new store instead."
    )


class DataFolderUnwritableError(StorageError):
    code = "storage.unwritable"
    template = (
        "The data folder {folder} cannot be written: {why}. What this command was doing was "
        "not recorded. Free space on that disk, or make the folder writable, then run the "
        "command again."
    )


def file_damage(path: Path, *, may_be_new: bool = False) -> tuple[str, dict[str, object]] | None:
    """What is wrong with the store file ``path`` (a translatable text and its values), or
    None when it looks whole. A missing file is not damage (the caller decides); nor is an
    empty one that ``may_be_new`` (no store was ever named here: another program may be
    making it this very moment, and SQLite makes it under its write lock)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER)
    except FileNotFoundError:
        return None
    if size == 0:
        return None if may_be_new else (TRUNCATED, {})
    if len(header) < HEADER or not header.startswith(MAGIC):
        return NOT_SQLITE, {}
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid only when its "version valid for" number
    # matches the change counter (SQLite file format, 1.3.7).
    valid = header[92:96] == header[24:28]
    expected = pages * page_size
    if page_size < 512 or size % page_size or (valid and size < expected):
        return CUT_SHORT, {"size": size, "expected": expected}
    return None


def check_file(path: Path, *, may_be_new: bool = False) -> None:
    """Raise :class:`StoreDamagedError` when :func:`file_damage` finds something."""
    damage = file_damage(path, may_be_new=may_be_new)
    if damage is not None:
        what, values = damage
        raise StoreDamagedError(file=str(path), what=_what(what, values))


def _what(text: str, values: dict[str, object]) -> StorageError:
    # A nested, translatable reason (rendered in the reader's language with the outer one).
    return StorageError(text, **values)


def damage_of(error: BaseException) -> str | None:
    """SQLite's reason when ``error`` says a store file is damaged (not busy, not locked,
    not a full disk), else None."""
    cause = getattr(error, "orig", None) if isinstance(error, SqlAlchemyDatabaseError) else error
    if not isinstance(cause, sqlite3.DatabaseError):
        return None
    if isinstance(error, OperationalError) and "malformed" not in str(cause):
        return None
    reason = str(cause)
    return reason if any(word in reason for word in DAMAGE_WORDS) else None


def damaged(path: Path, reason: str) -> StoreDamagedError:
    return StoreDamagedError(file=str(path), what=_what(SQLITE_SAYS, {"reason": reason}))


def folder_condition(folder: Path) -> str | None:
    """DISK_FULL or READ_ONLY when ``folder``'s file system has (almost) no room or takes no
    writes, else None (also when the folder cannot be looked at)."""
    try:
        stats = os.statvfs(folder)
        writable = os.access(folder, os.W_OK)
    except OSError:
        return None
    if stats.f_flag & os.ST_RDONLY or not writable:
        return READ_ONLY
    if stats.f_bavail * stats.f_frsize < LOW_ROOM:
        return DISK_FULL
    return None


def unwritable(error: BaseException, folder: Path) -> DataFolderUnwritableError | None:
    """``error`` named as a data folder that cannot be written, when it is one a write can
    raise (SQLite's OperationalError, an OSError) and ``folder`` is full or read-only now:
    which command failed on it matters less than what the person must do about it."""
    cause = getattr(error, "orig", None) if isinstance(error, OperationalError) else error
    if not isinstance(cause, (sqlite3.OperationalError, OSError)):
        return None
    why = folder_condition(folder)
    if why is None:
        return None
    return DataFolderUnwritableError(folder=str(folder), why=_what(why, {}))
