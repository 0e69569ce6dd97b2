"""A report as PDF (reportlab): title, the filters used, a table whose header repeats on
every page, the totals, and "page N of M" at the foot of each page.

Chinese reads through reportlab's built-in CID font STSong-Light (no font file to ship):
the whole page in Chinese, and any cell in another language that holds characters
Helvetica lacks. A PDF is for reading and printing: past :data:`MAX_ROWS` rows the writer
refuses and points to CSV, which streams any size.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer

from starpos.errors import StarposError
from starpos.i18n import current_language, tr_noop, translate
from starpos.reports.shape import (
    CONTEXT,
    ColumnKind,
    Report,
    Row,
    Totals,
    cell_text,
    filter_summary,
)

MAX_ROWS = 20_000
CJK = "STSong-Light"
LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
MARGIN = 12 * mm
PAGE = landscape(A4)
NUMBERS = (ColumnKind.MONEY, ColumnKind.ENERGY, ColumnKind.INTEGER)

PAGE_OF = tr_noop(CONTEXT, "Page {page} of {pages}")
TOTAL = tr_noop(CONTEXT, "Total: {rows} rows")
MADE = tr_noop(CONTEXT, "Made {when}")
SECTION = tr_noop(CONTEXT, "Manual section {section}")


class TooManyRowsForPdfError(StarposError):
    code = "reports.too_many_rows_for_pdf"
    template = (
        "The report has more than {limit} rows, too many for a PDF. Narrow the dates or "
        "other filters, or export it as CSV."
    )


@cache
def _cjk() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    return CJK


def _needs_cjk(text: str) -> bool:
    return any(ord(char) > 0xFF for char in text)


def _font(text: str, lang: str, bold: bool = False) -> str:
    if lang.startswith("zh") or _needs_cjk(text):
        return _cjk()
    return LATIN_BOLD if bold else LATIN


def _numbered_canvas(footer: str, lang: str) -> type[Canvas]:
    """A canvas that draws "page N of M" once the page count is known (two passes)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                text = translate(CONTEXT, PAGE_OF, lang).format(page=self._pageNumber, pages=pages)
                line = f"{footer}   {text}"
                self.setFont(_font(line, lang), 7)
                self.drawRightString(PAGE[0] - MARGIN, MARGIN / 2, line)
                super().showPage()
            super().save()

    return NumberedCanvas


def _widths(texts: list[list[str]], fonts: list[str], size: float) -> list[float]:
    """Each column's width: its natural width (header and rows) in proportion to the page."""
    available = PAGE[0] - 2 * MARGIN
    natural = [0.0] * len(texts[0])
    for line in texts[:500]:
        for index, text in enumerate(line):
            width = pdfmetrics.stringWidth(text, fonts[index], size) + 6
            natural[index] = max(natural[index], min(width, available * 0.3))
    # Spread over the whole width: a narrow table stretches, a wide one shrinks (and wraps).
    total = sum(natural)
    return [width * available / total for width in natural]


def write_pdf(
    report: Report,
    rows: Iterable[Row],
    out: BinaryIO,
    choice: dict[str, Any],
    *,
    lang: str | None = None,
    now: datetime | None = None,
) -> int:
    """Lay out ``rows`` as a PDF into ``out``; the number of rows."""
    lang = lang or current_language()
    totals = Totals(report)
    body: list[list[str]] = []
    numbers = [column.kind in NUMBERS for column in report.columns]
    for row in rows:
        if totals.count >= MAX_ROWS:
            raise TooManyRowsForPdfError(limit=MAX_ROWS)
        totals.add(row)
        body.append([cell_text(row[key]) for key in report.keys])
    header = [translate(CONTEXT, column.label, lang) for column in report.columns]
    total_line = [""] * len(header)
    total_line[0] = translate(CONTEXT, TOTAL, lang).format(rows=totals.count)
    for index, column in enumerate(report.columns):
        if column.total and index:
            total_line[index] = cell_text(totals.sums[column.key])
    size = 8 if len(header) <= 9 else 7 if len(header) <= 13 else 6
    base = CJK if lang.startswith("zh") else LATIN
    if base == CJK:
        _cjk()
    fonts = [base] * len(header)
    widths = _widths([header, *body, total_line], fonts, size)
    cell = ParagraphStyle("cell", fontName=base, fontSize=size, leading=size + 2, wordWrap="CJK")

    def fitted(texts: list[str]) -> list[Any]:
        out_cells: list[Any] = []
        for index, text in enumerate(texts):
            font = _font(text, lang)
            if pdfmetrics.stringWidth(text, font, size) + 6 > widths[index]:
                out_cells.append(Paragraph(_escape(text), cell.clone("wrap", fontName=font)))
            else:
                out_cells.append(text)
        return out_cells

    data = [fitted(header), *(fitted(line) for line in body), fitted(total_line)]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), base, size),
        ("FONT", (0, 0), (-1, 0), _font("".join(header), lang, bold=True), size),
        ("FONT", (0, -1), (-1, -1), _font("".join(total_line), lang, bold=True), size),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, colors.HexColor("#f4f6f9")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for index, numeric in enumerate(numbers):
        if numeric:
            style.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    for row_index, line in enumerate(body, start=1):
        for index, text in enumerate(line):
            if base != CJK and _needs_cjk(text):
                style.append(("FONT", (index, row_index), (index, row_index), _cjk(), size))
    table = LongTable(data, colWidths=widths, repeatRows=1, style=style)
    title = translate(CONTEXT, report.title, lang)
    section = translate(CONTEXT, SECTION, lang).format(section=report.section)
    made = translate(CONTEXT, MADE, lang).format(
        when=(now or datetime.now()).isoformat(sep=" ", timespec="minutes")
    )
    filters = filter_summary(report, choice, lang)
    heading = ParagraphStyle("title", fontName=_font(title, lang, bold=True), fontSize=14,
                             leading=18, wordWrap="CJK")  # fmt: skip
    note = ParagraphStyle("note", fontName=_font(filters + made, lang), fontSize=8, leading=10,
                          wordWrap="CJK")  # fmt: skip
    story = [
        Paragraph(_escape(title), heading),
        Paragraph(_escape(f"{section}; {made}"), note),
        Paragraph(_escape(filters), note),
        Spacer(1, 4 * mm),
        table,
    ]
    document = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=title, author="StarPOS",
    )  # fmt: skip
    document.build(story, canvasmaker=_numbered_canvas(title, lang))
    return totals.count


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
