"""Emulator processes for the secure module tests: real process, real pty or TCP port
(:class:`tests.support.emulator_process.EmulatorProcess`), stopped when the test ends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.data_files import SAMPLE_TABLES
from tests.support.emulator_process import EmulatorProcess


@pytest.fixture
def emulator_factory(tmp_path: Path) -> Iterator[Any]:
    started: list[EmulatorProcess] = []

    def make(*options: str, name: str = "module", module_id: str = "10203040") -> EmulatorProcess:
        emulator = EmulatorProcess(
            tmp_path / name,
            tmp_path / "kmc",
            SAMPLE_TABLES,
            *options,
        )
        started.append(emulator)
        first = ("--module-id", module_id) if not (tmp_path / name).exists() else ()
        return emulator.start(*(options or ("--pty",)), *first)

    yield make
    for emulator in started:
        emulator.stop()


@pytest.fixture
def emulator(emulator_factory: Any) -> EmulatorProcess:
    return emulator_factory()
