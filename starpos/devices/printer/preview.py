"""The print preview: the same print lines drawn as the paper will come out.

Each voucher is cut from the roll at a :class:`~starpos.devices.printer.layout.Cut`; the
preview gives one image per piece of paper, with the very dots the virtual printer draws
from the ESC/POS bytes (both use :mod:`starpos.devices.printer.glyphs`).
"""

from __future__ import annotations

from PIL import Image

from starpos.devices.printer.glyphs import WHITE, Run, draw_row, qr_image, stack
from starpos.devices.printer.layout import Cut, Feed, QrCode, TextRow, VoucherLayout
from starpos.devices.printer.paper import row_height


def render_pages(layout: VoucherLayout) -> list[Image.Image]:
    """One 1-bit image per piece of paper (split at cuts), ``layout.paper.dots`` wide."""
    dots = layout.paper.dots
    pages: list[Image.Image] = []
    strips: list[Image.Image] = []
    for line in layout.lines:
        if isinstance(line, TextRow):
            run = Run(line.text, line.bold, line.width, line.height, line.font)
            strips.append(draw_row([run], line.align, dots))
        elif isinstance(line, QrCode):
            strips.append(qr_image(line.data, line.module_dots, dots))
        elif isinstance(line, Feed):
            strips.append(Image.new("1", (dots, row_height(1, layout.font) * line.rows), WHITE))
        elif isinstance(line, Cut):
            pages.append(stack(strips, dots))
            strips = []
    if strips:
        pages.append(stack(strips, dots))
    return pages


def render_preview(layout: VoucherLayout) -> Image.Image:
    """The voucher as one image (its first piece of paper), for the in-app preview."""
    return render_pages(layout)[0]
