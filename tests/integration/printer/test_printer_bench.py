"""Printer timings for docs/benchmarks.md.

Run: ``pytest tests/integration/printer/test_printer_bench.py -m bench --benchmark-enable``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from starpos.devices.printer.escpos_render import voucher_bytes
from starpos.devices.printer.service import print_voucher, voucher_layout, voucher_preview
from starpos.devices.printer.voucher import sample_voucher
from tests.unit.printer.printer_helpers import make_settings

pytestmark = [pytest.mark.bench, pytest.mark.slow]


def test_bench_layout_and_escpos_bytes(benchmark, tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    voucher = sample_voucher()
    data = benchmark(lambda: voucher_bytes(voucher_layout(voucher, settings), "TM-T88V"))
    assert len(data) > 5000


def test_bench_preview_image(benchmark, tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    image = benchmark(voucher_preview, sample_voucher(), settings)
    assert image.width == 512


def test_bench_print_over_tcp_with_status_before_and_after(
    benchmark, tmp_path: Path, virtual_printer
) -> None:
    settings = make_settings(tmp_path / "s", printer__connection=virtual_printer.connection)
    result = benchmark.pedantic(
        print_voucher, args=(sample_voucher(), settings), rounds=20, iterations=1
    )
    assert result.status_after.state == "ready"
