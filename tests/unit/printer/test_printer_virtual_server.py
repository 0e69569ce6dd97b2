"""The virtual printer's TCP server in-process: one connection at a time, idle clients dropped."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from starpos.devices.printer.virtual.server import VirtualPrinter


def test_a_silent_client_is_dropped_so_the_next_one_prints(tmp_path: Path) -> None:
    printer = VirtualPrinter(tmp_path, port=0, paper_dots=384, idle_timeout=0.5)
    thread = threading.Thread(target=printer.serve_forever, daemon=True)
    thread.start()
    try:
        with socket.create_connection(printer.address, timeout=5) as silent:
            with socket.create_connection(printer.address, timeout=5) as client:
                client.sendall(b"\x1b@hello\n\x1dV\x00\x10\x04\x01")
                assert client.recv(1) == b"\x12"  # answered once the silent one was dropped
            assert silent.recv(1) == b""  # closed by the printer
        assert (tmp_path / "voucher-0001.txt").read_text(encoding="utf-8") == "hello\n"
    finally:
        printer.stop()
        thread.join(5)
    assert not thread.is_alive()
