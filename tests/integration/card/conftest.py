"""The real PC/SC stack for card tests: pcscd with vpcd's two readers, and virtual card
processes (``starpos card virtual``) inserted into them.

pcscd is machine-wide (one per machine, fixed socket): the session fixture starts it only
if it is not already serving the vpcd readers, and leaves it running for other sessions.
The two vpcd readers are machine-wide too: every test that uses them holds an exclusive
lock on them for its whole run, so two test runs on one machine take turns instead of
inserting cards into each other's readers. Every virtual card process a test starts is
stopped when the test ends.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from starpos.devices.card.errors import CardError
from starpos.devices.card.keys import create_master_key
from starpos.devices.card.reader import PcscReaders
from tests.conftest import child_env, starpos_command

READER_0 = "Virtual PCD 00 00"
READER_1 = "Virtual PCD 00 01"
PORTS = {READER_0: 35963, READER_1: 35964}


def _vpcd_readers() -> list[str]:
    service = PcscReaders()
    try:
        return [r for r in service.list_readers() if r in PORTS]
    except CardError:
        return []
    finally:
        service.close()


#: Held by the test that uses the vpcd readers (one test at a time on the machine).
READERS_LOCK = Path(os.environ.get("STARPOS_VPCD_LOCK", "/tmp/starpos-vpcd-readers.lock"))


@pytest.fixture(scope="session")
def pcscd_service() -> list[str]:
    readers = _vpcd_readers()
    if len(readers) < 2:
        if shutil.which("pcscd") is None:
            pytest.skip("pcscd is not installed (scripts/setup.sh installs it)")
        # Daemonizes and stays for the other sessions on this machine (only one may run).
        subprocess.run(["pcscd"], check=False, timeout=10)
        deadline = time.monotonic() + 10
        while len(readers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            readers = _vpcd_readers()
        if len(readers) < 2:
            pytest.fail("pcscd did not show the vpcd readers (is vsmartcard-vpcd installed?)")
    return readers


@pytest.fixture
def pcscd(pcscd_service: list[str]) -> Iterator[list[str]]:
    """The vpcd readers, this test's alone until it ends (a lock other runs wait on)."""
    with READERS_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield pcscd_service
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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


@pytest.fixture
def virtual_card(pcscd: list[str], tmp_path: Path) -> Iterator[Callable[..., VirtualCardProcess]]:
    """Start a virtual card: ``virtual_card(reader=READER_0, state=None, *extra_args,
    inserted=True)``; all are stopped after the test."""
    started: list[VirtualCardProcess] = []

    def start(
        *extra: str, reader: str = READER_0, state: Path | None = None, inserted: bool = True
    ) -> VirtualCardProcess:
        path = state or tmp_path / f"card-{len(started)}.json"
        card = VirtualCardProcess(path, reader, *extra, *(() if inserted else ("--removed",)))
        started.append(card)
        return card.wait_inserted() if inserted else card

    yield start
    # Every card is ended even when stopping one of them fails: a card left behind would
    # hold a shared vpcd reader for every later test on the machine.
    problems = []
    for card in reversed(started):
        try:
            card.stop()
        except AssertionError as problem:
            problems.append(problem)
        finally:
            if card.process.poll() is None:
                card.process.kill()
                card.process.wait()
    if problems:
        raise problems[0]


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "card-master.key"
    create_master_key(path)
    return path
