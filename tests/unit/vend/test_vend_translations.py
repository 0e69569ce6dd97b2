"""Every vend error and every line the vend command prints has French and Chinese text."""

from __future__ import annotations

import inspect
import re

import pytest

from starpos.commands.sm.common import SETTLED
from starpos.commands.vend import LABELS, MESSAGES
from starpos.devices.sm.errors import SmTimeoutError
from starpos.i18n import catalog_files, load_catalog, render_error
from starpos.vending import errors


def vend_error_classes() -> list[type[errors.VendError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.VendError) and cls.__module__ == errors.__name__
    ]


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_vend_error_and_cli_line_is_translated(lang: str) -> None:
    files = [path for path in catalog_files(lang) if path.name == f"vend_{lang}.ts"]
    assert files, f"resources/translations/vend_{lang}.ts is missing"
    catalog = load_catalog(files)
    missing = [c.__name__ for c in vend_error_classes() if ("errors", c.template) not in catalog]
    missing += [text for text in [*LABELS.values(), *MESSAGES] if ("vend", text) not in catalog]
    missing += [SETTLED] if ("sm", SETTLED) not in catalog else []
    assert not missing
    for (_, source), translation in catalog.items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translation))


def test_codes_are_unique_and_dotted() -> None:
    codes = [cls.code for cls in vend_error_classes()]
    assert len(codes) == len(set(codes))
    assert all(code.startswith("vend.") for code in codes)


def test_a_device_reason_inside_a_vend_error_is_shown_in_the_reader_language() -> None:
    cause = SmTimeoutError(command="SM?TC", tries=3)
    error = errors.VendInDoubtError(bill="V2611SP0100007", **errors.reason(cause))
    french = render_error(error, "fr")
    assert "V2611SP0100007" in french
    assert render_error(cause, "fr") in french
    assert "La vente" in french
    assert "售电" in render_error(error, "zh_CN")
