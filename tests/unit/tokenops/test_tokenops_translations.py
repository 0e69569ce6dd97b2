"""Every token operation error, label and command line reads in French and Chinese."""

from __future__ import annotations

import inspect
import re

import pytest

from starpos.commands._payment_change import MESSAGES as PAYMENT_CHANGE_MESSAGES
from starpos.commands._token_replace import MESSAGES as TOKEN_REPLACE_MESSAGES
from starpos.commands.engineering.common import MESSAGES
from starpos.devices.printer.template import load_template
from starpos.i18n import catalog_files, load_catalog, render_error
from starpos.paths import resources_dir
from starpos.tokenops import errors, kinds, payment_change_voucher, vouchers


def error_classes() -> list[type[errors.TokenOperationError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.TokenOperationError) and cls.__module__ == errors.__name__
    ]


TEXTS = [
    *kinds.LABELS.values(),
    *kinds.STATE_LABELS.values(),
    vouchers.ENTER_IN_ORDER,
    vouchers.LIST_TITLE,
    vouchers.LIST_HEADER,
    *MESSAGES,
    *payment_change_voucher.TEXTS,
    *PAYMENT_CHANGE_MESSAGES,
    *TOKEN_REPLACE_MESSAGES,
    vouchers.REPLACEMENT_FOR,
]
VOUCHER_TEXTS = [vouchers.TEST_TOKEN, *vouchers.KEY_CHANGE_OF_4]


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_text_is_translated_with_its_placeholders(lang: str) -> None:
    files = [path for path in catalog_files(lang) if path.name == f"tokenops_{lang}.ts"]
    assert files, f"resources/translations/tokenops_{lang}.ts is missing"
    catalog = load_catalog(files)
    missing = [c.__name__ for c in error_classes() if ("errors", c.template) not in catalog]
    missing += [text for text in TEXTS if ("tokenops", text) not in catalog]
    missing += [text for text in VOUCHER_TEXTS if ("voucher", text) not in catalog]
    assert not missing
    for (_, source), translation in catalog.items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translation))


def test_codes_are_unique_and_dotted() -> None:
    codes = [cls.code for cls in error_classes()]
    assert len(codes) == len(set(codes))
    assert all(code.startswith("tokenops") for code in codes)


def test_a_refusal_reads_in_the_reader_language() -> None:
    error = errors.KeyExpiredRefusal(number="01234567897", ken=3)
    assert "01234567897" in render_error(error, "fr")
    assert "changement de clé" in render_error(error, "fr")
    assert "密钥" in render_error(error, "zh_CN")


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_the_payment_change_bill_reads_in_every_language(lang: str) -> None:
    """Its title and amount lines (context ``voucher``, some shared with the sale's voucher)."""
    catalog = load_catalog(catalog_files(lang))
    module = payment_change_voucher
    sources = [
        *[text for text in module.payment_change_template().labels() if not text.startswith("{")],
        module.PREARRANGE,
        module.RECEIVABLE,
        module.REMAIN,
    ]
    missing = [text for text in sources if ("voucher", text) not in catalog]
    assert not missing


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_every_voucher_layout_reads_in_every_language(lang: str) -> None:
    """Each layout file's titles and labels (the replacement token's own title among them)."""
    catalog = load_catalog(catalog_files(lang))
    missing = [
        f"{path.name}: {text}"
        for path in sorted((resources_dir() / "printer").glob("*.json"))
        for text in load_template(path).labels()
        if re.search(r"[A-Za-z]", re.sub(r"\{[^}]*\}", "", text))
        and ("voucher", text) not in catalog
    ]
    assert not missing
