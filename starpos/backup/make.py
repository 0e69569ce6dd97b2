"""Make one backup: the store copied online, the module emulator's state and the settings
beside it, checked after writing, then the old backups pruned (manual 4.9).

The store is copied first, then the emulator's state: a module that is ahead of the store
is what start-up recovery and the reconcile expect (a vend's token is written to the module
before the store), never the reverse. The emulator's journal is safe to copy while it runs:
it is appended and synced line by line and rewritten by rename, and a torn last line is
ignored when it is read (starpos.devices.sm.emulator.state).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from starpos import __version__
from starpos.backup import errors
from starpos.backup.folders import PARTIAL, new_folder_name, prune
from starpos.backup.manifest import (
    MODULE_CREDENTIAL,
    MODULE_FOLDER,
    SETTINGS_FILE,
    STORE_FILE,
    Manifest,
)
from starpos.backup.module_state import (
    copy_credential,
    copy_module_state,
    module_state_readable,
)
from starpos.backup.store_file import (
    STORE_READ_ERRORS,
    StoreSummary,
    copy_online,
    integrity_problems,
    summarise,
)
from starpos.db import Database


@dataclass(frozen=True)
class BackupSources:
    """What a backup takes besides the store, as the composition root found it."""

    #: the embedded emulator's state folder (None, or a folder without state: a real module)
    module_state: Path | None = None
    #: this installation's settings file (None, or missing: the defaults)
    settings_file: Path | None = None
    #: the module credential the terminal signs in with (None, or missing: none made yet)
    module_credential: Path | None = None


@dataclass
class BackupReport:
    folder: Path
    made_at: datetime
    store: StoreSummary
    module_state: bool
    settings: bool
    size_bytes: int
    seconds: float
    keep_days: int
    pruned: list[Path] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "folder": str(self.folder),
            "made_at": self.made_at.isoformat(),
            "store": self.store.as_dict(),
            "module_state": self.module_state,
            "settings": self.settings,
            "size_bytes": self.size_bytes,
            "seconds": round(self.seconds, 3),
            "keep_days": self.keep_days,
            "pruned": [str(path) for path in self.pruned],
        }


def make_backup(
    database: Database,
    root: Path,
    sources: BackupSources,
    keep_days: int,
    now: datetime | None = None,
) -> BackupReport:
    """Back up ``database`` (SQLite) into a new folder of ``root``; raises a
    :class:`~starpos.backup.errors.BackupError` and leaves no folder behind on failure."""
    if database.engine.dialect.name != "sqlite":
        raise errors.NotSqliteStoreError()
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    partial = _new_partial(root, now)
    name = partial.name.removesuffix(PARTIAL)
    try:
        copy_online(database.engine, partial / STORE_FILE)
        settings = _copy_settings(sources.settings_file, partial)
        module_state = bool(
            sources.module_state
            and copy_module_state(sources.module_state, partial / MODULE_FOLDER)
        )
        if sources.module_credential is not None:
            copy_credential(sources.module_credential, partial / MODULE_CREDENTIAL)
        _sync_folder(partial)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise errors.BackupWriteError(folder=str(root), reason=error.strerror or error) from error
    summary = _verified(partial, root / name, module_state)
    manifest = Manifest(now, __version__, summary.as_dict())
    for written in sorted(p for p in partial.rglob("*") if p.is_file()):
        manifest.add_file(partial, written.relative_to(partial).as_posix())
    try:
        manifest.write(partial)
        _sync_folder(partial)
        final = root / name
        partial.rename(final)
        _sync_folder(root)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise errors.BackupWriteError(folder=str(root), reason=error.strerror or error) from error
    size = sum(p.stat().st_size for p in final.rglob("*") if p.is_file())
    pruned = prune(root, keep_days, now)
    seconds = time.perf_counter() - started
    return BackupReport(
        final, now, summary, module_state, settings, size, seconds, keep_days, pruned
    )


def _new_partial(root: Path, now: datetime) -> Path:
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = root / (new_folder_name(root, now) + PARTIAL)
        # The emulator's master key and the customers' data are in here: owner only.
        partial.mkdir(mode=0o700)
    except OSError as error:
        raise errors.BackupWriteError(folder=str(root), reason=error.strerror or error) from error
    return partial


def _copy_settings(settings_file: Path | None, folder: Path) -> bool:
    if settings_file is None or not settings_file.is_file():
        return False
    shutil.copyfile(settings_file, folder / SETTINGS_FILE)
    return True


def _verified(partial: Path, final: Path, module_state: bool) -> StoreSummary:
    """The written copy's summary, once SQLite's integrity check and the audit chain pass
    (the folder is removed and :class:`BackupVerifyError` raised otherwise)."""
    reason = ""
    summary: StoreSummary | None = None
    try:
        problems = integrity_problems(partial / STORE_FILE)
        if problems:
            reason = "integrity_check: " + "; ".join(problems[:3])
        else:
            summary = summarise(partial / STORE_FILE)
            if not summary.audit.intact:
                first = summary.audit.problems[0]
                reason = f"audit chain: entry {first.entry_id}: {first.problem}"
    except STORE_READ_ERRORS as error:
        reason = str(error)
    if not reason and module_state and not module_state_readable(partial / MODULE_FOLDER):
        reason = "the module emulator's state copy holds no complete state"
    if reason or summary is None:
        shutil.rmtree(partial, ignore_errors=True)
        raise errors.BackupVerifyError(folder=str(final), reason=reason)
    return summary


def _sync_folder(folder: Path) -> None:
    """Make the files and names written in ``folder`` durable (POSIX: fsync each and the
    folder itself)."""
    for path in [*folder.rglob("*"), folder]:
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
