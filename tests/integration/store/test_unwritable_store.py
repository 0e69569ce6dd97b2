"""A data folder on a full disk or a read-only file system (issue 17, section 5).

Before: every command gave "internal error (OperationalError)" or "(OSError)", one line but
not what happened nor what to do. Now the line names the folder, says the disk is full or
the folder read-only, and what to do; the store is left exactly as it was. The folder is a
small tmpfs filled for real, then remounted read-only (the tests run as root, for whom a
chmod'ed folder is still writable).
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]
COMMANDS = [("vend", "list"), ("meter", "list", "--limit", "1"), ("audit", "verify", "--no-module")]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def store(small_disk: Path, run_starpos: Run, seeded_database_file: Path) -> Path:
    shutil.copy(seeded_database_file, small_disk / "starpos.db")
    made = run_starpos("db", "init", STARPOS_DATA_DIR=str(small_disk))
    assert made.returncode == 0, made.stderr
    return small_disk / "starpos.db"


def fill(disk: Path) -> None:
    with (disk / "filler").open("wb", buffering=0) as handle:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)


def read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("make", "words"), [(fill, "the disk is full"), (read_only, "it is read-only")],
    ids=["full-disk", "read-only"],
)  # fmt: skip
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_a_folder_that_cannot_be_written_is_named_with_what_to_do(
    store: Path,
    run_starpos: Run,
    make: Callable[[Path], None],
    words: str,
    command: tuple[str, ...],
) -> None:
    folder = store.parent
    before = digest(store)
    make(folder)
    result = run_starpos(*command, STARPOS_DATA_DIR=str(folder))
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and "internal error" not in lines[0], result.stderr
    assert f"The data folder {folder} cannot be written: {words}" in lines[0]
    assert digest(store) == before
