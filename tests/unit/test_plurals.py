"""A message with a count reads right for every count in every language (SHF-25): the
catalogs' ``numerus`` messages have the forms each language needs, keep the placeholders of
their English source, and the form is chosen by the language's rule."""

from __future__ import annotations

import string

import pytest

from starpos.i18n import catalog_files, load_catalog, load_plurals, translate_count

ONCE = "Its close was printed once: a new print says DUPLICATE."
TIMES = "Its close was printed {count} times: a new print says DUPLICATE."
#: How many forms Qt Linguist keeps for each language.
FORMS = {"fr": 2, "zh_CN": 1}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", sorted(FORMS))
def test_every_count_message_has_its_languages_forms_and_placeholders(lang: str) -> None:
    plurals = load_plurals(catalog_files(lang))
    assert ("shifts", TIMES) in plurals
    for (context, source), forms in plurals.items():
        assert len(forms) == FORMS[lang], (context, source)
        assert all(_fields(form) <= _fields(source) for form in forms), (context, source)
    # Not read as a plain message, whose text would be the forms' whitespace.
    assert ("shifts", TIMES) not in load_catalog(catalog_files(lang))


def test_the_form_follows_each_languages_rule() -> None:
    said = {
        (lang, count): translate_count("shifts", ONCE, TIMES, count, lang).format(count=count)
        for lang in ("en", "fr", "zh_CN")
        for count in (1, 2)
    }
    assert said[("en", 1)] == ONCE and said[("en", 2)].startswith("Its close was printed 2 times")
    assert said[("fr", 1)].startswith("Sa clôture a été imprimée 1 fois")
    assert said[("fr", 2)].startswith("Sa clôture a été imprimée 2 fois")
    assert said[("zh_CN", 1)].startswith("其结账单已打印 1 次")
    assert said[("zh_CN", 2)].startswith("其结账单已打印 2 次")
