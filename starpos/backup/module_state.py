"""The module's side of a backup: the embedded emulator's state folder and this
installation's module credential, copied out, and put back only into a data folder that
lost them.

The credential (``sm-credential.key``) is the secret the terminal signs in to its module
with (docs/sm-protocol.md, "Sessions"): for a real module, losing it with the data folder
means pairing the module again, so a backup keeps it (the backup folder is the owner's only).

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
    """Whether the journal in ``folder`` holds a complete state, read as the emulator reads it
    (a torn last line, copied while the emulator wrote it, is skipped as the emulator skips
    it)."""
    from starpos.devices.sm.emulator.journal import read_journal

    try:
        text = (folder / JOURNAL).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False
    return read_journal(text) is not None


def put_back_module_state(backup: Path, target: Path) -> bool:
    """Copy the backup's module state into ``target`` only when ``target`` holds none; true
    when it was put back."""
    if has_module_state(target) or not has_module_state(backup):
        return False
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
    for path in _module_files(backup):
        shutil.copy2(path, target / path.name)
    return True


def copy_credential(source: Path, target: Path) -> bool:
    """Copy the credential file ``source`` to ``target`` (owner only); false when there is
    none yet."""
    if not source.is_file():
        return False
    shutil.copyfile(source, target)
    target.chmod(0o600)
    return True


def put_back_credential(backup: Path, target: Path) -> bool:
    """The backup's credential at ``target`` only when ``target`` has none (the one there is
    what the module is paired with now); true when it was put back."""
    if target.exists() or not backup.is_file():
        return False
    shutil.copyfile(backup, target)
    target.chmod(0o600)
    return True
