"""Every secure module error and CLI label has a French and a Chinese translation."""

from __future__ import annotations

import re

import pytest

from starpos.commands.sm.device import LABELS
from starpos.devices.sm.errors import SmTimeoutError, all_error_classes
from starpos.i18n import catalog_files, load_catalog, render_error


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_sm_error_and_label_is_translated(lang: str) -> None:
    files = [path for path in catalog_files(lang) if path.name == f"sm_{lang}.ts"]
    assert files, f"resources/translations/sm_{lang}.ts is missing"
    catalog = load_catalog(files)
    missing = [
        cls.__name__ for cls in all_error_classes() if ("errors", cls.template) not in catalog
    ]
    missing += [label for label in LABELS.values() if ("sm", label) not in catalog]
    assert not missing
    for (_, source), translation in catalog.items():
        # A translation keeps every {placeholder} of its source.
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translation))


def test_an_error_is_shown_in_the_reader_language() -> None:
    error = SmTimeoutError(command="SM?TC", tries=3)
    assert "3 essais" in render_error(error, "fr")
    assert "SM?TC" in render_error(error, "zh_CN")
