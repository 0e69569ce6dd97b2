"""Sign-in on the emulated module, on bytes: only a signed-in session makes it act."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from starpos.devices.sm import kmc, messages
from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.sessions import Session, SignIn
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.emulator.tokens import TokenMaker
from starpos.devices.sm.frames import Request, Response, parse_response
from starpos.devices.sm.messages import MeterKeyRef
from starpos.devices.sm.session import TERMINAL, ModuleCredential, parse_challenge, sign_in_params
from tests.support.data_files import SAMPLE_TABLES
from tests.unit.sm.sign_in import sign_in

KEY = MeterKeyRef("600727121234567876", 1, "123456", 1, 1, 255)


def ask(module: EmulatedModule, request: Request, session: Session | None = None) -> Response:
    return parse_response(module.handle(request.encode(), session))


def provisioned(module: EmulatedModule, kmc_dir: Path) -> None:
    identity = messages.parse_identity(ask(module, Request("SM", "ID")).data)
    kmf = kmc.make_kmf(
        identity.module_id, identity.public_key_hex, [kmc.development_key(1)], kmc_dir
    )
    assert ask(module, Request("SM", "KL", kmf.hex().upper())).ok
    block = kmc.make_credit_block("10203040", 1, "add", 1000, kmc_dir)
    assert ask(module, Request("SM", "TU", block.hex().upper())).ok


def acting_requests(kmc_dir: Path) -> list[Request]:
    block = kmc.make_credit_block("10203040", 2, "add", 50, kmc_dir)
    return [
        Request("SM", "TC", messages.credit_token_params(KEY, 0, 6_000_000, 100)),
        Request("SM", "TM", messages.management_token_params(KEY, 5, 6_000_000, 0)),
        Request("SM", "TK", messages.key_change_params(KEY, KEY, False)),
        Request("SM", "TU", block.hex().upper()),
        Request("SM", "KL", "00"),
        Request("SM", "SB", "some-store"),
        Request("GL", "RR"),
    ]


def test_a_session_that_did_not_sign_in_gets_52_and_changes_nothing(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    provisioned(emulated, kmc_dir)
    journal = (emulated.state.folder / "module.journal").read_bytes()
    last = ask(emulated, Request("GL", "RR")).data
    stranger = Session()
    for request in acting_requests(kmc_dir):
        answer = ask(emulated, request, stranger)
        assert (answer.name, answer.code, answer.data) == (request.name.replace("?", "!"), 52, "")
    assert (emulated.state.folder / "module.journal").read_bytes() == journal
    assert ask(emulated, Request("GL", "RR")).data == last  # nothing replaced the last answer
    for query in (Request("SM", "TS"), Request("SM", "ID"), Request("SM", "CI")):
        assert ask(emulated, query, stranger).ok  # queries need no session


def test_a_wrong_proof_is_refused_and_spends_the_challenge(
    emulated: EmulatedModule, credential: ModuleCredential
) -> None:
    session = Session()
    module_id, nonce = parse_challenge(ask(emulated, Request("SM", "AC"), session).data)
    wrong = ModuleCredential.generate().proof(TERMINAL, module_id, nonce, "D" * 32)
    assert ask(emulated, Request("SM", "AU", sign_in_params("D" * 32, wrong)), session).code == 53
    right = credential.proof(TERMINAL, module_id, nonce, "D" * 32)
    # One guess per challenge: even the right proof needs a new one now.
    assert ask(emulated, Request("SM", "AU", sign_in_params("D" * 32, right)), session).code == 53
    assert ask(emulated, Request("GL", "RR"), session).code == 52


def test_a_recorded_sign_in_replayed_on_another_connection_is_refused(
    emulated: EmulatedModule, credential: ModuleCredential
) -> None:
    first = Session()
    module_id, nonce = parse_challenge(ask(emulated, Request("SM", "AC"), first).data)
    proof = credential.proof(TERMINAL, module_id, nonce, "E" * 32)
    recorded = Request("SM", "AU", sign_in_params("E" * 32, proof))
    answer = ask(emulated, recorded, first)
    assert answer.ok
    assert ask(emulated, recorded, first).data == answer.data  # a lost answer, asked again

    attacker = Session()
    assert ask(emulated, recorded, attacker).code == 53  # no challenge on this connection
    assert ask(emulated, Request("SM", "AC"), attacker).ok
    assert ask(emulated, recorded, attacker).code == 53  # a proof for another nonce
    assert ask(emulated, Request("GL", "RR"), attacker).code == 52


def test_a_session_ends_with_reset_a_new_challenge_or_idling(
    tmp_path: Path, kmc_dir: Path, credential: ModuleCredential
) -> None:
    now = [1000.0]
    state = ModuleState.open(
        tmp_path / "idle", kmc_public_key_hex=kmc.init_kmc(kmc_dir), credential=credential.secret
    )
    tables = SAMPLE_TABLES
    module = EmulatedModule(
        state, TokenMaker(tables), today=date.today, sign_in=SignIn(state, lambda: now[0], 60)
    )
    session = Session()
    sign_in(module, credential, session)
    assert ask(module, Request("GL", "RR"), session).code == 48  # signed in: nothing to resend
    now[0] += 59
    assert ask(module, Request("GL", "RR"), session).code == 48  # used: the idle clock restarts
    now[0] += 61
    assert ask(module, Request("GL", "RR"), session).code == 52  # idle too long
    sign_in(module, credential, session)
    assert ask(module, Request("GL", "RS"), session).ok
    assert ask(module, Request("GL", "RR"), session).code == 52
    sign_in(module, credential, session)
    assert ask(module, Request("SM", "AC"), session).ok
    assert ask(module, Request("GL", "RR"), session).code == 52
    events = (state.folder / "events.log").read_text()
    assert '"session_expired"' in events and '"signed_in"' in events


def test_a_module_without_a_credential_lets_nobody_sign_in(tmp_path: Path, kmc_dir: Path) -> None:
    state = ModuleState.open(tmp_path / "bare", kmc_public_key_hex=kmc.init_kmc(kmc_dir))
    module = EmulatedModule(state, TokenMaker(SAMPLE_TABLES))
    assert ask(module, Request("SM", "AC")).code == 53


@pytest.mark.parametrize("params", ["", "A" * 32, "a" * 96])
def test_malformed_sign_in_is_a_format_error(emulated: EmulatedModule, params: str) -> None:
    assert ask(emulated, Request("SM", "AU", params), Session()).code == 2


def test_queries_keep_a_session_from_idling_out(
    tmp_path: Path, kmc_dir: Path, credential: ModuleCredential
) -> None:
    now = [0.0]
    state = ModuleState.open(
        tmp_path / "busy", kmc_public_key_hex=kmc.init_kmc(kmc_dir), credential=credential.secret
    )
    tables = SAMPLE_TABLES
    module = EmulatedModule(state, TokenMaker(tables), sign_in=SignIn(state, lambda: now[0], 60))
    sign_in(module, credential, module.port_session)
    for _ in range(5):
        now[0] += 50
        assert ask(module, Request("SM", "TS")).ok
    assert ask(module, Request("GL", "RR")).code == 48  # 250 s on, still signed in
