"""Module sessions: the module acts only for a terminal that signed in with its credential.

The embedded emulator listens on 127.0.0.1, where any local user can connect. These tests
are that user: a raw socket and real frames, no driver.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.embedded import ensure_embedded, stop_embedded
from starpos.devices.sm.errors import (
    SmNotPairedModuleError,
    SmSessionRequiredError,
    SmSignInRefusedError,
)
from starpos.devices.sm.frames import Request, Response, parse_request, parse_response
from starpos.devices.sm.messages import MeterKeyRef, credit_token_params, parse_balance
from starpos.devices.sm.session import (
    TERMINAL,
    ModuleCredential,
    installation_credential,
    parse_challenge,
    sign_in_params,
)
from starpos.sts.tid import tid_for
from tests.support.data_files import SAMPLE_TABLES

PAN = "600727121234567876"
KEY = MeterKeyRef(PAN, 1, "123456", 1, 1, 255)


class RawLine:
    """A plain TCP connection to the module: frames out, frames in."""

    def __init__(self, url: str) -> None:
        host, _, port = url.removeprefix("socket://").rpartition(":")
        self._socket = socket.create_connection((host, int(port)), timeout=5)
        self._buffer = b""

    def ask(self, request: Request) -> Response:
        self._socket.sendall(request.encode())
        while b"\r" not in self._buffer:
            chunk = self._socket.recv(4096)
            assert chunk, "the module closed the connection"
            self._buffer += chunk
        frame, _, self._buffer = self._buffer.partition(b"\r")
        return parse_response(frame + b"\r")

    def close(self) -> None:
        self._socket.close()


@pytest.fixture
def embedded(data_dir: Path) -> Iterator[str]:
    url = ensure_embedded(str(SAMPLE_TABLES))
    try:
        with SecureModule(url, credential=installation_credential()) as module:
            kmc.provision(module, [kmc.development_key(1)], 1000)
        yield url
    finally:
        stop_embedded()


def _token_request() -> Request:
    tid = int(tid_for(datetime.now(), 2014))
    return Request("SM", "TC", credit_token_params(KEY, 0, tid, 100))


def test_raw_token_frames_on_the_embedded_port_are_refused(embedded: str) -> None:
    line = RawLine(embedded)
    try:
        before = parse_balance(line.ask(Request("SM", "TS")).data)
        answer = line.ask(_token_request())
        resent = line.ask(Request("GL", "RR"))
        after = parse_balance(line.ask(Request("SM", "TS")).data)
    finally:
        line.close()
    assert (answer.name, answer.code, answer.data) == ("SM!TC", 52, "")
    assert (resent.code, resent.data) == (52, "")  # the last answer is not handed out either
    assert after == before


def test_a_recorded_sign_in_replayed_on_a_new_connection_is_refused(embedded: str) -> None:
    credential = installation_credential()
    legitimate = RawLine(embedded)
    try:
        module_id, nonce = parse_challenge(legitimate.ask(Request("SM", "AC")).data)
        proof = credential.proof(TERMINAL, module_id, nonce, "A" * 32)
        recorded = Request("SM", "AU", sign_in_params("A" * 32, proof))
        assert legitimate.ask(recorded).ok
        assert legitimate.ask(Request("GL", "RR")).code == 0  # signed in on this connection
    finally:
        legitimate.close()
    attacker = RawLine(embedded)
    try:
        assert attacker.ask(recorded).code == 53
        assert attacker.ask(Request("SM", "AC")).ok
        assert attacker.ask(recorded).code == 53  # a proof for another nonce
        assert attacker.ask(_token_request()).code == 52
    finally:
        attacker.close()


@pytest.mark.parametrize("transport", ["--pty", "--listen"])
def test_the_driver_signs_in_on_open_and_acts(emulator_factory: Any, transport: str) -> None:
    options = ("--listen", "127.0.0.1:0") if transport == "--listen" else ("--pty",)
    emulator = emulator_factory(*options)
    with emulator.module() as module:
        assert module.signed_in
        kmc.provision(module, [kmc.development_key(1)], 1000, emulator.kmc_dir)
        token = module.issue_credit_token(KEY, 0, 6_000_000, 100)
        assert module.resend_last().issued_token == token
    assert not module.signed_in
    assert [e["event"] for e in emulator.events()].count("signed_in") == 1


def test_without_the_credential_the_driver_reads_but_cannot_act(emulator: Any) -> None:
    with SecureModule(emulator.url) as module:
        assert module.balance().sequence == 0 and not module.signed_in
        block = kmc.make_credit_block("10203040", 1, "add", 10, emulator.kmc_dir)
        with pytest.raises(SmSessionRequiredError) as caught:
            module.credit_update(block)
        assert "code 52" in caught.value.message
        with pytest.raises(SmSessionRequiredError):
            module.resend_last()
    with SecureModule(emulator.url) as module:
        assert module.balance().sequence == 0  # nothing acted


def test_another_installations_credential_is_refused(emulator: Any, tmp_path: Path) -> None:
    stranger = ModuleCredential.load_or_create(tmp_path / "other.key")
    with pytest.raises(SmSignInRefusedError):
        SecureModule(emulator.url, credential=stranger).open()
    with emulator.module() as module:  # the paired one still signs in
        assert module.signed_in


def test_a_session_that_idled_out_is_signed_in_again_without_the_caller_noticing(
    emulator_factory: Any,
) -> None:
    emulator = emulator_factory("--pty", "--session-idle-s", "0.5")
    with emulator.module() as module:
        kmc.provision(module, [kmc.development_key(1)], 1000, emulator.kmc_dir)
        time.sleep(0.8)
        module.issue_credit_token(KEY, 0, 6_000_000, 100)
    kinds = [e["event"] for e in emulator.events()]
    assert kinds.count("signed_in") == 2 and "session_expired" in kinds
    assert kinds.count("credit_token") == 1


class FakeModule(threading.Thread):
    """A device on a TCP port that speaks the frames but holds no credential: it answers
    the sign-in with a proof it cannot have made."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"socket://127.0.0.1:{self.server.getsockname()[1]}"

    def run(self) -> None:
        connection, _ = self.server.accept()
        with connection:
            buffer = b""
            while chunk := connection.recv(4096):
                buffer += chunk
                while b"\r" in buffer:
                    frame, _, buffer = buffer.partition(b"\r")
                    request = parse_request(frame + b"\r")
                    data = {"AC": "10203040" + "F" * 32, "AU": "0" * 64}.get(request.command, "")
                    connection.sendall(Response(request.klass, request.command, 0, data).encode())


def test_a_device_that_cannot_prove_it_is_the_paired_module_is_not_trusted() -> None:
    fake = FakeModule()
    fake.start()
    try:
        with pytest.raises(SmNotPairedModuleError):
            SecureModule(fake.url, credential=installation_credential()).open()
    finally:
        fake.server.close()
