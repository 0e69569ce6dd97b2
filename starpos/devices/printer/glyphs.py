"""Drawing printer text and QR codes as 1-bit images, the way a thermal printer does.

Shared by the print preview, the raster fallback of the ESC/POS renderer (text the
printer's code page cannot hold, such as Chinese) and the virtual printer, so all three
put the same dots on the page. Font A cells are 12 x 24 dots, font B cells 9 x 17, drawn
with DejaVu Sans Mono; wide East Asian characters take two cells and are drawn with Noto
Sans CJK. Double width and height scale the cell by whole dots, as a printer does. Images
are PIL mode ``"1"`` (0 = black dot, 1 = white paper).
"""

from __future__ import annotations

import glob
import unicodedata
from dataclasses import dataclass
from functools import cache

import qrcode
from PIL import Image, ImageDraw, ImageFont

from starpos.devices.printer.paper import FONT_CELLS, row_height

WHITE = 1
BLACK = 0

_MONO_FILES = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
_CJK_FILES = {False: "NotoSansCJK-Regular.ttc", True: "NotoSansCJK-Bold.ttc"}
#: Index of Simplified Chinese in the Noto CJK collections.
_CJK_INDEX = 2
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")


@dataclass(frozen=True)
class Run:
    """Text printed in one style: ``width``/``height`` are the size factors (1 to 8)."""

    text: str
    bold: bool = False
    width: int = 1
    height: int = 1
    font: str = "a"


@cache
def _font_file(name: str) -> str | None:
    for folder in _FONT_DIRS:
        found = sorted(glob.glob(f"{folder}/**/{name}", recursive=True))
        if found:
            return found[0]
    return None


#: Point sizes that fill each printer font's cell: (DejaVu Sans Mono, Noto Sans CJK).
_SIZES = {"a": (20, 22), "b": (14, 16)}


@cache
def _font(bold: bool, wide: bool, cell: str) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    mono_size, cjk_size = _SIZES[cell]
    if wide:
        path = _font_file(_CJK_FILES[bold]) or _font_file(_CJK_FILES[False])
        if path:
            return ImageFont.truetype(path, cjk_size, index=_CJK_INDEX)
    path = _font_file(_MONO_FILES[bold]) or _font_file(_MONO_FILES[False])
    if path:
        return ImageFont.truetype(path, mono_size)
    # No DejaVu: Pillow's own font still prints something legible.
    return ImageFont.load_default(mono_size)


def fonts_available() -> dict[str, bool]:
    """Which real fonts were found (the PNGs are only trustworthy with both)."""
    return {
        "DejaVu Sans Mono": _font_file(_MONO_FILES[False]) is not None,
        "Noto Sans CJK": _font_file(_CJK_FILES[False]) is not None,
    }


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


@cache
def _glyph(char: str, bold: bool, width: int, height: int, cell_font: str) -> Image.Image:
    wide = is_wide(char)
    cell_width, cell_height = FONT_CELLS[cell_font]
    cell = Image.new("1", (cell_width * (2 if wide else 1), cell_height), WHITE)
    font = _font(bold, wide, cell_font)
    if wide:
        # CJK fonts carry a large line gap: centre the ideograph box in the cell instead.
        top, bottom = font.getbbox("国", anchor="ls")[1::2]
        baseline = (cell_height - (bottom - top)) // 2 - top
        ImageDraw.Draw(cell).text((1, baseline), char, font=font, fill=BLACK, anchor="ls")
    else:
        ImageDraw.Draw(cell).text((0, 0), char, font=font, fill=BLACK)
    if width == 1 and height == 1:
        return cell
    return cell.resize((cell.width * width, cell.height * height), Image.Resampling.NEAREST)


def runs_width(runs: list[Run]) -> int:
    """Dots the runs take across."""
    return sum(
        FONT_CELLS[run.font][0] * run.width * (2 if is_wide(char) else 1)
        for run in runs
        for char in run.text
    )


def draw_row(runs: list[Run], align: str, paper_dots: int) -> Image.Image:
    """One printed row: the runs placed by ``align`` on a paper-wide strip.

    The strip is as tall as the row feeds the paper (the tallest run plus the line gap);
    what does not fit across is cut off, as on a printer.
    """
    height = max((row_height(run.height, run.font) for run in runs), default=row_height(1))
    row = Image.new("1", (paper_dots, height), WHITE)
    used = runs_width(runs)
    x = {"center": (paper_dots - used) // 2, "right": paper_dots - used}.get(align, 0)
    x = max(x, 0)
    for run in runs:
        for char in run.text:
            glyph = _glyph(char, run.bold, run.width, run.height, run.font)
            if x + glyph.width > paper_dots:
                return row
            if not char.isspace():
                row.paste(glyph, (x, 0))
            x += glyph.width
    return row


def qr_image(data: str, module_dots: int, paper_dots: int) -> Image.Image:
    """A QR code of ``data`` (error correction M, 4-module quiet zone), centred on the paper."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module_dots, border=4
    )
    code.add_data(data)
    code.make(fit=True)
    symbol = code.make_image().get_image().convert("1")
    if symbol.width > paper_dots:
        symbol = symbol.resize((paper_dots, paper_dots), Image.Resampling.NEAREST)
    strip = Image.new("1", (paper_dots, symbol.height), WHITE)
    strip.paste(symbol, ((paper_dots - symbol.width) // 2, 0))
    return strip


def stack(strips: list[Image.Image], paper_dots: int) -> Image.Image:
    """Strips one below the other, as the paper comes out of the printer."""
    height = sum(strip.height for strip in strips)
    page = Image.new("1", (paper_dots, max(height, 1)), WHITE)
    y = 0
    for strip in strips:
        page.paste(strip, (0, y))
        y += strip.height
    return page
