"""Signing a session of an emulated module in, on bytes, as the driver does on open."""

from __future__ import annotations

from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.sessions import Session
from starpos.devices.sm.frames import Request, parse_response
from starpos.devices.sm.session import (
    MODULE,
    TERMINAL,
    ModuleCredential,
    parse_challenge,
    sign_in_params,
)

CLIENT_NONCE = "C" * 32


def sign_in(module: EmulatedModule, credential: ModuleCredential, session: Session) -> None:
    """``SM?AC`` and ``SM?AU`` on bytes, checking the module's proof as the driver does."""
    challenge = parse_response(module.handle(Request("SM", "AC").encode(), session))
    module_id, nonce = parse_challenge(challenge.data)
    proof = credential.proof(TERMINAL, module_id, nonce, CLIENT_NONCE)
    request = Request("SM", "AU", sign_in_params(CLIENT_NONCE, proof))
    answer = parse_response(module.handle(request.encode(), session))
    assert answer.ok, answer
    assert credential.verifies(answer.data, MODULE, module_id, nonce, CLIENT_NONCE)
