"""Whatever bytes arrive, the virtual printer's interpreter keeps going, as a printer does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from starpos.devices.printer.escpos_support import profile_code_pages
from starpos.devices.printer.virtual.interpreter import EscposInterpreter, Page

COMMAND_BYTES = st.sampled_from(
    [b"\x1b", b"\x1d", b"\x10", b"\x1c", b"\n", b"\x1dv0", b"\x1d(k", b"\x1dV", b"\x1b!", b"A"]
)
NOISE = st.lists(st.one_of(st.binary(max_size=12), COMMAND_BYTES), max_size=40).map(b"".join)


def run(data: bytes, chunk: int) -> tuple[list[str], int]:
    pages: list[Page] = []
    replies: list[bytes] = []
    interpreter = EscposInterpreter(
        384, profile_code_pages("TM-T88V"), pages.append, lambda n: 0x12, replies.append
    )
    for start in range(0, len(data), chunk):
        interpreter.feed(data[start : start + chunk])
    interpreter.finish_page()
    return [page.text for page in pages], len(replies)


@settings(max_examples=300, deadline=None)
@given(NOISE, st.integers(min_value=1, max_value=9))
def test_any_bytes_in_any_pieces_print_the_same_without_crashing(data: bytes, chunk: int) -> None:
    assert run(data, chunk) == run(data, len(data) or 1)


def test_edge_cases_a_printer_meets() -> None:
    assert run(b"\x1dv0\x00\x00\x00\x05\x00", 64) == (["[image 0x5]"], 0)  # empty image
    assert run(b"\x1dv0\x00\x50\x00\x01\x00" + b"\xff" * 80, 64) == (["[image 640x1]"], 0)
    assert run(b"\x1d(k\x03\x001Q0", 64) == (["[qr ]"], 0)  # print a QR code never stored
    assert run(b"\x1d!\xffbig\n", 64) == (["big"], 0)  # 8 x 8 size, cut off at the edge
    assert run(b"\x10\x04\x01\x10\x04\x04", 64) == ([""], 2)
