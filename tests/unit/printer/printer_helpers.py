"""Helpers the printer tests share: settings, vouchers, reading QR codes back with zbarimg."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from starpos.devices.printer.voucher import (
    KEY_CHANGE_TOKEN_1,
    KEY_CHANGE_TOKEN_2,
    TokenSection,
    Voucher,
    sample_voucher,
)
from starpos.settings import Settings


def make_settings(folder: Path, **values: object) -> Settings:
    settings = Settings(folder)
    for key, value in values.items():
        settings.set(key.replace("__", "."), value)
    return settings


def key_change_voucher() -> Voucher:
    return replace(
        sample_voucher(),
        tokens=(
            TokenSection(KEY_CHANGE_TOKEN_1, "12345678901234567890"),
            TokenSection(KEY_CHANGE_TOKEN_2, "09876543210987654321"),
        ),
    )


def odd_amount_voucher() -> Voucher:
    """Amounts a fixed layout would not guess: three decimals, thousands, a zero line."""
    voucher = sample_voucher()
    lines = (
        replace(voucher.amount_lines[0], amount=Decimal("1234.567")),
        replace(voucher.amount_lines[1], amount=Decimal("0.000")),
    )
    return replace(
        voucher,
        amount_lines=lines,
        net_amount=Decimal("1234.567"),
        paid=Decimal("1300.000"),
        change=Decimal("65.433"),
        currency="KWD",
    )


def read_qr_codes(image: Image.Image, folder: Path) -> list[str]:
    """Every QR code zbarimg finds on ``image`` (a quiet white border is added first)."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.fail("zbarimg is missing: apt-get install zbar-tools (scripts/setup.sh does)")
    framed = Image.new("L", (image.width + 80, image.height + 80), 255)
    framed.paste(image.convert("L"), (40, 40))
    path = folder / "qr-check.png"
    framed.save(path)
    result = subprocess.run(
        [zbarimg, "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.split()
