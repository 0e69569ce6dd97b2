"""Every string of the window has a French and a Chinese translation in the ui catalogs."""

from __future__ import annotations

import pytest

from starpos import i18n
from starpos.paths import resources_dir
from tests.unit.ui.ui_strings import ui_strings

#: The window's catalogs: the ui area's, and those of features added to the window later.
WINDOW_AREAS = (
    "ui",
    "cardnotice",
    "carddesk",
    "installer",
    "syncstatus",
    "setup",
    "reports",
    "admin",
    "adminrules",
    "admincustomers",
    "adminsetup",
    "shifts",
    "tokenui",
    "stock",
    "regions",
    "adminowned",
    "registrationpaper",
    "datedterms",
    "choices",
    "creditsync",
)


def _window_catalog(lang: str) -> dict[tuple[str, str], str]:
    folder = resources_dir() / "translations"
    return i18n.load_catalog([folder / f"{area}_{lang}.ts" for area in WINDOW_AREAS])


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_ui_string_is_translated(lang: str) -> None:
    catalog = _window_catalog(lang)
    missing = sorted(key for key in ui_strings() if not catalog.get(key))
    assert missing == []


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_translations_keep_every_placeholder(lang: str) -> None:
    import string

    catalog = _window_catalog(lang)

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    broken = [(k, v) for k, v in catalog.items() if fields(k[1]) != fields(v)]
    assert broken == []


def test_every_error_class_of_the_ui_is_translated() -> None:
    from starpos.counter import card_desk, cards, vouchers
    from starpos.errors import StarposError
    from starpos.ui import counter_errors
    from starpos.ui.cards import desk_errors

    classes = [
        value
        for module in (counter_errors, vouchers, cards, card_desk, desk_errors)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, StarposError)
        and value.__module__ == module.__name__
    ]
    assert classes
    for lang in ("fr", "zh_CN"):
        for error_class in classes:
            assert i18n.translate("errors", error_class.template, lang) != error_class.template
