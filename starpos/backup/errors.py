"""What a backup or a restore can refuse, in words an installer can act on."""

from __future__ import annotations

from starpos.errors import StorageError
from starpos.i18n import tr_noop


class BackupError(StorageError):
    code = "backup"
    template = "The backup could not be made."


class NotSqliteStoreError(BackupError):
    code = "backup.not_sqlite"
    template = (
        "This store is on PostgreSQL: back it up and restore it with pg_dump and pg_restore or "
        "the server's point-in-time recovery (docs/store.md, Backups); starpos db backup and "
        "restore are for SQLite stores."
    )


class NoStoreToBackUpError(BackupError):
    code = "backup.no_store"
    template = "There is no store at {path} to back up yet: starpos db init makes it."


class BackupWriteError(BackupError):
    code = "backup.write"
    template = (
        "The backup could not be written to {folder}: {reason}. Check the free space and "
        "the backup.folder setting."
    )


class BackupVerifyError(BackupError):
    code = "backup.verify"
    template = (
        "The backup written to {folder} did not pass its check ({reason}); it was removed. "
        "The store itself may be damaged: run starpos audit verify."
    )


class BackupUnusableError(BackupError):
    code = "backup.unusable"
    template = "The backup {folder} cannot be restored: {reason}. Nothing was changed."


class RestoreFailedError(BackupError):
    code = "backup.restore_failed"
    template = (
        "The restore stopped half-way: {reason}. The store you had is kept as {aside}; put it "
        "back by renaming it to {store}."
    )


#: Why a backup cannot be restored (the ``reason`` of :class:`BackupUnusableError`; context
#: "errors", translated when shown).
NO_MANIFEST = tr_noop("errors", "it has no backup.json, so it is not a StarPOS backup folder")
BAD_MANIFEST = tr_noop("errors", "its backup.json cannot be read ({detail})")
FILE_MISSING = tr_noop("errors", "its file {file} is missing")
FILE_CHANGED = tr_noop(
    "errors", "its file {file} is not as it was written (size or checksum differs)"
)
INTEGRITY = tr_noop("errors", "its store fails SQLite's integrity check ({detail})")
AUDIT = tr_noop(
    "errors", "the audit log in it is broken ({count} problem(s), first at entry {entry})"
)
TOO_NEW = tr_noop(
    "errors", "it was made by a newer StarPOS (schema {found}; this one knows up to {head})"
)
NOT_A_STORE = tr_noop("errors", "its store cannot be opened ({detail})")
MODULE_STATE = tr_noop("errors", "its module emulator state cannot be read")

REASONS = (
    NO_MANIFEST,
    BAD_MANIFEST,
    FILE_MISSING,
    FILE_CHANGED,
    INTEGRITY,
    AUDIT,
    TOO_NEW,
    NOT_A_STORE,
    MODULE_STATE,
)


class Reason(StorageError):
    """One of :data:`REASONS`, with its parameters (shown inside another error)."""

    code = "backup.reason"
    template = "the backup is not usable"
