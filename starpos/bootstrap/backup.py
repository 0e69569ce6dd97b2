"""Backups and restores as the settings say: which store, which folder, how long to keep,
when the daily one runs, which module to reconcile with after a restore.

``backup.folder`` (empty: ``backups`` in the data folder), ``backup.keep_days``,
``backup.daily_at`` (local ``HH:MM``, or ``off``). The core (:mod:`starpos.backup`) takes
the paths and objects made here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from starpos.backup import errors
from starpos.backup.after_restore import AfterRestore, settle_after_restore
from starpos.backup.folders import daily_due, latest, next_daily_time
from starpos.backup.make import BackupReport, BackupSources, make_backup
from starpos.backup.module_state import put_back_credential, put_back_module_state
from starpos.backup.restore import CheckedBackup, check_backup, put_back_settings, replace_store
from starpos.bootstrap.database import (
    database_url,
    open_database,
    remember_store,
    sqlite_file,
)
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.store_lock import StoreLock
from starpos.devices.sm.embedded import emulator_dir
from starpos.devices.sm.session import installation_credential_path
from starpos.errors import StarposError
from starpos.paths import data_dir
from starpos.settings import Settings

BACKUPS = "backups"


class ModuleNotReconciledError(errors.BackupError):
    code = "backup.module_not_reconciled"
    template = (
        "The backup was restored (the store you had is kept as {aside}), but the module could "
        "not be reconciled with it: {reason}. Connect the module, then run starpos vend "
        "reconcile and compare with the replaced store."
    )


def backup_root(settings: Settings) -> Path:
    configured = str(settings.get("backup.folder") or "").strip()
    return Path(configured).expanduser() if configured else data_dir() / BACKUPS


def _store_file(settings: Settings) -> Path:
    file = sqlite_file(database_url(settings))
    if file is None:
        raise errors.NotSqliteStoreError()
    return file


def backup_now(settings: Settings | None = None, now: datetime | None = None) -> BackupReport:
    """A backup of the configured store, its module emulator's state and the settings."""
    settings = settings or Settings()
    store = _store_file(settings)
    if not store.exists():
        raise errors.NoStoreToBackUpError(path=str(store))
    sources = BackupSources(
        module_state=emulator_dir(),
        settings_file=settings.path,
        module_credential=installation_credential_path(),
    )
    with open_database(settings, upgrade=False) as database:
        return make_backup(
            database, backup_root(settings), sources, int(settings.get("backup.keep_days")), now
        )


@dataclass(frozen=True)
class NotDue:
    """No daily backup is due: the last one, and when the next one is."""

    last: datetime | None
    next: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {"due": False, "last": self.last, "next": self.next}


def scheduled_backup(
    settings: Settings | None = None, now: datetime | None = None
) -> BackupReport | NotDue:
    """The daily backup when it is due (none was made since the latest ``backup.daily_at``),
    else what says when the next one is (``off``: never)."""
    settings = settings or Settings()
    now = now or datetime.now(UTC)
    daily_at = str(settings.get("backup.daily_at"))
    _store_file(settings)
    last = latest(backup_root(settings))
    made = last.made_at if last else None
    if not daily_due(daily_at, made, now):
        return NotDue(made, next_daily_time(daily_at, now))
    return backup_now(settings, now)


@dataclass
class RestoreReport:
    backup: CheckedBackup
    replaced: Path | None
    module_state: bool
    credential: bool
    settings: str
    after: AfterRestore

    def as_dict(self) -> dict[str, Any]:
        return {
            "backup": str(self.backup.folder),
            "made_at": self.backup.manifest.made_at,
            "replaced_store": str(self.replaced) if self.replaced else None,
            "module_state_put_back": self.module_state,
            "module_credential_put_back": self.credential,
            "settings": self.settings,
            **self.after.as_dict(),
        }


def restore_backup(
    folder: Path,
    settings: Settings | None = None,
    *,
    replace_settings: bool = False,
    now: datetime | None = None,
) -> RestoreReport:
    """Restore the backup in ``folder`` over the configured SQLite store.

    Order: the backup is checked; the store's lock is taken alone (refused while any program
    has the store open); a lost module emulator state, module credential and settings file
    are put back; the
    module is reached (refused before anything is replaced when it cannot be); the store is
    swapped, the replaced one kept aside; the module and the restored store are reconciled
    (:func:`starpos.backup.after_restore.settle_after_restore`).
    """
    settings = settings or Settings()
    now = now or datetime.now(UTC)
    store = _store_file(settings)
    checked = check_backup(folder)
    with StoreLock(store).take_exclusive():
        module_state = bool(
            checked.module_state and put_back_module_state(checked.module_state, emulator_dir())
        )
        credential = bool(
            checked.module_credential
            and put_back_credential(checked.module_credential, installation_credential_path())
        )
        kept = put_back_settings(checked, settings.path, replace=replace_settings, now=now)
        if kept in ("restored", "replaced"):
            settings = Settings(settings.path.parent)
        with open_configured_module(settings) as access:
            with access.exclusive() as module:
                module.identify()  # the module answers before anything is replaced
            replaced = replace_store(checked, store, now)
            try:
                # Opened without the shared lock: this program holds it alone.
                with Database.open(database_url(settings)) as database:
                    # The restored store is this data folder's store from now on.
                    remember_store(database, database_url(settings))
                    after = settle_after_restore(database, access, replaced, folder.name)
            except StarposError as error:
                raise ModuleNotReconciledError(aside=str(replaced), reason=error) from error
    return RestoreReport(checked, replaced, module_state, credential, kept, after)
