"""The ESC/POS bytes python-escpos makes for a voucher (Dummy), read as a printer reads them."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from starpos.devices.printer.escpos_render import voucher_bytes
from starpos.devices.printer.escpos_support import profile_dots
from starpos.devices.printer.layout import LayoutOptions, layout_voucher
from starpos.devices.printer.paper import paper_for
from starpos.devices.printer.template import load_template
from starpos.devices.printer.voucher import Voucher, sample_voucher
from tests.unit.printer.printer_helpers import key_change_voucher, odd_amount_voucher, read_qr_codes

ESC, GS = b"\x1b", b"\x1d"


def render(voucher: Voucher, mm: int = 80, profile: str = "TM-T88V", drawer: bool = False) -> bytes:
    options = LayoutOptions(paper_for(mm, profile_dots(profile)), True, drawer)
    return voucher_bytes(layout_voucher(voucher, load_template(), options), profile)


def raster_images(data: bytes) -> list[Image.Image]:
    """Every ``GS v 0`` image in ``data`` (a 1 bit is a black dot)."""
    images, start = [], 0
    while (start := data.find(GS + b"v0", start)) >= 0:
        width_bytes = data[start + 4] + 256 * data[start + 5]
        height = data[start + 6] + 256 * data[start + 7]
        body = data[start + 8 : start + 8 + width_bytes * height]
        inverted = bytes(byte ^ 0xFF for byte in body)
        images.append(Image.frombytes("1", (width_bytes * 8, height), inverted))
        start += 8 + len(body)
    return images


def test_voucher_starts_with_init_and_a_fixed_code_page_and_ends_with_a_cut() -> None:
    data = render(sample_voucher())
    assert data.startswith(ESC + b"@" + ESC + b"t\x13")  # CP858 on a TM-T88V
    assert re.search(rb"\x1dV(?:[\x00\x01\x30\x31]|[AB].)\Z", data, re.DOTALL)


def test_amounts_are_sent_as_the_vouchers_text() -> None:
    data = render(odd_amount_voucher())
    for amount in ("1234.567 KWD", "0.000 KWD", "1300.000 KWD", "65.433 KWD", "55.3 kWh"):
        assert amount.encode("cp858") + b"\n" in data


def test_token_goes_out_bold_double_width_and_height() -> None:
    data = render(sample_voucher(), profile="TM-T20II")
    token = b"5638 1247 0938 1625 4708\n"
    style = data[: data.index(token)].rsplit(b"\n", 1)[-1]
    assert ESC + b"!\x30" in style and ESC + b"E\x01" in style and ESC + b"a\x01" in style


def test_french_accents_go_out_as_text_in_cp858() -> None:
    data = render(replace(sample_voucher(), language="fr"))
    assert "Jeton de crédit".encode("cp858") in data


def test_text_the_code_page_cannot_hold_goes_out_as_a_raster_row() -> None:
    english = raster_images(render(sample_voucher()))
    chinese = raster_images(render(replace(sample_voucher(), language="zh_CN")))
    assert len(english) == 1  # the QR code only
    assert len(chinese) > 10
    assert all(image.width == 512 for image in chinese)


def test_drawer_kick_only_when_configured() -> None:
    assert ESC + b"p" not in render(sample_voucher())
    assert ESC + b"p\x00" in render(sample_voucher(), drawer=True)


@pytest.mark.parametrize("mm", [58, 80])
def test_the_qr_code_decodes_back_to_the_token(mm: int, tmp_path: Path) -> None:
    images = raster_images(render(key_change_voucher(), mm))
    assert len(images) == 2
    decoded = [read_qr_codes(image, tmp_path) for image in images]
    assert decoded == [["12345678901234567890"], ["09876543210987654321"]]


def test_images_fit_the_printer_profile() -> None:
    for profile, mm, width in (("TM-T88V", 80, 512), ("TM-T20II", 80, 576), ("TM-T88V", 58, 384)):
        assert {image.width for image in raster_images(render(sample_voucher(), mm, profile))} == {
            width
        }


def test_font_b_is_selected_for_every_row() -> None:
    options = LayoutOptions(paper_for(58, profile_dots("TM-T88V")), True, False)
    template = replace(load_template(), font="b")
    rows = voucher_bytes(layout_voucher(sample_voucher(), template, options), "TM-T88V")
    rows_with_money = [row for row in rows.split(b"\n") if b"ZAR" in row]
    assert len(rows_with_money) == 7  # four breakdown lines, net, paid, change
    assert all(ESC + b"M\x01" in row for row in rows_with_money)  # font B, set on each row
    assert any(row.endswith(b"Net amount" + b" " * 22 + b"115.00 ZAR") for row in rows_with_money)
