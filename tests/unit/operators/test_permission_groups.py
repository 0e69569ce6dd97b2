"""The role editor shows every permission once, under a group whose name is translated."""

from __future__ import annotations

import pytest

from starpos.i18n import catalog_files, load_catalog
from starpos.operators import permissions


def test_every_permission_is_in_exactly_one_group() -> None:
    names = [name for _label, group in permissions.GROUPS for name in group]
    assert sorted(names) == sorted(permissions.ALL)


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_group_names_and_permission_names_are_translated(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    labels = [label for label, _group in permissions.GROUPS] + list(permissions.LABELS.values())
    assert [label for label in labels if not catalog.get(("permissions", label))] == []
