"""Line faults between the driver and the emulator process: damaged, lost and slow answers,
a damaged request, a module killed mid-command, a port that vanishes."""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest

from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import (
    SmConnectionLostError,
    SmError,
    SmNotConnectedError,
    SmTimeoutError,
)
from starpos.devices.sm.frames import Request, parse_response
from starpos.devices.sm.transport import SerialTransport

MODULE_ID = "10203040"


def _block(emulator: Any, sequence: int, tenths: int) -> bytes:
    return kmc.make_credit_block(MODULE_ID, sequence, "add", tenths, emulator.kmc_dir)


def test_damaged_answers_are_asked_for_again_without_acting_twice(emulator_factory: Any) -> None:
    emulator = emulator_factory("--pty", "--corrupt-crc-every", "2")
    with emulator.module() as module:
        for sequence in range(1, 5):
            module.credit_update(_block(emulator, sequence, 10))
        status = module.balance()
    # Four blocks, each applied once although every second answer arrived damaged.
    assert (status.sequence, status.balance) == (4, Decimal("4.0"))
    assert sum(e["event"] == "credit_updated" for e in emulator.events()) == 4


def test_lost_answers_are_recovered_with_resend(emulator_factory: Any) -> None:
    emulator = emulator_factory("--pty", "--drop-every", "2")
    with emulator.module(timeout_s=0.3) as module:
        for sequence in range(1, 4):
            assert module.credit_update(_block(emulator, sequence, 10)).sequence == sequence
        assert module.identify().module_id == MODULE_ID
    assert sum(e["event"] == "credit_updated" for e in emulator.events()) == 3


def test_a_damaged_request_is_answered_with_er_and_resent(emulator: Any) -> None:
    raw = SerialTransport(emulator.url)
    raw.open()
    try:
        frame = bytearray(Request("SM", "TS").encode())
        frame[3] = ord("X")  # SM?XS with the CRC of SM?TS
        raw.write(bytes(frame))
        answer = raw.read_frame()
    finally:
        raw.close()
    assert answer is not None
    er = parse_response(answer)
    assert (er.name, er.code) == ("GL!ER", 20)

    class DamagingTransport(SerialTransport):
        """Flips one bit of the first credit update frame written, on the real port."""

        damaged = 0

        def write(self, frame: bytes) -> None:
            if not self.damaged and frame.startswith(b"SM?TU"):
                self.damaged += 1
                frame = frame[:2] + bytes([frame[2] ^ 0x40]) + frame[3:]
            super().write(frame)

    module = emulator.module()
    module._transport = DamagingTransport(emulator.url)
    with module:
        assert module.credit_update(_block(emulator, 1, 10)).sequence == 1
    assert sum(e["event"] == "credit_updated" for e in emulator.events()) == 1


def test_slow_answers_within_the_timeout_are_fine(emulator_factory: Any) -> None:
    emulator = emulator_factory("--pty", "--delay-ms", "200")
    with SecureModule(emulator.url, timeout_s=2.0) as module:
        assert module.balance().sequence == 0


def test_answers_slower_than_the_timeout_give_a_timeout_error(emulator_factory: Any) -> None:
    emulator = emulator_factory("--pty", "--delay-ms", "600")
    with SecureModule(emulator.url, timeout_s=0.2, max_tries=2) as module:
        with pytest.raises(SmTimeoutError) as caught:
            module.balance()
        assert caught.value.params == {"command": "SM?TS", "tries": 2}


@pytest.mark.slow
def test_killed_mid_command_then_restarted_resend_returns_the_answer(
    emulator_factory: Any,
) -> None:
    emulator = emulator_factory("--pty", "--delay-ms", "1500")
    outcome: dict[str, Any] = {}

    def credit() -> None:
        try:
            with emulator.module(timeout_s=5.0) as module:
                outcome["balance"] = module.credit_update(_block(emulator, 1, 777))
        except SmError as error:
            outcome["error"] = error

    worker = threading.Thread(target=credit)
    worker.start()
    emulator.wait_for_event("credit_updated")  # decided and persisted, answer not sent yet
    emulator.kill()
    worker.join(timeout=15)
    assert isinstance(outcome.get("error"), SmConnectionLostError)

    emulator.start("--pty")
    with emulator.module() as module:
        last = module.resend_last()
        status = module.balance()
    assert (last.command, last.code) == ("SM!TU", 0)
    assert (status.sequence, status.balance) == (1, Decimal("77.7"))


def test_the_port_vanishing_is_a_clear_error(emulator: Any) -> None:
    module = SecureModule(emulator.url, timeout_s=0.5)
    with module:
        module.identify()
        emulator.kill()
        with pytest.raises((SmConnectionLostError, SmTimeoutError)):
            module.balance()
        with pytest.raises(SmNotConnectedError):
            module.balance()  # reopening a pty that no longer exists


def test_a_port_that_does_not_exist(tmp_path: Any) -> None:
    with pytest.raises(SmNotConnectedError) as caught:
        SecureModule(str(tmp_path / "ttyUSB9")).open()
    assert "errno" in caught.value.params["native"]


def test_a_line_that_damages_every_request_gives_a_checksum_error(emulator: Any) -> None:
    from starpos.devices.sm.errors import SmChecksumError

    class AlwaysDamaging(SerialTransport):
        def write(self, frame: bytes) -> None:
            super().write(frame[:1] + bytes([frame[1] ^ 0x01]) + frame[2:])

    module = SecureModule(emulator.url, max_tries=3)
    module._transport = AlwaysDamaging(emulator.url)
    with module, pytest.raises(SmChecksumError):
        module.balance()


def test_garbage_on_the_line_leaves_the_emulator_answering(emulator: Any) -> None:
    import random

    rng = random.Random(3)
    raw = SerialTransport(emulator.url, timeout_s=0.3)
    raw.open()
    try:
        for _ in range(40):
            chunk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 120)))
            raw.write(chunk + (b"\r" if rng.random() < 0.5 else b""))
        raw.write(b"\r")
        answers = []
        while (frame := raw.read_frame()) is not None:
            answers.append(parse_response(frame))
    finally:
        raw.close()
    assert answers and all(a.name == "GL!ER" and a.code in (2, 20) for a in answers)
    with SecureModule(emulator.url) as module:
        assert module.identify().module_id == MODULE_ID
