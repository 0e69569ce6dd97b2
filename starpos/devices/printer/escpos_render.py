"""Print lines -> ESC/POS through python-escpos.

Text goes out as text in one fixed code page (CP858 where the profile has it: Latin with
the euro sign, so French prints as text); a row that code page cannot hold (Chinese, for
instance) goes out as a raster image of the same row, drawn like the preview. QR codes are
sent as raster images (``GS v 0``), which every graphics-capable printer prints the same way,
rather than the printer's own ``GS ( k``, whose size and support vary by model.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from starpos.devices.printer.escpos_support import escpos_module
from starpos.devices.printer.glyphs import Run, draw_row, qr_image
from starpos.devices.printer.layout import Cut, DrawerKick, Feed, QrCode, TextRow, VoucherLayout

#: Code pages tried in this order; the first one the profile has is used for all text.
PREFERRED_CODE_PAGES = ("CP858", "CP1252", "CP850", "CP437")


def choose_code_page(printer: Any) -> tuple[str, str]:
    """``(escpos name, python codec)`` of the code page the text is sent in."""
    pages = printer.profile.get_code_pages()
    codepages = escpos_module("codepages").CodePages
    for name in PREFERRED_CODE_PAGES:
        if name in pages:
            return name, codepages.get_encoding(name)["python_encode"]
    return "CP437", "cp437"


def render_escpos(layout: VoucherLayout, printer: Any) -> None:
    """Send ``layout`` to a python-escpos printer object (``Dummy``, ``Network``, ``Usb`` ...)."""
    printer.hw("INIT")
    name, codec = choose_code_page(printer)
    printer.magic.force_encoding(name)
    dots = layout.paper.dots
    for line in layout.lines:
        if isinstance(line, TextRow):
            if _encodable(line.text, codec):
                printer.set(
                    align=line.align,
                    font=line.font,
                    bold=line.bold,
                    normal_textsize=line.width == 1 and line.height == 1,
                    double_width=line.width == 2,
                    double_height=line.height == 2,
                )
                printer.text(line.text + "\n")
            else:
                run = Run(line.text, line.bold, line.width, line.height, line.font)
                _image(printer, draw_row([run], line.align, dots))
        elif isinstance(line, QrCode):
            _image(printer, qr_image(line.data, line.module_dots, dots))
        elif isinstance(line, Feed):
            printer.set(align="left", font=layout.font, bold=False, normal_textsize=True)
            printer.ln(line.rows)
        elif isinstance(line, Cut):
            printer.cut(feed=False)
        elif isinstance(line, DrawerKick):
            printer.cashdraw(2)


def voucher_bytes(layout: VoucherLayout, profile: str | None) -> bytes:
    """The ESC/POS bytes of ``layout`` for a printer of ``profile``."""
    dummy = escpos_module("printer").Dummy(profile=profile)
    render_escpos(layout, dummy)
    return bytes(dummy.output)


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _image(printer: Any, image: Any) -> None:
    printer.set(align="left", bold=False, normal_textsize=True)
    # python-escpos prints a notice on stdout for profiles without a media width; the image
    # is already paper-wide, so the notice says nothing useful and would spoil --json output.
    with contextlib.redirect_stdout(io.StringIO()):
        printer.image(image, impl="bitImageRaster", center=False)
