"""The backup folder: one sub-folder per backup, named by its local date and time; which are
complete, which are old enough to go, and when the daily one is due.

A backup is written into ``<name>.partial`` and renamed to ``<name>`` only once it passed
its check, so a folder without the suffix and with a readable ``backup.json`` is always a
complete, verified backup; a ``.partial`` one is what a crash or a full disk left behind.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from starpos.backup.manifest import Manifest

PREFIX = "starpos-backup-"
PARTIAL = ".partial"
_NAME = re.compile(rf"^{PREFIX}\d{{8}}-\d{{6}}(-\d+)?$")
#: A ``.partial`` folder older than this is a failed backup's leftovers: pruned.
PARTIAL_KEPT = timedelta(days=1)
#: ``backup.daily_at`` that turns the daily backup off.
OFF = "off"


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    made_at: datetime  # aware


def new_folder_name(root: Path, now: datetime) -> str:
    """``starpos-backup-YYYYMMDD-HHMMSS`` in local time (``-2``, ``-3`` ... within one second)."""
    base = f"{PREFIX}{now.astimezone():%Y%m%d-%H%M%S}"
    name, number = base, 1
    while (root / name).exists() or (root / (name + PARTIAL)).exists():
        number += 1
        name = f"{base}-{number}"
    return name


def backups(root: Path) -> list[BackupEntry]:
    """The complete backups in ``root``, oldest first."""
    found: list[BackupEntry] = []
    if not root.is_dir():
        return found
    for path in root.iterdir():
        if not (path.is_dir() and _NAME.match(path.name)):
            continue
        try:
            made_at = Manifest.read(path).made_at
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not a backup StarPOS can read: never counted, never pruned
        found.append(BackupEntry(path, made_at))
    return sorted(found, key=lambda entry: entry.made_at)


def latest(root: Path) -> BackupEntry | None:
    found = backups(root)
    return found[-1] if found else None


def prune(root: Path, keep_days: int, now: datetime) -> list[Path]:
    """Remove the backups made more than ``keep_days`` before ``now`` (never the newest one)
    and stale ``.partial`` leftovers; returns what was removed."""
    removed = []
    complete = backups(root)
    limit = now - timedelta(days=keep_days)
    for entry in complete[:-1]:
        if entry.made_at < limit:
            shutil.rmtree(entry.path)
            removed.append(entry.path)
    if root.is_dir():
        for path in root.glob(f"{PREFIX}*{PARTIAL}"):
            age = now.timestamp() - path.stat().st_mtime
            if path.is_dir() and age > PARTIAL_KEPT.total_seconds():
                shutil.rmtree(path)
                removed.append(path)
    return removed


def last_daily_time(daily_at: str, now: datetime) -> datetime | None:
    """The latest ``daily_at`` (local ``HH:MM``) at or before ``now``; None when ``off``."""
    if daily_at == OFF:
        return None
    hour, minute = (int(part) for part in daily_at.split(":"))
    local = now.astimezone()
    today = datetime.combine(local.date(), time(hour, minute), tzinfo=local.tzinfo)
    return today if today <= local else today - timedelta(days=1)


def daily_due(daily_at: str, last: datetime | None, now: datetime) -> bool:
    """Whether the daily backup is due: none was made since the latest ``daily_at``."""
    since = last_daily_time(daily_at, now)
    return since is not None and (last is None or last < since)


def next_daily_time(daily_at: str, now: datetime) -> datetime | None:
    """The next ``daily_at`` after ``now``; None when ``off``."""
    since = last_daily_time(daily_at, now)
    return None if since is None else since + timedelta(days=1)
