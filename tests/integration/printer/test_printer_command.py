"""``starpos printer ...`` as a person runs it, and the embedded virtual printer launcher."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PIL import Image

from starpos.devices.printer.service import print_voucher, printer_status
from starpos.devices.printer.virtual.launcher import (
    ensure_virtual_printer,
    output_folder,
    stop_virtual_printer,
)
from starpos.devices.printer.voucher import sample_voucher
from tests.unit.printer.printer_helpers import make_settings, read_qr_codes


def test_status_and_test_print_through_the_command(run_starpos, data_dir, virtual_printer) -> None:
    assert (
        run_starpos("settings", "set", "printer.connection", virtual_printer.connection).returncode
        == 0
    )

    status = run_starpos("printer", "status", "--json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["state"] == "ready"

    printed = run_starpos("printer", "test-print", "--json")
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout)["state_after"] == "ready"
    assert len(virtual_printer.vouchers()) == 1

    virtual_printer.set_state("paper-out")
    refused = run_starpos("printer", "test-print")
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"starpos: The printer {virtual_printer.connection} is out of paper. "
        "Load a new roll, then print again."
    ]
    faulty = json.loads(run_starpos("printer", "status", "--json").stdout)
    assert faulty["state"] == "paper-out" and faulty["code"] == "printer.paper_out"

    french = run_starpos("--lang", "fr", "printer", "status")
    assert "n'a plus de papier" in french.stdout


def test_render_writes_a_png_whose_qr_code_reads_back(run_starpos, tmp_path: Path) -> None:
    out = tmp_path / "voucher.png"
    result = run_starpos("printer", "render", "--out", str(out), "--paper-mm", "58", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["columns"] == 32
    assert read_qr_codes(Image.open(out), tmp_path) == [sample_voucher().tokens[0].digits]


def test_a_bad_connection_string_is_one_line(run_starpos, data_dir: Path) -> None:
    refused = run_starpos("settings", "set", "printer.connection", "bluetooth:printer")
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "'bluetooth' is not a known kind of connection" in refused.stderr
    # The same string edited into the settings file by hand: refused where it is used.
    (data_dir / "settings.json").write_text('{"printer.connection": "bluetooth:printer"}')
    result = run_starpos("printer", "status")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "'bluetooth' is not a known kind of connection" in result.stderr


def test_the_embedded_virtual_printer_is_started_once_and_reused(data_dir: Path) -> None:
    settings = make_settings(data_dir)  # printer.connection empty: the embedded printer
    try:
        first = ensure_virtual_printer(80, "TM-T88V")
        assert ensure_virtual_printer(80, "TM-T88V") == first
        state = json.loads((output_folder() / "virtual-printer.json").read_text())
        assert first == f"network:127.0.0.1:{state['port']}"

        print_voucher(sample_voucher(), settings)
        assert printer_status(settings).state == "ready"
        assert [p.name for p in output_folder().glob("voucher-*.png")] == ["voucher-0001.png"]

        # A different paper width needs a different printer: the old one is replaced.
        narrow = ensure_virtual_printer(58, "TM-T88V")
        assert narrow != first
        assert not _alive(state["pid"])
    finally:
        assert stop_virtual_printer()
    assert not (output_folder() / "virtual-printer.json").exists()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_embedded_printer_switches_off_when_its_starter_ends(data_dir: Path) -> None:
    import subprocess
    import sys
    import time

    from tests.support.processes import child_env

    starter = (
        "from starpos.devices.printer.virtual.launcher import ensure_virtual_printer\n"
        "print(ensure_virtual_printer(58, 'TM-T88V'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", starter], capture_output=True, text=True, timeout=120,
        env=child_env(),
    )  # fmt: skip
    assert result.stdout.startswith("network:127.0.0.1:"), result.stderr
    pid = json.loads((output_folder() / "virtual-printer.json").read_text())["pid"]
    deadline = time.monotonic() + 30
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(pid)
