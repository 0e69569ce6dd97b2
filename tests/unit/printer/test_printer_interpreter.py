"""The virtual printer's ESC/POS interpreter, fed the real bytes; compared with the preview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import ImageChops

from starpos.devices.printer import status
from starpos.devices.printer.escpos_render import voucher_bytes
from starpos.devices.printer.escpos_support import escpos_module, profile_code_pages, profile_dots
from starpos.devices.printer.layout import LayoutOptions, layout_voucher
from starpos.devices.printer.paper import paper_for
from starpos.devices.printer.preview import render_pages
from starpos.devices.printer.template import load_template
from starpos.devices.printer.virtual.interpreter import EscposInterpreter, Page
from starpos.devices.printer.voucher import Voucher, sample_voucher
from tests.unit.printer.printer_helpers import key_change_voucher, read_qr_codes

PROFILE = "TM-T88V"


def interpret(data: bytes, dots: int, chunk: int = 0, state: str = "ready"):
    pages: list[Page] = []
    replies: list[bytes] = []
    interpreter = EscposInterpreter(
        dots,
        profile_code_pages(PROFILE),
        on_page=pages.append,
        status=lambda n: status.answers_for(state)[n],
        reply=replies.append,
    )
    step = chunk or len(data) or 1
    for start in range(0, len(data), step):
        interpreter.feed(data[start : start + step])
    return pages, replies


def layout(voucher: Voucher, mm: int, font: str = "a"):
    options = LayoutOptions(paper_for(mm, profile_dots(PROFILE)), True, True)
    return layout_voucher(voucher, replace(load_template(), font=font), options)


@pytest.mark.parametrize(
    ("voucher", "mm", "font"),
    [
        (sample_voucher(), 80, "a"),
        (sample_voucher(reprint=True), 58, "a"),
        (replace(sample_voucher(), language="zh_CN"), 58, "a"),
        (replace(key_change_voucher(), language="fr"), 80, "a"),
        (sample_voucher(), 58, "b"),
        (replace(sample_voucher(reprint=True), language="zh_CN"), 80, "b"),
    ],
)
def test_the_printed_paper_is_the_preview_dot_for_dot(voucher: Voucher, mm: int, font: str) -> None:
    planned = layout(voucher, mm, font)
    pages, _ = interpret(voucher_bytes(planned, PROFILE), planned.paper.dots)
    preview = render_pages(planned)
    assert len(pages) == len(preview) == 1
    assert pages[0].image.size == preview[0].size
    assert ImageChops.logical_xor(pages[0].image, preview[0]).getbbox() is None
    assert pages[0].drawer_kicks == (0 if voucher.reprint else 1)


def test_bytes_arriving_in_small_pieces_print_the_same() -> None:
    planned = layout(sample_voucher(), 80)
    data = voucher_bytes(planned, PROFILE)
    whole, _ = interpret(data, planned.paper.dots)
    pieces, _ = interpret(data, planned.paper.dots, chunk=7)
    assert pieces[0].text == whole[0].text
    assert ImageChops.logical_xor(pieces[0].image, whole[0].image).getbbox() is None


def test_the_printed_text_holds_the_amounts() -> None:
    planned = layout(sample_voucher(), 80)
    pages, _ = interpret(voucher_bytes(planned, PROFILE), planned.paper.dots)
    rows = pages[0].text.splitlines()
    assert "Net amount                      115.00 ZAR" in rows
    assert "Change                            5.00 ZAR" in rows


def test_native_gs_k_qr_code_is_printed_and_decodes(tmp_path: Path) -> None:
    dummy = escpos_module("printer").Dummy(profile=PROFILE)
    dummy.text("native QR\n")
    dummy.qr("56381247093816254708", native=True, size=6)
    dummy.cut()
    pages, _ = interpret(bytes(dummy.output), 512)
    assert "[qr 56381247093816254708]" in pages[0].text
    assert read_qr_codes(pages[0].image, tmp_path) == ["56381247093816254708"]


@pytest.mark.parametrize("state", status.FAULT_STATES)
def test_dle_eot_is_answered_and_python_escpos_reads_it_the_same_way(state: str) -> None:
    _, replies = interpret(b"\x10\x04\x01\x10\x04\x02\x10\x04\x04", 512, state=state)
    printer, offline, paper = (reply[0] for reply in replies)
    assert status.decode_status(status.StatusBytes(printer, offline, paper)) == state
    # python-escpos' own readers (is_online, paper_status) agree with the decoding.
    answers = iter([bytes([printer]), bytes([paper])])
    reader = escpos_module("printer").Dummy(profile=PROFILE)
    reader._read = lambda: next(answers)
    assert reader.is_online() == (state in (status.READY, status.PAPER_LOW))
    assert reader.paper_status() == {status.PAPER_OUT_STATE: 0, status.PAPER_LOW: 1}.get(state, 2)


def test_a_malformed_status_answer_is_unknown() -> None:
    assert status.decode_status(status.StatusBytes(0xFF, 0x12, 0x12)) == status.UNKNOWN


def test_unknown_commands_are_skipped_with_their_parameters() -> None:
    data = b"\x1b@\x1b-\x01under\n\x1dB\x01inverse\n\x1b*\x00\x02\x00\xff\xffcol\n\x1dV\x00"
    pages, _ = interpret(data, 384)
    assert pages[0].text.splitlines() == ["under", "inverse", "col"]
