"""``backup.json``: what a backup folder holds, each file's size and SHA-256, and the store's
summary when it was written.

A backup is only ever restored after every file listed here is found with its size and
checksum (a truncated or changed file is refused before anything is replaced).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

MANIFEST = "backup.json"
FORMAT = "starpos-backup/1"
STORE_FILE = "starpos.db"
SETTINGS_FILE = "settings.json"
MODULE_FOLDER = "sm-emulator"
MODULE_CREDENTIAL = "sm-credential.key"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Manifest:
    made_at: datetime  # aware, UTC
    starpos_version: str
    store: dict[str, Any]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def has_module_state(self) -> bool:
        return any(name.startswith(MODULE_FOLDER + "/") for name in self.files)

    @property
    def has_settings(self) -> bool:
        return SETTINGS_FILE in self.files

    def add_file(self, folder: Path, name: str) -> None:
        path = folder / name
        self.files[name] = {"size": path.stat().st_size, "sha256": file_digest(path)}

    def changed_files(self, folder: Path) -> tuple[list[str], list[str]]:
        """The listed files that are missing, and those whose size or checksum differ."""
        missing, changed = [], []
        for name, expected in self.files.items():
            path = folder / name
            if not path.is_file():
                missing.append(name)
            elif path.stat().st_size != expected["size"] or file_digest(path) != expected["sha256"]:
                changed.append(name)
        return missing, changed

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "made_at": self.made_at.isoformat(),
            "starpos_version": self.starpos_version,
            "store": self.store,
            "files": self.files,
        }

    def write(self, folder: Path) -> None:
        path = folder / MANIFEST
        with path.open("w", encoding="utf-8") as handle:
            json.dump(self.as_dict(), handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The manifest of ``folder``; ``FileNotFoundError`` without one, ``ValueError``
        (``KeyError``, ``TypeError``) for one that is not a StarPOS backup's."""
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} manifest")
        made_at = datetime.fromisoformat(str(data["made_at"]))
        if made_at.tzinfo is None:
            raise ValueError("made_at has no time zone")
        files = data["files"]
        if not isinstance(files, dict) or STORE_FILE not in files:
            raise ValueError("the store is not listed")
        return cls(made_at, str(data["starpos_version"]), dict(data["store"]), files)
