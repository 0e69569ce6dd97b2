"""Paper geometry shared by the layout, the ESC/POS renderer, the preview and the virtual printer.

A thermal printer prints font A in cells of 12 x 24 dots; 80 mm paper has 576 printable dots
(72 mm at 203 dpi), 58 mm paper 384 (48 mm). A printer profile that knows its own printable
width (python-escpos ``media.width.pixels``, e.g. 512 for a TM-T88V) narrows that, so the
number of columns is what the printer can really print in font A.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.devices.printer.errors import VoucherDataError

CELL_WIDTH_DOTS = 12
CELL_HEIGHT_DOTS = 24
#: Dots fed below each text row (the printer's default line spacing is 30 dots at 180 dpi).
ROW_GAP_DOTS = 6
#: Printable dots per paper width in millimetres.
PAPER_DOTS: dict[int, int] = {58: 384, 80: 576}


@dataclass(frozen=True)
class Paper:
    """A paper roll as the printer sees it: ``dots`` printable dots across."""

    width_mm: int
    dots: int

    @property
    def columns(self) -> int:
        """Font A characters per line (32 on 58 mm, 48 on 80 mm, 42 on a 512-dot printer)."""
        return self.dots // CELL_WIDTH_DOTS


def row_height(height_factor: int) -> int:
    """Dots one text row of the given height factor (1 or 2) takes on the paper."""
    return CELL_HEIGHT_DOTS * height_factor + ROW_GAP_DOTS


def paper_for(width_mm: int, profile_dots: int | None = None) -> Paper:
    """The paper for ``width_mm`` (58 or 80), narrowed to what the printer profile can print."""
    if width_mm not in PAPER_DOTS:
        raise VoucherDataError(reason=f"the paper width must be 58 or 80 mm, not {width_mm}")
    dots = PAPER_DOTS[width_mm]
    if profile_dots:
        dots = min(dots, profile_dots)
    return Paper(width_mm, dots - dots % 8)
