"""The embedded module emulator's state folder in a backup: copied out, and put back only
into a data folder that lost it.

The folder is the emulator's "hardware": its master key, its journal (the state, one JSON
line per commit, the last complete line wins) and its event log. A backup copies what
describes the module and leaves out what belongs to one run of its process (the endpoint
it listens on, its process log, lock and temporary files).

A module's state is never rolled back over a live one: an older state would hold credit the
module already spent and forget tokens it made (DESIGN.md rules 4 and 10). It is put back
only when the data folder has none (the disk was lost), which is the one case where there is
nothing newer to keep.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

#: What belongs to one run of the emulator process, not to the module.
RUN_FILES = frozenset({"endpoint.json", "emulator.log"})
JOURNAL = "module.journal"


def _module_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.name not in RUN_FILES
    )


def has_module_state(folder: Path) -> bool:
    return (folder / JOURNAL).is_file()


def copy_module_state(source: Path, target: Path) -> bool:
    """Copy the module's files of ``source`` into the new folder ``target``; false (nothing
    copied) when ``source`` holds no module (a real module is configured, or none yet)."""
    if not has_module_state(source):
        return False
    target.mkdir(mode=0o700)
    for path in _module_files(source):
        shutil.copy2(path, target / path.name)
    return True


def module_state_readable(folder: Path) -> bool:
    """Whether the journal in ``folder`` holds at least one complete state line (a torn
    last line, copied while the emulator wrote it, is skipped as the emulator skips it)."""
    try:
        lines = (folder / JOURNAL).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    for line in reversed(lines):
        try:
            state = json.loads(line)
        except ValueError:
            continue
        if isinstance(state, dict) and state.get("module_id"):
            return True
    return False


def put_back_module_state(backup: Path, target: Path) -> bool:
    """Copy the backup's module state into ``target`` only when ``target`` holds none; true
    when it was put back."""
    if has_module_state(target) or not has_module_state(backup):
        return False
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
    for path in _module_files(backup):
        shutil.copy2(path, target / path.name)
    return True
