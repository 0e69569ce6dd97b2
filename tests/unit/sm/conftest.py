"""An emulated module on a temporary state folder, driven on bytes (no process, no port)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.emulator.tokens import TokenMaker
from starpos.devices.sm.kmc import init_kmc


@pytest.fixture
def kmc_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kmc"
    init_kmc(folder)
    return folder


@pytest.fixture
def emulated(tmp_path: Path, kmc_dir: Path, shared_dir: Path) -> EmulatedModule:
    state = ModuleState.open(
        tmp_path / "module", kmc_public_key_hex=init_kmc(kmc_dir), module_id="10203040"
    )
    tables = shared_dir / "sts" / "sta-tables-sample.json"
    return EmulatedModule(state, TokenMaker(tables, fixed_random=5), today=date.today)
