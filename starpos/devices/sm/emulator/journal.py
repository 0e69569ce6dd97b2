"""The emulated module's journal file: one JSON record per line, synced before any answer.

Each line holds the module's full state, plus the history entries that commit added (a
credit update applied, a binding replaced); a rewritten journal starts with one line that
holds the state and the whole history. Reading replays the lines: the last complete line
gives the state, and the history is the rewritten line's plus every later line's additions,
so a token costs one line of its own size, never the size of the history.

Durability, and what a failed write leaves (issue 17, section 5):

- :meth:`Journal.append` writes the line with ``os.write`` (no user-space buffer that could
  flush later) and ``fdatasync``-s it. When either fails (disk full, I/O error) it cuts
  the file back to its size before the write and raises: the file ends exactly where the
  last good commit ended, and the caller keeps its previous state.
- :meth:`Journal.rewrite` writes a temporary file, syncs it, renames it over the journal
  and syncs the folder; on failure the temporary file is removed and the journal is as it
  was.
- A line torn by a power cut is only ever the last one: it is cut off when the journal is
  opened, before anything is appended after it.

Format ``starpos-sm-state/1`` (protocol 1: one flat state per line, no history) is read
and migrated (:func:`migrate_v1`); the journal is then rewritten in today's format.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_FORMAT = "starpos-sm-state/2"
STATE_FORMAT_V1 = "starpos-sm-state/1"
STATE_FILE = "module.journal"
HISTORY_KINDS = ("credit_updates", "bindings")


@dataclass
class Recorded:
    """What a journal holds: the last state, the whole history, and the format it was in."""

    state: dict[str, Any]
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    format: str = STATE_FORMAT
    lines: int = 0


def empty_history() -> dict[str, list[dict[str, Any]]]:
    return {kind: [] for kind in HISTORY_KINDS}


def encode(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def full_line(state: dict[str, Any], history: dict[str, list[dict[str, Any]]]) -> bytes:
    return encode({"format": STATE_FORMAT, "state": state, "history": history})


def delta_line(state: dict[str, Any], added: dict[str, list[dict[str, Any]]]) -> bytes:
    record: dict[str, Any] = {"format": STATE_FORMAT, "state": state}
    if any(added.values()):
        record["added"] = {kind: entries for kind, entries in added.items() if entries}
    return encode(record)


def read_journal(text: str) -> Recorded | None:
    """Replay a journal's lines; ``None`` when no complete line holds a state."""
    found: Recorded | None = None
    history = empty_history()
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a torn line: power was lost while it was written
        if not isinstance(record, dict):
            continue
        if record.get("format") == STATE_FORMAT_V1:
            history = empty_history()
            found = Recorded(migrate_v1(record), history, STATE_FORMAT_V1)
        elif record.get("format") == STATE_FORMAT and isinstance(record.get("state"), dict):
            if "history" in record:
                history = {kind: list(record["history"].get(kind, [])) for kind in HISTORY_KINDS}
            for kind, entries in record.get("added", {}).items():
                history.setdefault(kind, []).extend(entries)
            found = Recorded(record["state"], history, STATE_FORMAT)
        else:
            continue
        found.lines += 1
    if found is not None:
        found.history = history
    return found


def migrate_v1(old: dict[str, Any]) -> dict[str, Any]:
    """A protocol 1 state in today's layout.

    Its history before now is not on record: the counters start here, with the balance
    counted as credited (so ``balance = credited - debited - issued`` holds from the first
    day) and ``counted_since`` at the current credit update sequence. It has no module
    credential yet (the emulator is started with one) and is not in training mode.
    """
    state = {key: value for key, value in old.items() if key != "format"}
    sequence = int(state.get("sequence", 0))
    state.update(
        format=STATE_FORMAT,
        training=False,
        credential=None,
        counters=new_counters(counted_since=sequence, credited=int(state.get("balance_tenths", 0))),
        binding=unbound(sequence),
        migrated_from=STATE_FORMAT_V1,
    )
    return state


def new_counters(counted_since: int = 0, credited: int = 0) -> dict[str, Any]:
    return {
        "credited": credited,
        "debited": 0,
        "issued": 0,
        "credit_tokens": 0,
        "management_tokens": 0,
        "key_change_sets": 0,
        "last_tid": None,
        "counted_since": counted_since,
    }


def unbound(sequence: int = 0) -> dict[str, Any]:
    """Binding number 0: never bound; "since the binding" means since counting began."""
    return {
        "number": 0,
        "store_id": "",
        "bound_at": None,
        "sequence_at_bind": sequence,
        "credit_tokens_at_bind": 0,
        "management_tokens_at_bind": 0,
        "issued_at_bind": 0,
        "anchor": None,
    }


class Journal:
    """The journal file of one state folder, open for appending."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / STATE_FILE
        self.lines = 0
        self._fd: int | None = None

    def read(self) -> Recorded | None:
        return read_journal(self.path.read_bytes().decode("utf-8", errors="replace"))

    def open(self, lines: int) -> None:
        """Open for appending; a torn last line is cut off first (it needs no free space)."""
        self.close()
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND)
        try:
            content = self.path.read_bytes()
            if content and not content.endswith(b"\n"):
                os.ftruncate(fd, content.rfind(b"\n") + 1)
                os.fsync(fd)
        except OSError:
            os.close(fd)
            raise
        self._fd = fd
        self.lines = lines

    def append(self, line: bytes) -> None:
        """Append ``line`` durably, or leave the file as it was and raise ``OSError``."""
        if self._fd is None:
            self.open(self.lines)
        fd = self._fd
        assert fd is not None
        start = os.lseek(fd, 0, os.SEEK_END)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fdatasync(fd)
        except OSError:
            self._cut_back(fd, start)
            raise
        self.lines += 1

    def _cut_back(self, fd: int, size: int) -> None:
        """Drop a partly written line; if even that fails, reopen (and cut) at next use."""
        try:
            os.ftruncate(fd, size)
            os.fdatasync(fd)
        except OSError:
            self.close()

    def rewrite(self, line: bytes) -> None:
        """Replace the journal by one ``line`` (temp, sync, rename, sync the folder)."""
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".module-", suffix=".journal")
        try:
            with os.fdopen(fd, "wb", buffering=0) as handle:
                view = memoryview(line)
                while view:
                    written = handle.write(view)
                    view = view[written or 0 :]
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _sync_folder(self.folder)
        self.open(1)

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (best effort: some file systems refuse fsync on a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
