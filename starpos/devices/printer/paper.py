"""Paper geometry shared by the layout, the ESC/POS renderer, the preview and the virtual printer.

A thermal printer prints font A in cells of 12 x 24 dots and font B in cells of 9 x 17; 80 mm
paper has 576 printable dots (72 mm at 203 dpi), 58 mm paper 384 (48 mm). A printer profile
that knows its own printable width (python-escpos ``media.width.pixels``, e.g. 512 for a
TM-T88V) narrows that, so the number of columns is what the printer can really print:
48 (font A) or 64 (font B) on 576 dots, 42 or 56 on 512, 32 or 42 on 384.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.devices.printer.errors import VoucherDataError

#: Character cell (width, height) in dots of the printer's fonts A and B.
FONT_CELLS: dict[str, tuple[int, int]] = {"a": (12, 24), "b": (9, 17)}
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
        return self.columns_in("a")

    def columns_in(self, font: str) -> int:
        """Characters per line in ``font`` (``"a"`` or ``"b"``)."""
        return self.dots // FONT_CELLS[font][0]


def row_height(height_factor: int, font: str = "a") -> int:
    """Dots one text row of the given height factor (1 or 2) takes on the paper."""
    return FONT_CELLS[font][1] * height_factor + ROW_GAP_DOTS


def paper_for(width_mm: int, profile_dots: int | None = None) -> Paper:
    """The paper for ``width_mm`` (58 or 80), narrowed to what the printer profile can print."""
    if width_mm not in PAPER_DOTS:
        raise VoucherDataError(reason=f"the paper width must be 58 or 80 mm, not {width_mm}")
    dots = PAPER_DOTS[width_mm]
    if profile_dots:
        dots = min(dots, profile_dots)
    return Paper(width_mm, dots - dots % 8)
