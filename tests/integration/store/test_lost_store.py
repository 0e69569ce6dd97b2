"""A lost or damaged store is never silent, and never silently made again (issue 17, §3).

Before: ``: > starpos.db`` and any command re-created an empty schema (``audit verify`` then
said "intact: 0 entries"); a corrupt header or a half-truncated file gave "internal error
(DatabaseError)". Each case here is the command line as a person meets it: one line naming
the file and what to do, exit 2, and the file exactly as it was.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def store(run_starpos: Run, data_dir: Path, seeded_database_file: Path) -> Path:
    """The demo store (a few hundred kB of pages), named in store.json by its first use."""
    shutil.copy(seeded_database_file, data_dir / "starpos.db")
    made = run_starpos("db", "init")
    assert made.returncode == 0, made.stderr
    return data_dir / "starpos.db"


def truncate(path: Path) -> None:
    path.write_bytes(b"")


def zero(path: Path) -> None:
    path.write_bytes(b"\0" * path.stat().st_size)


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def overwrite_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"not a database!!")


def scribble_pages(path: Path) -> None:
    """Every page after the first (the schema) overwritten: a disk that returned garbage."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write((bytes(range(256)) * (size // 256 + 1))[: size - 4096])


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (truncate, "it is empty (0 bytes): it was truncated"),
    "zeroed": (zero, "its header is zeroed or overwritten"),
    "half-truncated": (cut_in_half, "it is shorter than its header says"),
    "corrupt header": (overwrite_header, "its header is zeroed or overwritten"),
    "corrupt pages": (scribble_pages, "SQLite reads it as damaged"),
}


@pytest.mark.parametrize("case", list(DAMAGE))
@pytest.mark.parametrize("command", [("vend", "list"), ("db", "init")])
def test_a_damaged_store_is_named_and_left_as_it_is(
    store: Path, run_starpos: Run, case: str, command: tuple[str, ...]
) -> None:
    damage, what = DAMAGE[case]
    damage(store)
    before = store.read_bytes()
    answered = run_starpos(*command)
    assert answered.returncode == 2, answered.stdout
    assert answered.stderr.count("\n") == 1, answered.stderr
    assert f"The store {store} is damaged" in answered.stderr
    assert what in answered.stderr
    assert "starpos db restore" in answered.stderr and "--new-store" in answered.stderr
    assert "internal error" not in answered.stderr and "Traceback" not in answered.stderr
    assert store.read_bytes() == before  # never re-created, never "repaired"


def test_a_deleted_store_is_not_made_again(store: Path, run_starpos: Run, data_dir: Path) -> None:
    marker = json.loads((data_dir / "store.json").read_text())
    store.unlink()
    answered = run_starpos("audit", "verify")  # it used to say "intact: 0 entries"
    assert answered.returncode == 2 and answered.stderr.count("\n") == 1
    assert f"({marker['store_id']}, named in store.json) is missing" in answered.stderr
    assert not store.exists()


def test_another_stores_file_in_its_place_is_refused(
    store: Path, run_starpos: Run, data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    made = run_starpos("--data-dir", str(other), "db", "init")
    assert made.returncode == 0, made.stderr
    found = json.loads((other / "store.json").read_text())["store_id"]
    store.write_bytes((other / "starpos.db").read_bytes())
    answered = run_starpos("vend", "list")
    assert answered.returncode == 2 and answered.stderr.count("\n") == 1
    assert f"is store {found}, but this data folder's store is" in answered.stderr


def test_new_store_is_the_explicit_way_and_keeps_the_old_file(
    store: Path, run_starpos: Run, data_dir: Path
) -> None:
    old = json.loads((data_dir / "store.json").read_text())["store_id"]
    truncate(store)
    made = run_starpos("db", "init", "--new-store")
    assert made.returncode == 0, made.stderr
    new = json.loads((data_dir / "store.json").read_text())["store_id"]
    assert new != old and new in made.stdout
    kept = [p for p in data_dir.iterdir() if p.name.startswith("starpos.db.replaced-")]
    assert len(kept) == 1 and kept[0].stat().st_size == 0  # the damaged file, kept aside
    assert run_starpos("vend", "list").returncode == 0


def test_a_new_installation_makes_its_store_and_names_it(run_starpos: Run, data_dir: Path) -> None:
    made = run_starpos("db", "init")
    assert made.returncode == 0, made.stderr
    marker: dict[str, Any] = json.loads((data_dir / "store.json").read_text())
    assert len(marker["store_id"]) == 36 and marker["location"].endswith("starpos.db")
