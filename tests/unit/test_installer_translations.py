"""Every text of the settings checks, backups and restores reads in French and Chinese, with
the same placeholders."""

from __future__ import annotations

import importlib
import inspect
import string

import pytest

from starpos.errors import StarposError
from starpos.i18n import catalog_files, load_catalog

ERROR_MODULES = (
    "starpos.settings",
    "starpos.setting_checks",
    "starpos.db.store_lock",
    "starpos.backup.errors",
    "starpos.bootstrap.backup",
    "starpos.bootstrap.database",
)


def _texts() -> list[tuple[str, str]]:
    from starpos import setting_checks
    from starpos.backup import errors
    from starpos.commands import db
    from starpos.commands import settings as settings_command
    from starpos.settings import APPLIES_TEXT, SETTINGS

    found: list[tuple[str, str]] = []
    for name in ERROR_MODULES:
        module = importlib.import_module(name)
        found.extend(
            ("errors", value.__dict__["template"])
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, StarposError)
            and value.__module__ == name
            and "template" in value.__dict__
        )
    found += [("errors", reason) for reason in (*setting_checks.REASONS, *errors.REASONS)]
    found += [("settings", text) for text in APPLIES_TEXT.values()]
    found += [("settings", text) for text in settings_command.MESSAGES]
    found += [("settings", s.label) for s in SETTINGS]
    found += [
        ("cli", value)
        for name, value in vars(db).items()
        if name.isupper() and isinstance(value, str) and name != "BACKUPS"
    ]
    found += [("cli", text) for text in db.SETTINGS_OUTCOME.values() if text]
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_text_is_translated_with_its_placeholders(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    texts = _texts()
    assert len(texts) > 80
    missing = [key for key in texts if not catalog.get(key)]
    assert missing == []
    broken = [key for key in texts if _fields(catalog[key]) != _fields(key[1])]
    assert broken == []
