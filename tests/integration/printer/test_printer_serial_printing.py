"""A serial receipt printer on a real pty: the driver's serial path, status reads included."""

from __future__ import annotations

import os
import threading
import tty
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from starpos.devices.printer import status
from starpos.devices.printer.errors import PrinterPaperOutError
from starpos.devices.printer.escpos_support import profile_code_pages
from starpos.devices.printer.service import print_voucher, printer_status
from starpos.devices.printer.virtual.interpreter import EscposInterpreter, Page
from starpos.devices.printer.voucher import sample_voucher
from tests.unit.printer.printer_helpers import make_settings


@dataclass
class PtyPrinter:
    path: str
    state: str = "ready"
    pages: list[Page] = field(default_factory=list)


@pytest.fixture
def pty_printer() -> Iterator[PtyPrinter]:
    """The virtual printer's interpreter on the master side of a pty."""
    master, slave = os.openpty()
    tty.setraw(slave)
    printer = PtyPrinter(os.ttyname(slave))
    interpreter = EscposInterpreter(
        512,
        profile_code_pages("TM-T88V"),
        on_page=printer.pages.append,
        status=lambda n: status.answers_for(printer.state)[n],
        reply=lambda data: os.write(master, data),
    )
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                data = os.read(master, 65536)
            except OSError:  # the pty was closed: the test is over
                return
            if printer.state == "ready":
                interpreter.feed(data)
            else:
                for query in (1, 2, 3, 4):
                    if bytes([0x10, 0x04, query]) in data:
                        os.write(master, bytes([status.answers_for(printer.state)[query]]))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield printer
    stop.set()
    os.close(slave)
    os.close(master)
    thread.join(5)


def test_a_voucher_prints_over_a_serial_line(tmp_path: Path, pty_printer: PtyPrinter) -> None:
    settings = make_settings(tmp_path, printer__connection=f"serial:{pty_printer.path}:115200")
    result = print_voucher(sample_voucher(), settings)
    assert result.status_before.state == result.status_after.state == "ready"
    assert len(pty_printer.pages) == 1
    assert "Net amount                      115.00 ZAR" in pty_printer.pages[0].text


def test_paper_out_on_a_serial_printer(tmp_path: Path, pty_printer: PtyPrinter) -> None:
    pty_printer.state = "paper-out"
    settings = make_settings(tmp_path, printer__connection=f"serial:{pty_printer.path}")
    assert printer_status(settings).state == "paper-out"
    with pytest.raises(PrinterPaperOutError):
        print_voucher(sample_voucher(), settings)
    assert pty_printer.pages == []
