"""An emulated module on a temporary state folder, driven on bytes (no process, no port).

``emulated`` is signed in on its port session with ``credential`` (as the driver does on
open), so commands that act are answered; ``sign_in`` signs any session in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.sessions import Session
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.emulator.tokens import TokenMaker
from starpos.devices.sm.frames import Request, parse_response
from starpos.devices.sm.kmc import init_kmc
from starpos.devices.sm.session import (
    MODULE,
    TERMINAL,
    ModuleCredential,
    parse_challenge,
    sign_in_params,
)

CLIENT_NONCE = "C" * 32


@pytest.fixture
def kmc_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kmc"
    init_kmc(folder)
    return folder


@pytest.fixture
def credential() -> ModuleCredential:
    return ModuleCredential.generate()


def sign_in(module: EmulatedModule, credential: ModuleCredential, session: Session) -> None:
    """``SM?AC`` and ``SM?AU`` on bytes, checking the module's proof as the driver does."""
    challenge = parse_response(module.handle(Request("SM", "AC").encode(), session))
    module_id, nonce = parse_challenge(challenge.data)
    proof = credential.proof(TERMINAL, module_id, nonce, CLIENT_NONCE)
    request = Request("SM", "AU", sign_in_params(CLIENT_NONCE, proof))
    answer = parse_response(module.handle(request.encode(), session))
    assert answer.ok, answer
    assert credential.verifies(answer.data, MODULE, module_id, nonce, CLIENT_NONCE)


@pytest.fixture
def emulated(
    tmp_path: Path, kmc_dir: Path, shared_dir: Path, credential: ModuleCredential
) -> EmulatedModule:
    state = ModuleState.open(
        tmp_path / "module",
        kmc_public_key_hex=init_kmc(kmc_dir),
        module_id="10203040",
        credential=credential.secret,
    )
    tables = shared_dir / "sts" / "sta-tables-sample.json"
    module = EmulatedModule(state, TokenMaker(tables, fixed_random=5), today=date.today)
    sign_in(module, credential, module.port_session)
    return module
