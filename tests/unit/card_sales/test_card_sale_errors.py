"""Card sale errors: stable codes, every one translated with its placeholders."""

from __future__ import annotations

import re

import pytest

from starpos.card_sales import errors as E
from starpos.commands.card.sales import READING_LINE
from starpos.errors import StarposError, VendError
from starpos.i18n import catalog_files, load_catalog, render_error

SALE_ERRORS = [
    c
    for c in vars(E).values()
    if isinstance(c, type) and issubclass(c, StarposError) and c.__module__ == E.__name__
]


def test_codes_are_stable_unique_and_on_the_vend_branch() -> None:
    codes = [c.code for c in SALE_ERRORS]
    assert len(codes) == len(set(codes)) == len(SALE_ERRORS) >= 13
    assert all(
        c.startswith("card_sale") and issubclass(e, VendError)
        for c, e in zip(codes, SALE_ERRORS, strict=True)
    )


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_card_sale_error_and_line_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = load_catalog([p for p in catalog_files(lang) if p.name.startswith("cardflows_")])
    sources = [("errors", error.template) for error in SALE_ERRORS]
    for context, source in [*sources, ("cardflows", READING_LINE)]:
        translation = catalog.get((context, source))
        assert translation, f"{source!r} has no {lang} translation"
        placeholders = set(re.findall(r"\{(\w+)\}", source))
        assert set(re.findall(r"\{(\w+)\}", translation)) == placeholders, source


def test_a_card_sale_error_renders_in_the_readers_language() -> None:
    error = E.CreditNotLoadedError(energy="12.5", bill="V0001")
    assert render_error(error, "fr").startswith("La carte porte encore 12.5 kWh (vente V0001)")
    assert "12.5 kWh" in render_error(error, "zh_CN")
