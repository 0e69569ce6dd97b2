"""Every message of the token engine and its command has a French and a Chinese translation."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from starpos.i18n import load_catalog
from starpos.sts import errors

ROOT = Path(__file__).resolve().parents[3]
ERROR_CLASSES = [
    c for c in vars(errors).values() if inspect.isclass(c) and issubclass(c, errors.StsError)
]


def _cli_strings() -> list[str]:
    """The literal sources of every ``translate("sts", ...)`` call in the token command."""
    tree = ast.parse((ROOT / "starpos" / "commands" / "token.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "translate"
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "sts"
        ):
            assert isinstance(node.args[1], ast.Constant)
            found.append(str(node.args[1].value))
    return found


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_error_is_translated(lang: str) -> None:
    catalog = load_catalog([ROOT / "resources" / "translations" / f"sts_{lang}.ts"])
    for error in ERROR_CLASSES:
        translation = catalog.get(("errors", error.template))
        assert translation, f"{error.__name__} has no {lang} translation"
        # The translation fills in the same parameters as the English text.
        assert set(re.findall(r"{(\w+)", translation)) == set(re.findall(r"{(\w+)", error.template))


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_command_message_is_translated(lang: str) -> None:
    catalog = load_catalog([ROOT / "resources" / "translations" / f"sts_{lang}.ts"])
    strings = _cli_strings()
    assert strings
    for source in strings:
        assert catalog.get(("sts", source)), f"{source!r} has no {lang} translation"


def test_codes_are_unique_and_dotted() -> None:
    codes = [error.code for error in ERROR_CLASSES]
    assert len(codes) == len(set(codes))
    assert all(code == "sts" or code.startswith("sts.") for code in codes)
