from __future__ import annotations

import re
import string

import pytest

from starpos.devices.printer import voucher as voucher_module
from starpos.devices.printer.errors import ALL_ERRORS
from starpos.devices.printer.template import load_template
from starpos.i18n import catalog_files, load_catalog
from starpos.paths import resources_dir

LANGUAGES = ("fr", "zh_CN")


def printer_catalog(lang: str) -> dict[tuple[str, str], str]:
    path = resources_dir() / "translations" / f"printer_{lang}.ts"
    assert path in catalog_files(lang)
    return load_catalog([path])


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("error", ALL_ERRORS, ids=lambda error: error.code)  # type: ignore[attr-defined]
def test_every_printer_error_is_translated(lang: str, error: type) -> None:
    translation = printer_catalog(lang).get(("errors", error.template))
    assert translation, f"{error.code} has no {lang} translation"
    assert placeholders(translation) == placeholders(error.template)


def has_words(text: str) -> bool:
    return any(char.isalpha() for char in re.sub(r"\{[^}]*\}", "", text))


def voucher_sources() -> list[str]:
    """Template labels with words (not only placeholders), token labels, sample labels."""
    template = [label for label in load_template().labels() if has_words(label)]
    tokens = [
        value
        for name, value in vars(voucher_module).items()
        if name.endswith("_TOKEN") or name == "CREDIT_ON_CARD"
    ]
    samples = [line.label for line in voucher_module.sample_voucher().amount_lines]
    return template + tokens + samples


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_voucher_label_is_translated(lang: str) -> None:
    catalog = printer_catalog(lang)
    sources = voucher_sources()
    assert "Net amount" in sources and "Credit token" in sources
    missing = [source for source in sources if ("voucher", source) not in catalog]
    assert missing == []
