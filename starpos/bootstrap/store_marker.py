"""``store.json`` in the data folder: which store this data folder serves.

Written when a store is first made here (or made anew with ``starpos db init --new-store``,
or put back by ``starpos db restore``), it names the store's identity (the UUID in
``store_identity``) and where it lives. With it, a store file that disappears, is emptied,
or is replaced by another store's file is known as such: the store is never silently made
again (docs/store.md, "Which store this is").
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from starpos.paths import data_dir

MARKER_FILE = "store.json"


@dataclass(frozen=True)
class StoreMarker:
    store_id: str
    location: str

    @property
    def path(self) -> Path:
        return marker_path()


def marker_path() -> Path:
    return data_dir() / MARKER_FILE


def read_marker() -> StoreMarker | None:
    """The data folder's marker; None when there is none (a new installation, or one made
    before the marker existed). An unreadable marker counts as none: the module's binding
    still knows the store."""
    try:
        data = json.loads(marker_path().read_text(encoding="utf-8"))
        return StoreMarker(str(data["store_id"]), str(data.get("location", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_marker(store_id: str, location: str) -> bool:
    """Write the marker atomically; false when the data folder cannot be written (read-only:
    the store itself cannot be written either, and says so when it is)."""
    path = marker_path()
    body = {
        "store_id": store_id,
        "location": location,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    temporary = path.with_name(f".{MARKER_FILE}.tmp")
    try:
        temporary.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return False
    return True
