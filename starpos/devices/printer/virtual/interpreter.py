"""An ESC/POS interpreter: the bytes a printer receives -> the paper it would print.

It understands what StarPOS and most POS software send: text in the selected code page
(``ESC t``), ``ESC !``/``GS !`` sizes, ``ESC M`` fonts A and B, ``ESC E`` bold, ``ESC a``
alignment, ``GS v 0`` raster images, ``GS ( k`` native QR codes, ``ESC d``/``ESC J``
feeds, ``GS V`` cuts, ``ESC p`` drawer kicks and ``DLE EOT`` real-time status queries
(answered through a callback). Other commands are consumed with their parameters and
ignored, as a printer lacking a feature would. Input may arrive in pieces of any size: an
incomplete command waits for the next piece.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from starpos.devices.printer.glyphs import WHITE, Run, draw_row, qr_image, stack
from starpos.devices.printer.paper import row_height

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C
LF, CR, HT = 0x0A, 0x0D, 0x09
_ALIGN = {0: "left", 48: "left", 1: "center", 49: "center", 2: "right", 50: "right"}
#: ESC commands followed by exactly this many parameter bytes that we do not act on.
_ESC_SKIP = {
    ord("-"): 1, ord("G"): 1, ord("V"): 1, ord("{"): 1, ord("3"): 1,
    ord(" "): 1, ord("U"): 1, ord("r"): 1, ord("R"): 1, ord("2"): 0, ord("c"): 2,
    ord("="): 1, ord("%"): 1, ord("L"): 0, ord("S"): 0, ord("T"): 1,
    ord("<"): 0, ord("e"): 1, ord("$"): 2, ord("\\"): 2,
}  # fmt: skip
_GS_SKIP = {
    ord("B"): 1, ord("b"): 1, ord("H"): 1, ord("f"): 1, ord("h"): 1, ord("w"): 1,
    ord("L"): 2, ord("W"): 2, ord("P"): 2, ord("I"): 1, ord("r"): 1, ord("a"): 1,
}  # fmt: skip


class NeedMore(Exception):
    """The buffer ends inside a command."""


@dataclass
class Page:
    """One piece of paper, finished by a cut."""

    image: Image.Image
    text: str
    drawer_kicks: int = 0


@dataclass
class _Style:
    bold: bool = False
    width: int = 1
    height: int = 1
    align: str = "left"
    code_page: int = 0
    font: str = "a"


@dataclass
class _State:
    style: _Style = field(default_factory=_Style)
    runs: list[Run] = field(default_factory=list)
    strips: list[Image.Image] = field(default_factory=list)
    text_lines: list[str] = field(default_factory=list)
    drawer_kicks: int = 0
    qr_data: bytes = b""
    qr_module: int = 3


class EscposInterpreter:
    """Feed it bytes; it calls ``on_page`` for every cut and ``status`` for DLE EOT n.

    ``paper_dots`` is the printable width, ``code_pages`` maps ``ESC t`` numbers to Python
    codecs (see :func:`starpos.devices.printer.escpos_support.profile_code_pages`).
    """

    def __init__(
        self,
        paper_dots: int,
        code_pages: dict[int, str],
        on_page: Callable[[Page], None],
        status: Callable[[int], int],
        reply: Callable[[bytes], None],
    ) -> None:
        self.paper_dots = paper_dots
        self.code_pages = code_pages
        self.on_page = on_page
        self.status = status
        self.reply = reply
        self.state = _State()
        self.pending = b""

    def feed(self, data: bytes) -> None:
        buffer = self.pending + data
        position = 0
        while position < len(buffer):
            try:
                position = self._step(buffer, position)
            except NeedMore:
                break
        self.pending = buffer[position:]

    def has_content(self) -> bool:
        return bool(self.state.strips or self.state.runs)

    def finish_page(self) -> None:
        """End the current piece of paper (a cut, or the printer being switched off)."""
        self._flush_line(force=False)
        state = self.state
        page = Page(
            stack(state.strips, self.paper_dots),
            "\n".join(state.text_lines),
            state.drawer_kicks,
        )
        state.strips, state.text_lines, state.drawer_kicks = [], [], 0
        self.on_page(page)

    # --- parsing -------------------------------------------------------------------------

    def _step(self, buf: bytes, pos: int) -> int:
        byte = buf[pos]
        if byte == ESC:
            return self._esc(buf, pos)
        if byte == GS:
            return self._gs(buf, pos)
        if byte == DLE:
            return self._dle(buf, pos)
        if byte == FS:
            return _skip(buf, pos, 2 if _need(buf, pos + 1) == ord("p") else 0)
        if byte == LF:
            self._flush_line(force=True)
            return pos + 1
        if byte == HT:
            self._add_text(" " * (8 - self._column() % 8))
            return pos + 1
        if byte < 0x20 or byte == 0x7F:
            return pos + 1
        end = pos
        while end < len(buf) and buf[end] >= 0x20 and buf[end] != 0x7F:
            end += 1
        codec = self.code_pages.get(self.state.style.code_page, "cp437")
        self._add_text(buf[pos:end].decode(codec, errors="replace"))
        return end

    def _esc(self, buf: bytes, pos: int) -> int:
        command = _need(buf, pos + 1)
        style = self.state.style
        if command == ord("@"):
            self._flush_line(force=False)
            self.state.style = _Style()
            return pos + 2
        if command in (ord("!"), ord("E"), ord("a"), ord("t"), ord("d"), ord("J"), ord("M")):
            value = _need(buf, pos + 2)
            if command == ord("!"):
                style.font = "b" if value & 0x01 else "a"
                style.bold = bool(value & 0x08)
                style.height = 2 if value & 0x10 else 1
                style.width = 2 if value & 0x20 else 1
            elif command == ord("E"):
                style.bold = bool(value & 1)
            elif command == ord("a"):
                style.align = _ALIGN.get(value, "left")
            elif command == ord("t"):
                style.code_page = value
            elif command == ord("M"):
                style.font = "b" if value in (1, 49) else "a"
            elif command == ord("d"):
                self._flush_line(force=False)
                self._blank(row_height(1, style.font) * value)
            else:
                self._flush_line(force=False)
                self._blank(value)
            return pos + 3
        if command == ord("p"):
            _need(buf, pos + 4)
            self.state.drawer_kicks += 1
            self.state.text_lines.append("[cash drawer kick]")
            return pos + 5
        if command == ord("*"):
            mode, low, high = _need(buf, pos + 2), _need(buf, pos + 3), _need(buf, pos + 4)
            length = (low + 256 * high) * (3 if mode in (32, 33) else 1)
            _need(buf, pos + 4 + length)
            return pos + 5 + length
        return _skip(buf, pos, _ESC_SKIP.get(command, 0))

    def _gs(self, buf: bytes, pos: int) -> int:
        command = _need(buf, pos + 1)
        if command == ord("!"):
            value = _need(buf, pos + 2)
            self.state.style.width = min((value >> 4) + 1, 8)
            self.state.style.height = min((value & 0x0F) + 1, 8)
            return pos + 3
        if command == ord("V"):
            mode = _need(buf, pos + 2)
            extra = 1 if mode in (65, 66, 97, 98, 103, 104) else 0
            _need(buf, pos + 2 + extra)
            self.finish_page()
            return pos + 3 + extra
        if command == ord("v"):
            header = [_need(buf, pos + i) for i in range(3, 8)]
            width_bytes, height = header[1] + 256 * header[2], header[3] + 256 * header[4]
            size = width_bytes * height
            _need(buf, pos + 7 + size)
            self._raster(buf[pos + 8 : pos + 8 + size], width_bytes, height)
            return pos + 8 + size
        if command == ord("("):
            function = _need(buf, pos + 2)
            length = _need(buf, pos + 3) + 256 * _need(buf, pos + 4)
            _need(buf, pos + 4 + length)
            body = buf[pos + 5 : pos + 5 + length]
            if function == ord("k"):
                self._qr_function(body)
            return pos + 5 + length
        if command == ord("k"):
            return self._barcode(buf, pos)
        return _skip(buf, pos, _GS_SKIP.get(command, 0))

    def _dle(self, buf: bytes, pos: int) -> int:
        command = _need(buf, pos + 1)
        if command == 0x04:
            self.reply(bytes([self.status(_need(buf, pos + 2))]))
            return pos + 3
        if command == 0x14:
            _need(buf, pos + 4)
            return pos + 5
        return _skip(buf, pos, 1 if command == 0x05 else 0)

    def _barcode(self, buf: bytes, pos: int) -> int:
        mode = _need(buf, pos + 2)
        if mode <= 6:
            end = pos + 3
            while _need(buf, end) != 0:
                end += 1
            return end + 1
        length = _need(buf, pos + 3)
        _need(buf, pos + 3 + length)
        return pos + 4 + length

    # --- printing ------------------------------------------------------------------------

    def _column(self) -> int:
        return sum(len(run.text) for run in self.state.runs)

    def _add_text(self, text: str) -> None:
        style, runs = self.state.style, self.state.runs
        run = Run(text, style.bold, style.width, style.height, style.font)
        if runs and (runs[-1].bold, runs[-1].width, runs[-1].height, runs[-1].font) == (
            run.bold,
            run.width,
            run.height,
            run.font,
        ):
            runs[-1] = Run(runs[-1].text + text, run.bold, run.width, run.height, run.font)
        else:
            runs.append(run)

    def _flush_line(self, *, force: bool) -> None:
        """Print the line buffer; an empty buffer feeds one line only on LF (``force``)."""
        state = self.state
        if state.runs:
            state.strips.append(draw_row(state.runs, state.style.align, self.paper_dots))
            state.text_lines.append("".join(run.text for run in state.runs).rstrip())
            state.runs = []
        elif force:
            self._blank(row_height(1, state.style.font))
            state.text_lines.append("")

    def _blank(self, dots: int) -> None:
        if dots > 0:
            self.state.strips.append(Image.new("1", (self.paper_dots, dots), WHITE))

    def _raster(self, data: bytes, width_bytes: int, height: int) -> None:
        self._flush_line(force=False)
        # GS v 0 data: a 1 bit is a black dot; PIL's "1" raw mode reads 1 as white.
        picture = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in data))
        strip = Image.new("1", (self.paper_dots, height), WHITE)
        offset = {"center": (self.paper_dots - picture.width) // 2}.get(self.state.style.align, 0)
        if self.state.style.align == "right":
            offset = self.paper_dots - picture.width
        strip.paste(picture, (max(offset, 0), 0))
        self.state.strips.append(strip)
        self.state.text_lines.append(f"[image {picture.width}x{height}]")

    def _qr_function(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != 49:
            return
        function = body[1]
        if function == 67 and len(body) >= 3:
            self.state.qr_module = max(1, min(body[2], 16))
        elif function == 80:
            self.state.qr_data = bytes(body[3:])
        elif function == 81:
            self._flush_line(force=False)
            data = self.state.qr_data.decode("utf-8", errors="replace")
            strip = qr_image(data, self.state.qr_module, self.paper_dots)
            self.state.strips.append(strip)
            self.state.text_lines.append(f"[qr {data}]")


def _skip(buf: bytes, pos: int, parameters: int) -> int:
    """Past a two-byte command and its ``parameters`` (which must have arrived)."""
    end = pos + 2 + parameters
    _need(buf, end - 1)
    return end


def _need(buf: bytes, index: int) -> int:
    if index >= len(buf):
        raise NeedMore
    return buf[index]
