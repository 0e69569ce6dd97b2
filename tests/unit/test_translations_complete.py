"""Every error a person can meet reads in French and Chinese, with the same placeholders.

Each area tests its own catalogs; this walks the whole package once more, so an error class
added anywhere without its translations fails here.
"""

from __future__ import annotations

import importlib
import pkgutil
import string

import pytest

import starpos
from starpos.errors import StarposError
from starpos.i18n import catalog_files, load_catalog
from starpos.sts.errors import StsError


def _all_error_classes() -> list[type[BaseException]]:
    for module in pkgutil.walk_packages(starpos.__path__, "starpos."):
        if ".migrations" in module.name or module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    found: list[type[BaseException]] = []
    pending: list[type[BaseException]] = [StarposError, StsError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    ours = {cls for cls in found if cls.__module__.startswith("starpos.")}  # not tests' fakes
    return sorted(ours, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_error_template_is_translated(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    missing, mismatched = [], []
    for cls in _all_error_classes():
        template = cls.__dict__.get("template")
        if not isinstance(template, str):
            continue
        translation = catalog.get(("errors", template))
        if translation is None:
            missing.append(f"{cls.__module__}.{cls.__qualname__}: {template}")
        elif _fields(translation) != _fields(template):
            mismatched.append(f"{cls.__module__}.{cls.__qualname__}")
    assert missing == []
    assert mismatched == []
