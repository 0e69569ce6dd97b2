from __future__ import annotations

from pathlib import Path

import pytest

from starpos.devices.printer.connection import parse_connection
from starpos.devices.printer.errors import (
    PrinterConnectionStringError,
    PrinterNotFoundError,
)
from starpos.devices.printer.escpos_render import voucher_bytes
from starpos.devices.printer.service import print_voucher, printer_status, voucher_layout
from starpos.devices.printer.voucher import sample_voucher
from tests.unit.printer.printer_helpers import make_settings


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("network:192.168.1.50:9100", {"kind": "network", "host": "192.168.1.50", "port": 9100}),
        ("network:printer.local", {"kind": "network", "host": "printer.local", "port": 9100}),
        ("usb:04b8:0202", {"kind": "usb", "vendor_id": 0x04B8, "product_id": 0x0202}),
        ("serial:/dev/ttyUSB0:19200", {"kind": "serial", "device": "/dev/ttyUSB0", "baud": 19200}),
        ("serial:/dev/ttyS1", {"kind": "serial", "device": "/dev/ttyS1", "baud": 9600}),
        ("file:/dev/usb/lp0", {"kind": "file", "device": "/dev/usb/lp0"}),
        ("cups:Front_Desk", {"kind": "cups", "device": "Front_Desk"}),
        ("", {"kind": "virtual"}),
        ("virtual", {"kind": "virtual"}),
    ],
)
def test_connection_strings(text: str, fields: dict[str, object]) -> None:
    connection = parse_connection(text)
    for name, value in fields.items():
        assert getattr(connection, name) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("bluetooth:00:11", "not a known kind"),
        ("network:", "needs an address"),
        ("network:host:99999", "port between 1 and 65535"),
        ("network:host:http", "not a valid port"),
        ("usb:04b8", "vendor and product id"),
        ("usb:zz:0202", "not a valid USB id"),
    ],
)
def test_bad_connection_strings_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(PrinterConnectionStringError, match=reason) as caught:
        parse_connection(text)
    assert caught.value.code == "printer.connection_string"


def test_a_file_printer_gets_the_voucher_bytes(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    settings = make_settings(tmp_path, printer__connection=f"file:{target}")
    result = print_voucher(sample_voucher(), settings)
    expected = voucher_bytes(voucher_layout(sample_voucher(), settings), "TM-T88V")
    assert target.read_bytes() == expected
    assert result.bytes_sent == len(expected)
    assert result.status_before.state == result.status_after.state == "unknown"


def test_a_missing_device_file_is_not_found(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, printer__connection=f"file:{tmp_path}/no/such/lp0")
    with pytest.raises(PrinterNotFoundError) as caught:
        print_voucher(sample_voucher(), settings)
    assert "No such file or directory" in caught.value.params["native"]


def test_a_usb_printer_that_is_not_plugged_in_is_not_found(tmp_path: Path) -> None:
    # Real pyusb + libusb: nothing with this id is on the bus of a test machine.
    settings = make_settings(tmp_path, printer__connection="usb:04b8:0e99")
    status = printer_status(settings)
    assert isinstance(status.error, PrinterNotFoundError)
    assert "not found" in status.error.params["native"].lower()
    with pytest.raises(PrinterNotFoundError):
        print_voucher(sample_voucher(), settings)


def test_a_serial_port_that_does_not_exist_is_not_found(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, printer__connection=f"serial:{tmp_path}/ttyUSB9:19200")
    with pytest.raises(PrinterNotFoundError) as caught:
        print_voucher(sample_voucher(), settings)
    assert str(tmp_path) in caught.value.params["native"]


def test_printing_from_a_forbidden_thread_fails_loudly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from starpos.devices.printer import service

    monkeypatch.setattr(service, "_forbidden_threads", set())
    service.forbid_blocking_calls_from(threading.current_thread())
    settings = make_settings(tmp_path, printer__connection=f"file:{tmp_path / 'lp0'}")
    with pytest.raises(RuntimeError, match="GUI thread"):
        print_voucher(sample_voucher(), settings)
    with pytest.raises(RuntimeError, match="GUI thread"):
        printer_status(settings)
    assert not (tmp_path / "lp0").exists()


def test_the_package_imports_without_loading_escpos() -> None:
    import subprocess
    import sys

    from tests.support.processes import child_env

    code = "import sys, starpos.devices.printer; print('escpos' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_cups_without_pycups_names_the_missing_package(tmp_path: Path) -> None:
    pytest.importorskip("escpos")
    try:
        import cups  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("pycups is installed here")
    settings = make_settings(tmp_path, printer__connection="cups:Front_Desk")
    status = printer_status(settings)
    assert status.error is not None and status.error.code == "printer.support_missing"
    assert status.error.params == {"kind": "CUPS", "package": "pycups"}
