"""Every string of the back office reads in French and Chinese with the same placeholders:
the core's refusals, the names of records (context ``terms``, and the field labels
refusals name), the checklist, and the ``starpos admin`` command's lines."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from starpos.i18n import catalog_files, load_catalog
from starpos.masterdata.record_kinds import KINDS

SOURCE = Path(__file__).resolve().parents[2] / "starpos"
FILES = [
    *sorted((SOURCE / "commands" / "admin").glob("*.py")),
    *sorted((SOURCE / "masterdata").glob("*.py")),
    SOURCE / "operators" / "accounts.py",
    SOURCE / "commands" / "db.py",
]


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _strings() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and len(node.args) >= 2:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if name in ("tr_noop", "translate") and context and text:
                    found.add((context, text))
    # A refusal names a field by its label (a Term): the labels are terms too.
    found.update(("terms", field.label) for kind in KINDS.values() for field in kind.fields)
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_back_office_string_is_translated(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    texts = _strings()
    assert len(texts) > 100
    assert sorted(key for key in texts if not catalog.get(key)) == []
    assert sorted(key for key in texts if _fields(catalog[key]) != _fields(key[1])) == []


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_choice_a_record_offers_has_a_translated_label(lang: str) -> None:
    """The stored spelling ("monthly") is never what a person reads (decision BO-30)."""
    from starpos.masterdata.choice_labels import CONTEXT, LABELS

    catalog = load_catalog(catalog_files(lang))
    members = [
        member
        for kind in KINDS.values()
        for field in kind.fields
        if field.choices is not None
        for member in field.choices
    ]
    assert len(members) >= 15
    assert [m for m in members if m not in LABELS] == []
    assert [m for m in members if not catalog.get((CONTEXT, LABELS[m]))] == []
