"""Restore a backup (manual 4.10): check everything first, then swap the store's file, keeping
the replaced one aside under a new name (never deleted).

:func:`check_backup` reads the backup only (its files read-only) and refuses it with the
reason before anything is touched: a missing or changed file (its size or SHA-256 differs
from ``backup.json``: a truncated copy), a store that fails SQLite's integrity check or whose
audit chain is broken, a store made by a newer StarPOS. :func:`replace_store` is called with
the store's lock held exclusively (no program has the store open): it writes the backup's
store beside the current one, renames the current one (with its ``-wal`` and ``-shm``, which
hold its latest commits) to ``starpos.db.replaced-YYYYMMDD-HHMMSS``, and renames the new one
into place.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from starpos.backup import errors
from starpos.backup.errors import BackupUnusableError, Reason
from starpos.backup.manifest import (
    MODULE_CREDENTIAL,
    MODULE_FOLDER,
    SETTINGS_FILE,
    STORE_FILE,
    Manifest,
)
from starpos.backup.module_state import module_state_readable
from starpos.backup.store_file import STORE_READ_ERRORS, StoreSummary, integrity_problems, summarise
from starpos.db.migrate import MIGRATIONS, head_revision

#: The files SQLite keeps beside a store in WAL mode: they go aside with it.
SQLITE_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class CheckedBackup:
    folder: Path
    manifest: Manifest
    summary: StoreSummary

    @property
    def store(self) -> Path:
        return self.folder / STORE_FILE

    @property
    def module_state(self) -> Path | None:
        return self.folder / MODULE_FOLDER if self.manifest.has_module_state else None

    @property
    def module_credential(self) -> Path | None:
        return self.folder / MODULE_CREDENTIAL if MODULE_CREDENTIAL in self.manifest.files else None

    @property
    def settings_file(self) -> Path | None:
        return self.folder / SETTINGS_FILE if self.manifest.has_settings else None


def _unusable(folder: Path, template: str, **params: object) -> BackupUnusableError:
    return BackupUnusableError(folder=str(folder), reason=Reason(template, **params))


def check_backup(folder: Path) -> CheckedBackup:
    """The backup in ``folder``, checked; :class:`BackupUnusableError` says why not."""
    try:
        manifest = Manifest.read(folder)
    except FileNotFoundError:
        raise _unusable(folder, errors.NO_MANIFEST) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise _unusable(folder, errors.BAD_MANIFEST, detail=str(error)) from None
    missing, changed = manifest.changed_files(folder)
    if missing:
        raise _unusable(folder, errors.FILE_MISSING, file=missing[0])
    if changed:
        raise _unusable(folder, errors.FILE_CHANGED, file=changed[0])
    store = folder / STORE_FILE
    try:
        problems = integrity_problems(store)
        if problems:
            raise _unusable(folder, errors.INTEGRITY, detail="; ".join(problems[:3]))
        summary = summarise(store)
    except STORE_READ_ERRORS as error:
        raise _unusable(folder, errors.NOT_A_STORE, detail=str(error)) from None
    if summary.revision is not None and not _known_revision(summary.revision):
        raise _unusable(folder, errors.TOO_NEW, found=summary.revision, head=head_revision())
    if not summary.audit.intact:
        first = summary.audit.problems[0]
        raise _unusable(
            folder, errors.AUDIT, count=len(summary.audit.problems), entry=first.entry_id
        )
    if manifest.has_module_state and not module_state_readable(folder / MODULE_FOLDER):
        raise _unusable(folder, errors.MODULE_STATE)
    return CheckedBackup(folder, manifest, summary)


def _known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id: all mean "unknown"
        return False


def aside_name(store: Path, now: datetime) -> Path:
    """``starpos.db.replaced-YYYYMMDD-HHMMSS`` (``-2`` ... when taken) beside ``store``."""
    base = f"{store.name}.replaced-{now.astimezone():%Y%m%d-%H%M%S}"
    name, number = base, 1
    while (store.parent / name).exists():
        number += 1
        name = f"{base}-{number}"
    return store.parent / name


def replace_store(checked: CheckedBackup, store: Path, now: datetime) -> Path | None:
    """Put the backup's store at ``store``; the store that was there is renamed aside and
    its path returned (None when there was none). Call with the store's lock held alone."""
    incoming = store.with_name(f".{store.name}.restoring")
    try:
        shutil.copyfile(checked.store, incoming)
        with incoming.open("rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise errors.BackupWriteError(
            folder=str(store.parent), reason=error.strerror or error
        ) from error
    aside = aside_name(store, now) if store.exists() else None
    if aside is not None:
        store.rename(aside)  # the same folder: a rename, atomic, nothing copied or lost
        for suffix in SQLITE_SIDE_FILES:
            side = store.with_name(store.name + suffix)
            if side.exists():
                side.rename(aside.with_name(aside.name + suffix))
    try:
        incoming.rename(store)
        _sync_folder(store.parent)
    except OSError as error:
        raise errors.RestoreFailedError(
            reason=error.strerror or error, aside=str(aside), store=str(store)
        ) from error
    return aside


def put_back_settings(
    checked: CheckedBackup, settings_file: Path, *, replace: bool, now: datetime
) -> str:
    """The backup's settings file at ``settings_file``: ``"restored"`` when there was none,
    ``"replaced"`` when ``replace`` (the current one goes aside), else ``"kept"``; ``"none"``
    when the backup has none."""
    source = checked.settings_file
    if source is None:
        return "none"
    if settings_file.exists() and not replace:
        return "kept"
    outcome = "restored"
    if settings_file.exists():
        settings_file.rename(aside_name(settings_file, now))
        outcome = "replaced"
    shutil.copyfile(source, settings_file)
    return outcome


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
