"""Card errors: PC/SC codes map to the right type, every one is translated."""

from __future__ import annotations

import re

import pytest

from starpos.devices.card import errors as E
from starpos.devices.card.reader import error_for
from starpos.errors import DeviceError
from starpos.i18n import catalog_files, load_catalog, render_error

CARD_ERRORS = [c for c in vars(E).values() if isinstance(c, type) and issubclass(c, E.CardError)]


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (0x8010001D, E.CardServiceError),
        (0x8010002E, E.NoReadersError),
        (0x80100009, E.NoReaderError),
        (0x8010000C, E.NoCardError),
        (0x80100069, E.CardRemovedError),
        (0x80100016, E.CardRemovedError),
        (0x80100001, E.CardError),
    ],
)
def test_pcsc_codes_become_typed_errors_that_keep_the_code(code: int, kind: type) -> None:
    signed = code - (1 << 32)  # pyscard may hand the code over as a negative int
    for value in (code, signed):
        error = error_for(value, "Reader 0")
        assert type(error) is kind and isinstance(error, DeviceError)
        assert error.params["pcsc"] == f"0x{code:08X}"
        assert f"0x{code:08X}" in error.message


def test_codes_are_stable_and_unique() -> None:
    codes = [c.code for c in CARD_ERRORS]
    assert len(codes) == len(set(codes)) and all(c.startswith("device.card") for c in codes)


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_card_error_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = load_catalog([p for p in catalog_files(lang) if p.name.startswith("card_")])
    for error in CARD_ERRORS:
        translation = catalog.get(("errors", error.template))
        assert translation, f"{error.__name__} has no {lang} translation"
        placeholders = set(re.findall(r"\{(\w+)\}", error.template))
        assert set(re.findall(r"\{(\w+)\}", translation)) == placeholders, error.__name__


def test_a_card_error_renders_in_the_readers_language() -> None:
    error = E.NoCardError(pcsc="0x8010000C", reader="Virtual PCD 00 00")
    assert render_error(error, "fr").startswith("Il n'y a pas de carte dans le lecteur Virtual")
    assert "0x8010000C" in render_error(error, "zh_CN")
