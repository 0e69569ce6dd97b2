"""Voucher templates: the order and style of what a voucher prints, kept as data.

A template is a JSON file (``resources/printer/voucher.json`` by default) holding a list of
elements; docs/printer.md describes every kind. This module only reads and checks the file;
:mod:`starpos.devices.printer.layout` turns a template and a voucher into print lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starpos.devices.printer.errors import VoucherTemplateError
from starpos.paths import resources_dir

FORMAT = "starpos-voucher/1"
KINDS = ("text", "pair", "lines", "amount_lines", "tokens", "qr", "rule", "feed", "cut", "drawer")
CONDITIONS = ("reprint", "original", "cash_sale", "drawer", "qr_code")
SIZES = ("normal", "tall", "wide", "double")
ALIGNS = ("left", "center", "right")
LINE_FIELDS = ("header_lines", "footer_lines", "detail_lines")


@dataclass(frozen=True)
class Element:
    """One element of a template (see docs/printer.md for what each kind prints)."""

    kind: str
    text: str = ""
    label: str = ""
    value: str = ""
    field: str = ""
    align: str = "left"
    bold: bool = False
    size: str = "normal"
    when: str = ""
    char: str = "-"
    rows: int = 1
    module_dots: int = 6


FONTS = ("a", "b")


@dataclass(frozen=True)
class Template:
    """A checked template; ``font`` is the printer font of the whole voucher (a: 12 x 24 dots,
    b: 9 x 17 dots, which fits 42 columns on 58 mm paper)."""

    path: str
    elements: tuple[Element, ...]
    font: str = "a"

    def labels(self) -> list[str]:
        """Every translatable source string of the template (context ``voucher``)."""
        found = []
        for element in self.elements:
            if element.kind == "text" and element.text:
                found.append(element.text)
            if element.kind == "pair":
                found.append(element.label)
        return found


def default_template_path() -> Path:
    return resources_dir() / "printer" / "voucher.json"


def load_template(path: Path | None = None) -> Template:
    """Read and check a template; a broken file raises :class:`VoucherTemplateError`."""
    path = path or default_template_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise VoucherTemplateError(path=str(path), reason=str(error)) from error
    return parse_template(document, str(path))


def parse_template(document: Any, path: str = "<template>") -> Template:
    def fail(reason: str) -> VoucherTemplateError:
        return VoucherTemplateError(path=path, reason=reason)

    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise fail(f'the file must be a JSON object with "format": "{FORMAT}"')
    raw_elements = document.get("elements")
    if not isinstance(raw_elements, list) or not raw_elements:
        raise fail('"elements" must be a non-empty list')
    known = set(Element.__dataclass_fields__)
    elements = []
    for number, raw in enumerate(raw_elements, start=1):
        if not isinstance(raw, dict):
            raise fail(f"element {number} is not an object")
        unknown = set(raw) - known
        if unknown:
            raise fail(f"element {number} has unknown keys {sorted(unknown)}")
        try:
            element = Element(**raw)
        except TypeError as error:
            raise fail(f"element {number}: {error}") from error
        problem = _check(element)
        if problem:
            raise fail(f"element {number} ({element.kind}): {problem}")
        elements.append(element)
    font = document.get("font", "a")
    if font not in FONTS:
        raise fail('"font" must be "a" or "b"')
    return Template(path, tuple(elements), font)


def _check(element: Element) -> str:
    if element.kind not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}"
    if element.when and element.when not in CONDITIONS:
        return f"when must be one of {', '.join(CONDITIONS)}"
    if element.size not in SIZES:
        return f"size must be one of {', '.join(SIZES)}"
    if element.align not in ALIGNS:
        return f"align must be one of {', '.join(ALIGNS)}"
    if element.kind == "text" and not element.text:
        return "text is empty"
    if element.kind == "pair" and not (element.label and element.value):
        return "a pair needs a label and a value"
    if element.kind == "lines" and element.field not in LINE_FIELDS:
        return f"field must be one of {', '.join(LINE_FIELDS)}"
    if element.kind == "rule" and len(element.char) != 1:
        return "char must be one character"
    if element.kind == "feed" and not 0 < element.rows <= 20:
        return "rows must be between 1 and 20"
    if element.kind == "qr" and not 2 <= element.module_dots <= 10:
        return "module_dots must be between 2 and 10"
    if not isinstance(element.bold, bool):
        return "bold must be true or false"
    return ""
