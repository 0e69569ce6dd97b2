"""Where StarPOS finds its resources and keeps its data.

``STARPOS_DATA_DIR`` (or the ``--data-dir`` option, which sets it) points the database,
the emulator state, logs and settings at one folder, so tests and demos never touch a
user's real data. Without it the platform's user data folder is used.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "starpos"


def resources_dir() -> Path:
    """The resources folder: ``STARPOS_RESOURCES`` if set, the copy an installed package
    carries (``starpos/resources``, put there by the build), else the source tree's."""
    override = os.environ.get("STARPOS_RESOURCES")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def data_dir() -> Path:
    """The folder holding everything this installation writes; created on first use."""
    override = os.environ.get("STARPOS_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
