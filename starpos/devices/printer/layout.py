"""Voucher + template -> abstract print lines, the one layout both paper and preview use.

The lines say what to print (text rows with alignment, bold and size; QR codes; feeds; the
cut; the drawer kick), never how: :mod:`escpos_render` turns them into ESC/POS bytes and
:mod:`preview` into an image, so the preview is exactly the paper.
"""

from __future__ import annotations

import string
import textwrap
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from starpos.devices.printer.paper import Paper
from starpos.devices.printer.template import Element, Template
from starpos.devices.printer.voucher import CREDIT_ON_CARD, Voucher, group_token
from starpos.i18n import translate

CONTEXT = "voucher"
_SIZE_FACTORS = {"normal": (1, 1), "tall": (1, 2), "wide": (2, 1), "double": (2, 2)}


@dataclass(frozen=True)
class TextRow:
    """One row of text that fits the paper at its size (``width``/``height`` are 1 or 2)."""

    text: str
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1
    font: str = "a"


@dataclass(frozen=True)
class QrCode:
    """A QR code of ``data``, ``module_dots`` printer dots per module, centred."""

    data: str
    module_dots: int = 6


@dataclass(frozen=True)
class Feed:
    rows: int = 1


@dataclass(frozen=True)
class Cut:
    pass


@dataclass(frozen=True)
class DrawerKick:
    pass


PrintLine = TextRow | QrCode | Feed | Cut | DrawerKick


@dataclass(frozen=True)
class LayoutOptions:
    paper: Paper
    qr_code: bool = True
    cash_drawer: bool = False


@dataclass(frozen=True)
class VoucherLayout:
    paper: Paper
    lines: tuple[PrintLine, ...]
    font: str = "a"

    @property
    def columns(self) -> int:
        return self.paper.columns_in(self.font)

    def text(self) -> str:
        """The printed text, one row a line (what a person reads on the paper)."""
        return "\n".join(line.text for line in self.lines if isinstance(line, TextRow))


def cell_width(text: str) -> int:
    """Printer cells ``text`` takes in font A: wide East Asian characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def layout_voucher(voucher: Voucher, template: Template, options: LayoutOptions) -> VoucherLayout:
    builder = _Builder(voucher, options, template.font)
    for element in template.elements:
        if builder.applies(element.when):
            builder.add(element)
    return VoucherLayout(options.paper, tuple(builder.lines), template.font)


class _Builder:
    def __init__(self, voucher: Voucher, options: LayoutOptions, font: str) -> None:
        self.voucher = voucher
        self.options = options
        self.font = font
        self.columns = options.paper.columns_in(font)
        self.lines: list[PrintLine] = []
        self.fields = _fields(voucher)

    def tr(self, source: str) -> str:
        return translate(CONTEXT, source, self.voucher.language)

    def applies(self, condition: str) -> bool:
        voucher, options = self.voucher, self.options
        return {
            "": True,
            "reprint": voucher.reprint,
            "original": not voucher.reprint,
            "cash_sale": voucher.cash_sale,
            "drawer": voucher.cash_sale and options.cash_drawer and not voucher.reprint,
            "qr_code": options.qr_code,
        }[condition]

    def fill(self, pattern: str) -> str | None:
        """``pattern`` with its placeholders filled, or None when every placeholder is empty."""
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name]
        if names and all(self.fields.get(name, "") == "" for name in names):
            return None
        return pattern.format_map(_Missing(self.fields))

    def add(self, element: Element) -> None:
        getattr(self, f"_add_{element.kind}")(element)

    def _add_text(self, element: Element) -> None:
        text = self.fill(self.tr(element.text))
        if text is not None:
            self.wrapped(text, element.align, element.bold, *_SIZE_FACTORS[element.size])

    def _add_pair(self, element: Element) -> None:
        value = self.fill(element.value)
        if value is not None:
            self.pair(self.tr(element.label), value.strip(), element.bold)

    def _add_lines(self, element: Element) -> None:
        for line in getattr(self.voucher, element.field):
            self.wrapped(line, element.align, element.bold, *_SIZE_FACTORS[element.size])

    def _add_amount_lines(self, element: Element) -> None:
        for line in self.voucher.amount_lines:
            self.pair(self.tr(line.label), f"{line.amount} {self.voucher.currency}", element.bold)

    def _add_tokens(self, element: Element) -> None:
        if self.voucher.card_serial:
            self.wrapped(self.tr(CREDIT_ON_CARD), "center", False, 1, 1)
            self.wrapped(self.voucher.card_serial, "center", True, 1, 2)
        for token in self.voucher.tokens:
            self.wrapped(self.tr(token.label), "center", False, 1, 1)
            groups = group_token(token.digits)
            # Large type (double width and height); when one row cannot hold the token the
            # groups are shared out evenly (3 + 2 rather than 4 + 1).
            per_row = max(1, (self.columns // 2 + 1) // 5)
            rows = -(-len(groups) // per_row)
            size = -(-len(groups) // rows)
            for start in range(0, len(groups), size):
                row = " ".join(groups[start : start + size])
                self.lines.append(TextRow(row, "center", True, 2, 2, self.font))

    def _add_qr(self, element: Element) -> None:
        for token in self.voucher.tokens:
            self.lines.append(QrCode(token.digits, element.module_dots))

    def _add_rule(self, element: Element) -> None:
        self.lines.append(TextRow(element.char * self.columns, font=self.font))

    def _add_feed(self, element: Element) -> None:
        self.lines.append(Feed(element.rows))

    def _add_cut(self, element: Element) -> None:
        self.lines.append(Cut())

    def _add_drawer(self, element: Element) -> None:
        self.lines.append(DrawerKick())

    def wrapped(self, text: str, align: str, bold: bool, width: int, height: int) -> None:
        room = self.columns // width
        for row in wrap_cells(text, room):
            self.lines.append(TextRow(row, align, bold, width, height, self.font))

    def pair(self, label: str, value: str, bold: bool) -> None:
        """``label ........ value`` on one row, or the value right-aligned below."""
        gap = self.columns - cell_width(label) - cell_width(value)
        if gap >= 1:
            self.lines.append(TextRow(label + " " * gap + value, "left", bold, font=self.font))
            return
        self.wrapped(label, "left", bold, 1, 1)
        for row in wrap_cells(value, self.columns):
            padding = " " * (self.columns - cell_width(row))
            self.lines.append(TextRow(padding + row, "left", bold, font=self.font))


def wrap_cells(text: str, room: int) -> list[str]:
    """Break ``text`` into rows of at most ``room`` cells (words first, then characters)."""
    if cell_width(text) <= room:
        return [text]
    rows: list[str] = []
    for piece in textwrap.wrap(text, width=room, break_long_words=False) or [""]:
        current = ""
        for char in piece:
            if cell_width(current + char) > room:
                rows.append(current)
                current = ""
            current += char
        rows.append(current)
    return rows


def _fields(voucher: Voucher) -> dict[str, str]:
    values: dict[str, Any] = {name: getattr(voucher, name) for name in voucher.__dataclass_fields__}
    return {
        name: ("" if value is None else str(value))
        for name, value in values.items()
        if value is None or isinstance(value, (str, Decimal, int))
    }


class _Missing(dict[str, str]):
    """Placeholders a template names but the voucher lacks print as nothing."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__(values)

    def __missing__(self, key: str) -> str:
        return ""
