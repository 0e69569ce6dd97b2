"""The repository stands on its own: a clone with nothing beside it passes.

Nothing under ``starpos/`` or ``tests/`` may name the ``shared`` folder that sat beside the
checkout while StarPOS was written (or its old ``STARPOS_SHARED_DIR`` override): what the
tests read is in ``tests/data/``, and its README says where each file came from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import data_files

REPO = Path(__file__).resolve().parents[2]
SCANNED = ("starpos", "tests")
SKIPPED_FOLDERS = {"__pycache__", ".escpos-cache", ".hypothesis"}

#: ``../shared``, ``.../shared/...``, ``"shared"`` as a path part, the old fixture and variable.
OUTSIDE_PATHS = re.compile(
    r"\.\./shared\b|(?<![\w.])shared/|/shared\b|[\"']shared[\"']|shared_dir|SHARED_DIR",
    re.IGNORECASE,
)


def _text_files() -> list[Path]:
    files = []
    for top in SCANNED:
        for path in sorted((REPO / top).rglob("*")):
            if not path.is_file() or SKIPPED_FOLDERS & set(path.relative_to(REPO).parts):
                continue
            if path.resolve() == Path(__file__).resolve():
                continue  # this file spells the patterns out
            files.append(path)
    return files


def test_no_file_names_a_folder_beside_the_repository() -> None:
    offenders = []
    for path in _text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary (pictures, compiled translations)
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE_PATHS.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []


def _described(path: Path) -> bool:
    """Whether a README.md in the file's folder or above (within tests/data) has a table row
    for the file, or for one of its folders, by its path from that README's folder."""
    for folder in path.parents:
        readme = folder / "README.md"
        if readme.is_file():
            text = readme.read_text(encoding="utf-8")
            relative = path.relative_to(folder)
            folders = [f"{part.as_posix()}/" for part in list(relative.parents)[:-1]]
            names = [relative.as_posix(), *folders]
            if any(f"| `{name}` |" in text for name in names):
                return True
        if folder == data_files.DATA_DIR:
            return False
    return False


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(data_files.DATA_DIR.rglob("*")) if p.is_file() and p.name != "README.md"],
    ids=lambda p: str(p.relative_to(data_files.DATA_DIR)),
)
def test_every_data_file_says_where_it_came_from(path: Path) -> None:
    assert _described(path)


def test_the_named_data_files_are_here() -> None:
    named = [
        data_files.STS_VECTORS,
        data_files.MISTY1_KAT,
        data_files.SAMPLE_TABLES,
        data_files.COMPLIANCE_TABLES,
    ]
    assert [path for path in named if not path.is_file()] == []
