"""Vouchers printed over real TCP to the virtual printer process, read back from its PNGs."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from starpos.devices.printer import service
from starpos.devices.printer.errors import (
    PrinterCoverOpenError,
    PrinterFaultError,
    PrinterOfflineError,
    PrinterPaperOutError,
    PrinterTimeoutError,
)
from starpos.devices.printer.preview import render_preview
from starpos.devices.printer.service import print_voucher, printer_status, voucher_layout
from starpos.devices.printer.voucher import sample_voucher
from tests.unit.printer.printer_helpers import (
    key_change_voucher,
    make_settings,
    odd_amount_voucher,
    read_qr_codes,
)


def settings_for(tmp_path: Path, printer, mm: int = 80):
    return make_settings(
        tmp_path / "settings", printer__connection=printer.connection, printer__paper_mm=mm
    )


@pytest.mark.parametrize("mm", [58, 80])
def test_voucher_prints_as_previewed_and_its_qr_code_reads_back(
    mm: int, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    printer = request.getfixturevalue("virtual_printer_58" if mm == 58 else "virtual_printer")
    settings = settings_for(tmp_path, printer, mm)
    voucher = odd_amount_voucher()

    result = print_voucher(voucher, settings)

    assert result.status_before.state == result.status_after.state == "ready"
    [png] = printer.vouchers()
    paper = Image.open(png)
    preview = render_preview(voucher_layout(voucher, settings))
    assert paper.size == preview.size and paper.width == (384 if mm == 58 else 512)
    assert ImageChops.logical_xor(paper.convert("1"), preview).getbbox() is None
    assert read_qr_codes(paper, tmp_path) == [voucher.tokens[0].digits]

    printed = png.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
    for line in voucher.amount_lines:
        assert any(row.startswith(line.label) and row.endswith(f" {line.amount} KWD")
                   for row in printed)  # fmt: skip
    assert any(row.startswith("Net amount") and row.endswith(" 1234.567 KWD") for row in printed)
    assert any(row.startswith("Change") and row.endswith(" 65.433 KWD") for row in printed)


def test_reprint_and_key_change_on_the_paper(tmp_path: Path, virtual_printer) -> None:
    settings = settings_for(tmp_path, virtual_printer)
    print_voucher(replace(key_change_voucher(), reprint=True), settings)
    [png] = virtual_printer.vouchers()
    text = png.with_suffix(".txt").read_text(encoding="utf-8")
    assert text.startswith("*** REPRINT ***\n")
    assert "[cash drawer kick]" not in text
    assert sorted(read_qr_codes(Image.open(png), tmp_path)) == sorted(
        ["12345678901234567890", "09876543210987654321"]
    )


def test_each_voucher_is_its_own_png(tmp_path: Path, virtual_printer) -> None:
    settings = settings_for(tmp_path, virtual_printer)
    for _ in range(3):
        print_voucher(sample_voucher(), settings)
    assert [path.name for path in virtual_printer.vouchers()] == [
        "voucher-0001.png",
        "voucher-0002.png",
        "voucher-0003.png",
    ]


def test_nobody_listening_is_offline_with_the_native_error(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = make_settings(tmp_path, printer__connection=f"network:127.0.0.1:{port}")
    with pytest.raises(PrinterOfflineError) as caught:
        print_voucher(sample_voucher(), settings)
    assert caught.value.params["errno"] == 111
    assert "Connection refused" in caught.value.params["native"]
    status = printer_status(settings)
    assert status.state == "offline" and isinstance(status.error, PrinterOfflineError)


@pytest.mark.parametrize(
    ("state", "error"),
    [
        ("paper-out", PrinterPaperOutError),
        ("cover-open", PrinterCoverOpenError),
        ("offline", PrinterOfflineError),
        ("error", PrinterFaultError),
    ],
)
def test_a_fault_raises_its_error_and_nothing_prints(
    state: str, error: type, tmp_path: Path, virtual_printer
) -> None:
    settings = settings_for(tmp_path, virtual_printer)
    virtual_printer.set_state(state)
    with pytest.raises(error) as caught:
        print_voucher(sample_voucher(), settings)
    assert caught.value.params["connection"] == virtual_printer.connection
    assert "DLE EOT" in caught.value.params["native"]
    assert printer_status(settings).state == state
    assert virtual_printer.vouchers() == []

    virtual_printer.set_state("ready")  # the cashier fixed it: the reprint goes through
    print_voucher(sample_voucher(reprint=True), settings)
    assert len(virtual_printer.vouchers()) == 1


def test_paper_near_end_still_prints_and_says_so(tmp_path: Path, virtual_printer) -> None:
    settings = settings_for(tmp_path, virtual_printer)
    virtual_printer.set_state("paper-near-end")
    result = print_voucher(sample_voucher(), settings)
    assert result.status_after.state == "paper-near-end" and result.status_after.ready
    assert len(virtual_printer.vouchers()) == 1


@pytest.fixture
def silent_printer() -> Iterator[int]:
    """A TCP peer that takes the bytes and never answers a status query."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def swallow() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(0.1)
                while not stop.is_set():
                    try:
                        if not connection.recv(4096):
                            break
                    except TimeoutError:
                        continue

    thread = threading.Thread(target=swallow, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(5)
    listener.close()


def test_a_printer_that_never_answers_times_out(
    tmp_path: Path, silent_printer: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "TIMEOUT_SECONDS", 0.5)
    settings = make_settings(tmp_path, printer__connection=f"network:127.0.0.1:{silent_printer}")
    with pytest.raises(PrinterTimeoutError) as caught:
        print_voucher(sample_voucher(), settings)
    assert caught.value.params["seconds"] == 0.5
