"""The Z (or an X) as a PDF: the same rows the paper shows (:mod:`starpos.shifts.slips`),
on an A4 page, with reportlab (decision SHF-4). Chinese text uses reportlab's built-in CID
font (STSong-Light), so no font file ships with StarPOS."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from starpos.devices.printer.slip import Slip

_CJK = "STSong-Light"


def _fonts(text: str) -> tuple[str, str]:
    """(regular, bold) fonts that can draw ``text``."""
    if any(ord(char) > 0x2E7F for char in text):
        if _CJK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(_CJK))
        return _CJK, _CJK
    return "Helvetica", "Helvetica-Bold"


def slip_pdf(slip: Slip, *, author: str = "StarPOS") -> bytes:
    """``slip`` as a PDF document (A4, one or more pages)."""
    everything = " ".join([*slip.title, slip.banner, *(r.label + r.value for r in slip.rows)])
    regular, bold = _fonts(everything)
    out = BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setAuthor(author)
    page.setTitle(" - ".join(slip.title[1:2] or slip.title))
    width, height = A4
    left, right = 25 * mm, width - 25 * mm
    y = height - 25 * mm

    def room(needed: float) -> None:
        nonlocal y
        if y - needed < 20 * mm:
            page.showPage()
            y = height - 25 * mm

    for position, title in enumerate(slip.title):
        size = 16 if position == 0 else 12
        page.setFont(bold if position < 2 else regular, size)
        page.drawCentredString(width / 2, y, title)
        y -= size * 1.5
    if slip.banner:
        page.setFont(bold, 14)
        page.drawCentredString(width / 2, y, slip.banner)
        y -= 20
    y -= 6
    for row in slip.rows:
        room(16)
        if row.kind == "rule":
            page.setLineWidth(0.5)
            page.line(left, y + 4, right, y + 4)
            y -= 8
            continue
        if row.kind == "heading":
            y -= 4
            page.setFont(bold, 11)
            page.drawString(left, y, row.label)
        elif row.kind == "text":
            looks_like_hash = len(row.label) == 64 and row.label.isalnum()
            page.setFont("Courier" if looks_like_hash else regular, 9 if looks_like_hash else 10)
            page.drawString(left, y, row.label)
        else:
            page.setFont(bold if row.bold else regular, 10)
            page.drawString(left, y, row.label)
            page.drawRightString(right, y, row.value)
        y -= 14
    page.showPage()
    page.save()
    return out.getvalue()
