"""Serving the emulated module like a device: on a pseudo-terminal or a TCP port.

The pty mode keeps its own slave descriptor open, so a client may close and reopen the
port any number of times (DEVICES.md section 2); like a serial line it has one session
for its whole life. The TCP mode serves one client at a time, one after the other, each
connection with its own session: signing in on one connection lets nothing act on
another. Both cut the byte stream into frames with the same
:class:`~starpos.devices.sm.frames.FrameSplitter` and can inject the line faults tests
need: every Nth answer dropped or with a damaged CRC, and a delay before each answer.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import time
import tty
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.sessions import Session
from starpos.devices.sm.frames import TERMINATOR, FrameSplitter

READ_CHUNK = 4096
POLL_S = 0.2


@dataclass
class Faults:
    """Line faults applied to answers: counts are over every answer sent, 0 = never."""

    drop_every: int = 0
    corrupt_crc_every: int = 0
    delay_ms: int = 0
    _answers: int = 0

    def apply(self, answer: bytes) -> bytes | None:
        """``answer`` as the line delivers it, or ``None`` when it is dropped."""
        self._answers += 1
        if self.delay_ms:
            time.sleep(self.delay_ms / 1000)
        if self.drop_every and self._answers % self.drop_every == 0:
            return None
        if self.corrupt_crc_every and self._answers % self.corrupt_crc_every == 0:
            # Flip the last CRC digit to another hex digit: still a well-formed frame.
            last = answer[-2:-1]
            swapped = b"0" if last != b"0" else b"1"
            return answer[:-2] + swapped + TERMINATOR
        return answer


class Stopper:
    """Set by a signal handler; the serving loops poll it."""

    def __init__(self) -> None:
        self.stopped = False

    def stop(self, *_: object) -> None:
        self.stopped = True


def _answers(
    module: EmulatedModule,
    faults: Faults,
    splitter: FrameSplitter,
    data: bytes,
    session: Session | None = None,
) -> Iterator[bytes]:
    for frame in splitter.feed(data):
        delivered = faults.apply(module.handle(frame, session))
        if delivered is not None:
            yield delivered


def _write_all(write: Callable[[bytes], int], data: bytes) -> None:
    while data:
        data = data[write(data) :]


def serve_pty(
    module: EmulatedModule, faults: Faults, stopper: Stopper, announce: Callable[[str], None]
) -> None:
    """Create a pty, announce its path, and serve until ``stopper`` is set."""
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        announce(os.ttyname(slave))
        splitter = FrameSplitter()
        while not stopper.stopped:
            ready, _, _ = select.select([master], [], [], POLL_S)
            if not ready:
                continue
            try:
                data = os.read(master, READ_CHUNK)
            except OSError:
                # EIO: no client side open right now (we hold our own slave, so rare).
                time.sleep(POLL_S)
                continue
            for answer in _answers(module, faults, splitter, data):
                _write_all(lambda chunk: os.write(master, chunk), answer)
    finally:
        os.close(master)
        os.close(slave)


def serve_tcp(
    module: EmulatedModule,
    faults: Faults,
    stopper: Stopper,
    announce: Callable[[str], None],
    host: str,
    port: int,
) -> None:
    """Listen on ``host:port`` (0 = any free port), announce the ``socket://`` URL, serve."""
    with socket.create_server((host, port), reuse_port=False) as server:
        server.settimeout(POLL_S)
        bound_host, bound_port = server.getsockname()[:2]
        announce(f"socket://{bound_host}:{bound_port}")
        while not stopper.stopped:
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with contextlib.closing(connection):
                _serve_connection(module, faults, stopper, connection)


def _serve_connection(
    module: EmulatedModule, faults: Faults, stopper: Stopper, connection: socket.socket
) -> None:
    connection.settimeout(POLL_S)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    splitter = FrameSplitter()
    session = Session()  # this connection's: it ends when the client hangs up
    while not stopper.stopped:
        try:
            data = connection.recv(READ_CHUNK)
        except TimeoutError:
            continue
        except OSError:
            return
        if not data:
            return  # the client closed the port; wait for the next one
        try:
            for answer in _answers(module, faults, splitter, data, session):
                connection.sendall(answer)
        except OSError:
            return
