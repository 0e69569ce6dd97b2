"""The virtual network printer: a TCP port that prints to PNG files.

It listens like a networked receipt printer (raw ESC/POS, usually port 9100), serves one
connection at a time as such a printer does, and writes each voucher (everything up to a
cut) as ``voucher-NNNN.png`` with the text it printed beside it in ``voucher-NNNN.txt``.

Its state is switchable for tests and demos through the file ``fault`` in the output
folder: one word from :data:`starpos.devices.printer.status.FAULT_STATES` (``ready``,
``paper-near-end``, ``offline``, ``cover-open``, ``paper-out``, ``error``). The state is
read at every status query and every piece of data; while the printer is not ready
(anything but ``ready``/``paper-near-end``) it answers status queries but prints nothing.
A connection silent for ``idle_timeout`` seconds (30 by default) is closed. Given an
``owner_pid`` (the embedded printer is), it switches itself off once that process is gone.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from starpos.devices.printer import status
from starpos.devices.printer.escpos_support import profile_code_pages
from starpos.devices.printer.virtual.interpreter import EscposInterpreter, Page

log = logging.getLogger(__name__)

FAULT_FILE = "fault"
_PRINTING_STATES = (status.READY, status.PAPER_LOW)


class VirtualPrinter:
    """A virtual ESC/POS printer on ``host:port`` (port 0 picks a free one), printing to ``out``."""

    def __init__(
        self,
        out: Path,
        host: str = "127.0.0.1",
        port: int = 9100,
        paper_dots: int = 576,
        profile: str | None = None,
        on_printed: Callable[[Path], None] | None = None,
        idle_timeout: float = 30.0,
        owner_pid: int | None = None,
    ) -> None:
        self.out = out
        self.on_printed = on_printed
        self.idle_timeout = idle_timeout
        self.owner_pid = owner_pid
        self.out.mkdir(parents=True, exist_ok=True)
        self.paper_dots = paper_dots
        self.code_pages = profile_code_pages(profile)
        self.listener = socket.create_server((host, port))
        self.listener.settimeout(0.2)
        self.address: tuple[str, int] = self.listener.getsockname()[:2]
        self.pages_written: list[Path] = []
        self._stop = threading.Event()
        self._sequence = self._last_sequence()

    def state(self) -> str:
        """The state the fault file asks for (``ready`` without one)."""
        try:
            word = (self.out / FAULT_FILE).read_text(encoding="utf-8").strip()
        except OSError:
            return status.READY
        return word if word in status.FAULT_STATES else status.READY

    def serve_forever(self) -> None:
        """Serve connections one after the other until :meth:`stop` is called."""
        try:
            while not self._stop.is_set():
                try:
                    connection, _peer = self.listener.accept()
                except TimeoutError:
                    if not self._owner_alive():
                        log.info("virtual printer: the process that started it is gone")
                        break
                    continue
                except OSError:
                    if self._stop.is_set():
                        break
                    raise
                with connection:
                    self._serve(connection)
        finally:
            self.listener.close()

    def stop(self) -> None:
        self._stop.set()

    def _owner_alive(self) -> bool:
        if self.owner_pid is None:
            return True
        try:
            os.kill(self.owner_pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def _serve(self, connection: socket.socket) -> None:
        connection.settimeout(0.2)
        interpreter = EscposInterpreter(
            self.paper_dots,
            self.code_pages,
            on_page=self._write_page,
            status=lambda query: status.answers_for(self.state()).get(query, status.FIXED_BITS),
            reply=connection.sendall,
        )
        last_data = time.monotonic()
        while not self._stop.is_set():
            try:
                data = connection.recv(65536)
            except TimeoutError:
                # Like a real port-9100 printer, drop a client that holds the port and says
                # nothing, so one stuck client cannot keep every other one out.
                if time.monotonic() - last_data > self.idle_timeout:
                    log.info("virtual printer: idle connection closed")
                    break
                continue
            except OSError:
                break
            if not data:
                break
            last_data = time.monotonic()
            if self.state() in _PRINTING_STATES:
                try:
                    interpreter.feed(data)
                except Exception:  # a printer that chokes on a job drops it, and stays on
                    log.exception("virtual printer could not interpret the data; job dropped")
                    interpreter.pending = b""
            else:
                self._answer_status_only(interpreter, data)
        if interpreter.has_content():
            # The paper stays in the printer until it is cut; a job without a cut is still
            # paper a person can look at.
            interpreter.finish_page()

    def _answer_status_only(self, interpreter: EscposInterpreter, data: bytes) -> None:
        """A printer that is not ready still answers DLE EOT, and prints nothing."""
        for match in re.finditer(rb"\x10\x04([\x01-\x04])", data):
            interpreter.reply(bytes([interpreter.status(match.group(1)[0])]))
        log.info("virtual printer is %s: %d bytes not printed", self.state(), len(data))

    def _write_page(self, page: Page) -> None:
        self._sequence += 1
        stem = self.out / f"voucher-{self._sequence:04d}"
        page.image.save(stem.with_suffix(".png"))
        stem.with_suffix(".txt").write_text(page.text + "\n", encoding="utf-8")
        self.pages_written.append(stem.with_suffix(".png"))
        if self.on_printed:
            self.on_printed(stem.with_suffix(".png"))

    def _last_sequence(self) -> int:
        numbers = [
            int(match.group(1))
            for path in self.out.glob("voucher-*.png")
            if (match := re.fullmatch(r"voucher-(\d+)\.png", path.name))
        ]
        return max(numbers, default=0)
