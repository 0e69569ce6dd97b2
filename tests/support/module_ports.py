"""The installer's devices for real: the module emulator in its own process on a pty,
listed by pyserial through a ``/dev/ttyUSB*`` alias the way udev names a USB bridge.

Fixtures: a conftest (or a test module) imports them by name."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.data_files import SAMPLE_TABLES
from tests.support.emulator_process import EmulatorProcess


@pytest.fixture
def module_emulator(tmp_path: Path) -> Iterator[EmulatorProcess]:
    """A production module emulator (id 10203040) on a pty, trusting ``tmp_path/kmc``."""
    emulator = EmulatorProcess(tmp_path / "module", tmp_path / "kmc", SAMPLE_TABLES)
    emulator.start("--pty", "--module-id", "10203040")
    yield emulator
    emulator.stop()


ALIAS_PREFIX = "/dev/ttyUSB-starpos-test-"


def _remove_stale_aliases() -> None:
    """Aliases a killed test run left behind (its process is gone): the real listing would
    show them as ports beside this run's, pointing at ptys that may be someone else's now."""
    for alias in Path("/dev").glob(Path(ALIAS_PREFIX).name + "*"):
        owner = alias.name.removeprefix(Path(ALIAS_PREFIX).name)
        if owner.isdigit() and not Path(f"/proc/{owner}").exists():
            alias.unlink(missing_ok=True)


@pytest.fixture
def listed_alias(module_emulator: EmulatorProcess) -> Iterator[str]:
    """A ``/dev/ttyUSB...`` symbolic link to the emulator's pty, as a udev rule makes one.

    pyserial's listing (``comports``) globs ``/dev/ttyUSB*``, so the emulator is found
    by the real listing, not by a path typed in. Creating it needs write access to /dev
    (root in CI); the test is skipped otherwise.
    """
    _remove_stale_aliases()
    alias = Path(f"{ALIAS_PREFIX}{os.getpid()}")
    try:
        alias.symlink_to(module_emulator.url)
    except OSError as error:
        pytest.skip(f"cannot add a port alias in /dev ({error})")
    yield str(alias)
    alias.unlink(missing_ok=True)
