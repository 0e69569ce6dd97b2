"""Slips and reports on the voucher printer: the X and Z reports and the cash movement
slips of a shift (issue 13), laid out into the same abstract print lines as a voucher
(:mod:`starpos.devices.printer.layout`), so the paper, the preview and the ESC/POS bytes
come from one layout.

A :class:`Slip` is already translated text: a few title rows, then headings, ``label ....
value`` pairs, plain text and rules. The same rows are what the screen and the PDF show, so
all three agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.devices.printer.layout import (
    Cut,
    DrawerKick,
    Feed,
    LayoutOptions,
    PrintLine,
    TextRow,
    VoucherLayout,
    cell_width,
    wrap_cells,
)


@dataclass(frozen=True)
class SlipRow:
    """One row: ``kind`` is ``heading``, ``pair``, ``text`` or ``rule``."""

    kind: str
    label: str = ""
    value: str = ""
    bold: bool = False


@dataclass(frozen=True)
class Slip:
    """A report for the paper: ``title`` rows centred (the first large), then ``rows``;
    ``banner`` (DUPLICATE, X: NOT A CLOSE) printed large under the title; ``kick``: open the
    cash drawer after printing."""

    title: tuple[str, ...]
    rows: tuple[SlipRow, ...]
    banner: str = ""
    kick: bool = False

    def text(self, columns: int = 42) -> str:
        """The slip as plain text of ``columns`` cells (the command line, a log)."""
        lines = []
        for row in _rows(self, columns, "a"):
            room = columns - cell_width(row.text)
            lines.append(" " * (room // 2) + row.text if row.align == "center" else row.text)
        return "\n".join(lines)


def heading(text: str) -> SlipRow:
    return SlipRow("heading", text)


def pair(label: str, value: object, bold: bool = False) -> SlipRow:
    return SlipRow("pair", label, str(value), bold)


def text(value: str) -> SlipRow:
    return SlipRow("text", value)


def rule() -> SlipRow:
    return SlipRow("rule")


def layout_slip(slip: Slip, options: LayoutOptions, font: str = "a") -> VoucherLayout:
    lines: list[PrintLine] = list(_rows(slip, options.paper.columns_in(font), font))
    lines += [Feed(3), Cut()]
    if slip.kick and options.cash_drawer:
        lines.append(DrawerKick())
    return VoucherLayout(options.paper, tuple(lines), font)


def _rows(slip: Slip, columns: int, font: str) -> list[TextRow]:
    rows: list[TextRow] = []
    for position, title in enumerate(slip.title):
        size = 2 if position == 0 and cell_width(title) * 2 <= columns else 1
        for part in wrap_cells(title, columns // size):
            rows.append(TextRow(part, "center", position == 0, size, size, font))
    if slip.banner:
        rows.append(TextRow(slip.banner, "center", True, 1, 2, font))
    for row in slip.rows:
        if row.kind == "rule":
            rows.append(TextRow("-" * columns, "left", False, font=font))
        elif row.kind == "heading":
            parts = wrap_cells(row.label, columns)
            rows.extend(TextRow(part, "left", True, font=font) for part in parts)
        elif row.kind == "text":
            parts = wrap_cells(row.label, columns)
            rows.extend(TextRow(part, "left", row.bold, font=font) for part in parts)
        else:
            rows.extend(_pair(row, columns, font))
    return rows


def _pair(row: SlipRow, columns: int, font: str) -> list[TextRow]:
    gap = columns - cell_width(row.label) - cell_width(row.value)
    if gap >= 1:
        return [TextRow(row.label + " " * gap + row.value, "left", row.bold, font=font)]
    out = [TextRow(part, "left", row.bold, font=font) for part in wrap_cells(row.label, columns)]
    for part in wrap_cells(row.value, columns):
        padding = " " * (columns - cell_width(part))
        out.append(TextRow(padding + part, "left", row.bold, font=font))
    return out
