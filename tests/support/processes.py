"""Running ``starpos`` from this source tree in a child process, as a user would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


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
