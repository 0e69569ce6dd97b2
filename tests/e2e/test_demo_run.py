"""The README's main job on a machine without a display: `starpos demo run` sells once."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded

pytestmark = pytest.mark.slow


@pytest.fixture
def embedded_devices_stopped(data_dir: Path):
    yield
    stop_embedded()
    stop_virtual_printer()


def test_demo_run_without_a_display_sells_one_voucher(
    run_starpos, data_dir: Path, embedded_devices_stopped: None
) -> None:
    result = run_starpos("demo", "run", "--headless", timeout=300)
    assert result.returncode == 0, result.stderr
    token = re.search(r"Token: ((?:\d{4} ){4}\d{4})", result.stdout)
    assert token, result.stdout
    voucher = re.search(r"virtual printer: (\S+\.png)", result.stdout)
    assert voucher and Path(voucher.group(1)).is_file()
    # The QR code on the printed voucher is the token the cashier was shown.
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", voucher.group(1)], capture_output=True, text=True, check=True
    )
    assert decoded.stdout.split() == [token.group(1).replace(" ", "")]

    again = run_starpos("demo", "run", "--headless", timeout=300)
    assert again.returncode == 0, again.stderr
    assert "First run" not in again.stdout  # seeded once, then reused
