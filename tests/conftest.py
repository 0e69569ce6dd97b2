"""Fixtures every tier shares.

Qt runs offscreen unless a display is given (a missing platform aborts the interpreter).
Every test gets its own data folder through ``STARPOS_DATA_DIR``, so nothing touches a
user's real data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The throwaway PostgreSQL server and the store_backend fixture, for every tier's store tests.
pytest_plugins = ("tests.integration.postgres.fixtures",)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# python-escpos writes a capabilities cache on import; keep it out of /tmp clutter.
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(__file__).parent / ".escpos-cache")
)

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("STARPOS_SHARED_DIR", REPO_ROOT.parent / "shared"))


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("STARPOS_DATA_DIR", str(folder))
    monkeypatch.setenv("STARPOS_LANG", "en")
    yield folder


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.fail(f"../shared is missing (looked in {SHARED_DIR}); set STARPOS_SHARED_DIR")
    return SHARED_DIR


def starpos_command(*args: str) -> list[str]:
    """The argv that runs ``starpos`` from this source tree in a child process."""
    return [sys.executable, "-m", "starpos", *args]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child ``starpos`` process (this tree first on the path)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    env.update(extra)
    return env


@pytest.fixture
def run_starpos() -> object:
    """Run ``starpos ARGS`` as a child process; returns the CompletedProcess."""

    def run(
        *args: str, input: str | None = None, timeout: float = 60, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            starpos_command(*args),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=child_env(**env),
            cwd=REPO_ROOT,
        )

    return run
