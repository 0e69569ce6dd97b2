"""An emulated module on a temporary state folder, driven on bytes (no process, no port).

``emulated`` is signed in on its port session with ``credential`` (as the driver does on
open), so commands that act are answered; sign_in.py signs any session in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.emulator.tokens import TokenMaker
from starpos.devices.sm.kmc import init_kmc
from starpos.devices.sm.session import ModuleCredential
from tests.support.data_files import SAMPLE_TABLES
from tests.unit.sm.sign_in import sign_in


@pytest.fixture
def kmc_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kmc"
    init_kmc(folder)
    return folder


@pytest.fixture
def credential() -> ModuleCredential:
    return ModuleCredential.generate()


@pytest.fixture
def emulated(tmp_path: Path, kmc_dir: Path, credential: ModuleCredential) -> EmulatedModule:
    state = ModuleState.open(
        tmp_path / "module",
        kmc_public_key_hex=init_kmc(kmc_dir),
        module_id="10203040",
        credential=credential.secret,
    )
    tables = SAMPLE_TABLES
    module = EmulatedModule(state, TokenMaker(tables, fixed_random=5), today=date.today)
    sign_in(module, credential, module.port_session)
    return module
