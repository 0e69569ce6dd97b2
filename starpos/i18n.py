"""Translations shared by the core, the command line and the Qt windows.

The catalogs are Qt Linguist ``.ts`` files under ``resources/translations`` named
``<area>_<lang>.ts`` (one file per area and language, so areas never collide). The UI
installs a translator that reads the same catalogs (``starpos.ui.translator``), so one
source of truth serves ``tr()`` in widgets and the messages of the core and the CLI.

Core code never translates eagerly: errors keep their English template and parameters,
and the text is rendered in the reader's language when it is shown.
"""

from __future__ import annotations

import os
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from starpos.paths import resources_dir

#: Languages every string of the product is translated into; English is the source.
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "zh_CN": "中文 (简体)"}

_state = threading.local()
_default_language = "en"


def normalise_language(value: str | None) -> str:
    """Map a locale name (``fr_FR.UTF-8``, ``zh``, ``zh_CN``) to a supported language."""
    if not value:
        return "en"
    value = value.split(".")[0].replace("-", "_")
    if value in LANGUAGES:
        return value
    prefix = value.split("_")[0].lower()
    if prefix == "zh":
        return "zh_CN"
    return prefix if prefix in LANGUAGES else "en"


def language_from_environment() -> str:
    for name in ("STARPOS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return normalise_language(os.environ[name])
    return "en"


def set_language(lang: str) -> None:
    """Set the process-wide language (the UI does this when the user switches)."""
    global _default_language
    _default_language = normalise_language(lang)


def current_language() -> str:
    return getattr(_state, "language", None) or _default_language


def catalog_files(lang: str, folder: Path | None = None) -> list[Path]:
    folder = folder or resources_dir() / "translations"
    return sorted(folder.glob(f"*_{lang}.ts"))


@cache
def _catalog(lang: str) -> dict[tuple[str, str], str]:
    return load_catalog(catalog_files(lang))


def load_catalog(files: Iterable[Path]) -> dict[tuple[str, str], str]:
    """Read ``.ts`` files into ``{(context, source): translation}`` (unfinished ones skipped)."""
    entries: dict[tuple[str, str], str] = {}
    for path in files:
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", default="")
            for message in context.iter("message"):
                if message.get("numerus") == "yes":
                    continue  # a count's forms: load_plurals
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or not translation.text:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                entries[(name, source)] = translation.text
    return entries


def load_plurals(files: Iterable[Path]) -> dict[tuple[str, str], list[str]]:
    """The ``numerus="yes"`` messages of ``.ts`` files: ``{(context, plural source): forms}``,
    the forms in the order of :func:`plural_form` (unfinished ones skipped)."""
    entries: dict[tuple[str, str], list[str]] = {}
    for path in files:
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", default="")
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if message.get("numerus") != "yes" or source is None or translation is None:
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if forms and all(forms):
                    entries[(name, source)] = forms
    return entries


@cache
def _plurals(lang: str) -> dict[tuple[str, str], list[str]]:
    return load_plurals(catalog_files(lang))


def plural_form(lang: str, count: int) -> int:
    """Which of a language's forms a count takes, as Qt Linguist orders them: English and
    French have a singular and a plural (French's singular covers 0 and 1), Chinese one."""
    if lang.startswith("zh"):
        return 0
    if lang == "fr":
        return 0 if count in (0, 1) else 1
    return 0 if count == 1 else 1


def translate_count(
    context: str, singular: str, plural: str, count: int, lang: str | None = None
) -> str:
    """The form of a message that fits ``count`` in the language (the catalogs key it by
    its English ``plural``, as gettext's ``ngettext``); the caller fills in the count."""
    lang = normalise_language(lang) if lang else current_language()
    if lang == "en":
        return singular if count == 1 else plural
    forms = _plurals(lang).get((context, plural))
    if not forms:
        return singular if count == 1 else plural
    return forms[min(plural_form(lang, count), len(forms) - 1)]


def translate(context: str, source: str, lang: str | None = None) -> str:
    """The translation of ``source`` in ``context``, or ``source`` itself when there is none."""
    lang = normalise_language(lang) if lang else current_language()
    if lang == "en":
        return source
    return _catalog(lang).get((context, source), source)


def tr_noop(context: str, source: str) -> str:
    """Mark a string for translation without translating it (it is translated when shown)."""
    del context
    return source


class Term(str):
    """A word an error names as a parameter ("sales point", "operators"), translated in
    context ``terms`` when the error is shown, like the template around it; so one refusal
    ("{what} {code} cannot be deleted") serves every kind of record in every language."""

    __slots__ = ()


def render(context: str, template: str, params: dict[str, Any], lang: str | None = None) -> str:
    text = translate(context, template, lang)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params) if params else template


def render_error(error: BaseException, lang: str | None = None) -> str:
    """The message of a user-facing error in the reader's language.

    Works for :class:`starpos.errors.StarposError` and ``starpos.sts.errors.StsError``
    alike: both carry ``template`` and ``params``.
    """
    template = getattr(error, "template", None)
    if not isinstance(template, str):
        return str(error)
    # An error given as another's parameter (its cause) is shown in the same language.
    params = {
        name: render_error(value, lang)
        if isinstance(value, BaseException)
        else translate("terms", value, lang)
        if isinstance(value, Term)
        else value
        for name, value in getattr(error, "params", {}).items()
    }
    return render("errors", template, params, lang)


def clear_cache() -> None:
    _catalog.cache_clear()
    _plurals.cache_clear()
