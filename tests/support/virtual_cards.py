"""The real PC/SC stack for card tests: vpcd's two readers and virtual card processes
(``starpos card virtual``) inserted into them. The fixtures that start pcscd, hold the
readers and stop every card are in tests/fixtures/cards.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from starpos.devices.card.errors import CardError
from starpos.devices.card.reader import PcscReaders
from tests.support.processes import child_env, starpos_command

READER_0 = "Virtual PCD 00 00"
READER_1 = "Virtual PCD 00 01"
PORTS = {READER_0: 35963, READER_1: 35964}


def vpcd_readers() -> list[str]:
    """The vpcd readers pcscd shows now (none when pcscd is not running)."""
    service = PcscReaders()
    try:
        return [r for r in service.list_readers() if r in PORTS]
    except CardError:
        return []
    finally:
        service.close()


#: Held by the test that uses the vpcd readers (one test at a time on the machine).
READERS_LOCK = Path(os.environ.get("STARPOS_VPCD_LOCK", "/tmp/starpos-vpcd-readers.lock"))


def wait_for(condition: Callable[[], bool], timeout: float = 8.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the card reader")
        time.sleep(0.05)


class VirtualCardProcess:
    """One ``starpos card virtual`` process, inserted in ``reader``."""

    def __init__(self, state: Path, reader: str, *extra: str) -> None:
        self.state = state
        self.reader = reader
        self.process = subprocess.Popen(
            starpos_command(
                "card", "virtual", "--state", str(state), "--port", str(PORTS[reader]), *extra
            ),
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.serial = json.loads(self.process.stdout.readline())["serial"]

    def present(self) -> bool:
        service = PcscReaders()
        try:
            return service.card_present(self.reader)
        finally:
            service.close()

    def wait_inserted(self) -> VirtualCardProcess:
        wait_for(self.present)
        return self

    def remove(self) -> None:
        self.process.send_signal(signal.SIGUSR1)
        wait_for(lambda: not self.present())

    def insert(self) -> None:
        self.process.send_signal(signal.SIGUSR2)
        self.wait_inserted()

    def stop(self) -> None:
        """End the process; once it has gone, the reader is empty again."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        wait_for(lambda: not self.present())
