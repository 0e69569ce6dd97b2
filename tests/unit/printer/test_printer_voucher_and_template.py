from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.devices.printer.errors import VoucherDataError, VoucherTemplateError
from starpos.devices.printer.template import load_template, parse_template
from starpos.devices.printer.voucher import TokenSection, group_token, sample_voucher


def test_token_is_grouped_four_by_four() -> None:
    assert group_token("56381247093816254708") == ["5638", "1247", "0938", "1625", "4708"]


def test_amount_lines_must_add_up_to_the_net_amount() -> None:
    with pytest.raises(VoucherDataError, match=r"add up to 115\.00, not to the net amount"):
        replace(sample_voucher(), net_amount=Decimal("116.00"))


def test_money_must_be_decimal_never_float() -> None:
    with pytest.raises(VoucherDataError, match="paid must be a Decimal"):
        replace(sample_voucher(), paid=120.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("digits", ["1234", "1234567890123456789X", "123456789012345678901"])
def test_a_token_is_twenty_digits(digits: str) -> None:
    with pytest.raises(VoucherDataError, match="is not a 20-digit token"):
        replace(sample_voucher(), tokens=(TokenSection("Credit token", digits),))


def test_a_voucher_without_token_is_refused() -> None:
    with pytest.raises(VoucherDataError, match="there is no token"):
        replace(sample_voucher(), tokens=())


def test_the_shipped_template_loads() -> None:
    template = load_template()
    kinds = [element.kind for element in template.elements]
    assert {"tokens", "qr", "amount_lines", "cut", "drawer"} <= set(kinds)


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"elements": [{"kind": "cut"}]}, '"format": "starpos-voucher/1"'),
        ({"format": "starpos-voucher/1", "elements": []}, "non-empty list"),
        ({"format": "starpos-voucher/1", "elements": [{"kind": "barcode"}]}, "kind must be"),
        ({"format": "starpos-voucher/1", "elements": [{"kind": "cut", "colour": 1}]}, "unknown"),
        ({"format": "starpos-voucher/1", "elements": [{"kind": "pair", "label": "x"}]}, "value"),
        ({"format": "starpos-voucher/1", "elements": [{"kind": "cut", "when": "monday"}]}, "when"),
        ({"format": "starpos-voucher/1", "elements": [{"kind": "feed", "rows": 99}]}, "rows"),
    ],
)
def test_a_broken_template_says_what_is_wrong(document: object, reason: str) -> None:
    with pytest.raises(VoucherTemplateError, match=reason):
        parse_template(document)


def test_an_unreadable_template_file_is_a_template_error(tmp_path: Path) -> None:
    path = tmp_path / "voucher.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(VoucherTemplateError) as caught:
        load_template(path)
    assert caught.value.params["path"] == str(path)
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
