"""A virtual network printer process per test (real TCP on an ephemeral port)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.processes import child_env, starpos_command


@dataclass
class VirtualPrinterProcess:
    process: subprocess.Popen[str]
    port: int
    out: Path

    @property
    def connection(self) -> str:
        return f"network:127.0.0.1:{self.port}"

    def set_state(self, state: str) -> None:
        (self.out / "fault").write_text(state + "\n", encoding="utf-8")

    def vouchers(self) -> list[Path]:
        return sorted(self.out.glob("voucher-*.png"))


def start_virtual_printer(out: Path, *options: str) -> VirtualPrinterProcess:
    process = subprocess.Popen(
        starpos_command(
            "printer", "virtual", "--listen", "127.0.0.1:0", "--out", str(out), *options
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=child_env(),
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    match = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not match:
        process.kill()
        pytest.fail(f"the virtual printer did not start: {line}{process.stdout.read()}")
    return VirtualPrinterProcess(process, int(match.group(1)), out)


def stop(printer: VirtualPrinterProcess) -> str:
    printer.process.terminate()
    try:
        output, _ = printer.process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        printer.process.kill()
        output, _ = printer.process.communicate()
    return output


@pytest.fixture
def virtual_printer(tmp_path: Path) -> Iterator[VirtualPrinterProcess]:
    printer = start_virtual_printer(tmp_path / "printer-out")
    yield printer
    stop(printer)


@pytest.fixture
def virtual_printer_58(tmp_path: Path) -> Iterator[VirtualPrinterProcess]:
    printer = start_virtual_printer(tmp_path / "printer-out-58", "--paper-mm", "58")
    yield printer
    stop(printer)
