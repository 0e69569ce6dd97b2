"""Sign-in on the emulated module: who may make it act (docs/sm-protocol.md, "Sessions").

A :class:`Session` belongs to one connection: one TCP connection, or the pty for as long as
the emulator runs (a serial line has no connections; there the session ends with
``GL?RS``, a new ``SM?AC``, or :data:`IDLE_LIMIT_S` without a command). Commands that act,
and ``GL?RR`` (its stored answer may hold a token), are refused with code 52 outside a
signed-in session.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from starpos.devices.sm.codes import ResponseCode
from starpos.devices.sm.emulator.state import ModuleState
from starpos.devices.sm.frames import FrameError
from starpos.devices.sm.session import (
    MODULE,
    TERMINAL,
    ModuleCredential,
    format_challenge,
    new_nonce,
    parse_sign_in,
)

#: A signed-in session left this long without a command ends (seconds).
IDLE_LIMIT_S = 300.0


@dataclass
class Session:
    """The sign-in state of one connection."""

    challenge: str | None = None
    client_nonce: str | None = None
    signed_in: bool = False
    last_used: float = 0.0

    def end(self) -> None:
        self.challenge, self.client_nonce, self.signed_in = None, None, False


class SignIn:
    """Answers ``SM?AC`` and ``SM?AU`` and says whether a session may act."""

    def __init__(
        self,
        state: ModuleState,
        clock: Callable[[], float] = time.monotonic,
        idle_limit_s: float = IDLE_LIMIT_S,
    ) -> None:
        self.state = state
        self.clock = clock
        self.idle_limit_s = idle_limit_s

    def alive(self, session: Session) -> bool:
        """True when ``session`` is signed in (and not idle too long); refreshes it."""
        if not session.signed_in:
            return False
        now = self.clock()
        if now - session.last_used > self.idle_limit_s:
            session.end()
            self.state.log_event("session_expired")
            return False
        session.last_used = now
        return True

    def challenge(self, session: Session, params: str) -> tuple[ResponseCode, str]:
        """``SM?AC``: a fresh nonce; any earlier sign-in on this connection ends."""
        if params:
            return ResponseCode.FORMAT_ERROR, ""
        session.end()
        if self.state.credential() is None:
            self.state.log_event("sign_in_refused", reason="the module has no credential")
            return ResponseCode.SIGN_IN_FAILED, ""
        session.challenge = new_nonce()
        return ResponseCode.OK, format_challenge(self.state.module_id, session.challenge)

    def sign_in(self, session: Session, params: str) -> tuple[ResponseCode, str]:
        """``SM?AU``: check the terminal's proof for the pending challenge; prove back."""
        try:
            client_nonce, proof = parse_sign_in(params)
        except FrameError:
            return ResponseCode.FORMAT_ERROR, ""
        secret = self.state.credential()
        challenge = session.challenge
        if secret is None or challenge is None:
            return self._refuse(session, "no challenge pending")
        credential = ModuleCredential(secret)
        module_id = self.state.module_id
        if not credential.verifies(proof, TERMINAL, module_id, challenge, client_nonce):
            return self._refuse(session, "wrong proof")
        if session.signed_in and client_nonce != session.client_nonce:
            return self._refuse(session, "a second sign-in on one challenge")
        if not session.signed_in:
            # The same AU again (its answer was lost) gets the same answer; nothing else may
            # use this challenge, and a replay on another connection has no challenge at all.
            session.signed_in, session.client_nonce = True, client_nonce
            self.state.log_event("signed_in")
        session.last_used = self.clock()
        return ResponseCode.OK, credential.proof(MODULE, module_id, challenge, client_nonce)

    def _refuse(self, session: Session, reason: str) -> tuple[ResponseCode, str]:
        session.end()  # one guess per challenge
        self.state.log_event("sign_in_refused", reason=reason)
        return ResponseCode.SIGN_IN_FAILED, ""
