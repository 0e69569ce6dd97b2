"""The screen and the voucher use the same word for the same line, in every language; the
Chinese screen and voucher call the credit token what vendors print on their receipts."""

from __future__ import annotations

import pytest

from starpos import i18n

#: (what the screen says, what the voucher prints) for the same thing.
SAME_LINE = [
    (("breakdown", "Vending amount"), ("voucher", "Vending amount")),
    (("breakdown", "Net amount"), ("voucher", "Net amount")),
    (("breakdown", "Energy"), ("voucher", "Energy")),
    (("breakdown", "VAT"), ("voucher", "VAT")),
    (("breakdown", "Debt repayment"), ("voucher", "Debt repayment")),
    (("breakdown", "Pre-installed amount"), ("voucher", "Pre-installed amount")),
    (("breakdown", "Prearrange amount"), ("voucher", "Prearrange amount")),
    (("pos", "Paid"), ("voucher", "Paid")),
    (("pos", "Change"), ("voucher", "Change")),
    (("pos", "Payment"), ("voucher", "Payment")),
    (("pos", "Tariff"), ("voucher", "Tariff")),
    (("pos", "Customer"), ("voucher", "Customer")),
]


def test_the_vending_amount_has_one_name() -> None:
    from starpos.counter import vouchers
    from starpos.ui.pos import breakdown_panel

    assert vouchers.AMOUNT == breakdown_panel.AMOUNT == "Vending amount"  # the manual's word


@pytest.mark.parametrize("lang", ["en", "fr", "zh_CN"])
def test_the_screen_and_the_voucher_say_the_same_word(lang: str) -> None:
    differ = [
        (screen[1], i18n.translate(*screen, lang), i18n.translate(*paper, lang))
        for screen, paper in SAME_LINE
        if i18n.translate(*screen, lang) != i18n.translate(*paper, lang)
    ]
    assert differ == []


def test_the_chinese_credit_token_is_the_vendors_word() -> None:
    assert i18n.translate("pos", "Token", "zh_CN") == "购电码"
    assert i18n.translate("voucher", "Credit token", "zh_CN") == "购电码"
    assert i18n.translate("shift", "Token", "zh_CN") == "购电码"


def test_the_demo_master_data_names_read_in_french_and_chinese() -> None:
    import json

    from starpos.paths import resources_dir

    data = json.loads((resources_dir() / "demo" / "master_data.json").read_text("utf-8"))
    names = [
        entry["name"]
        for kind in ("payment_terms", "meter_models", "charge_items", "tariffs")
        for entry in data[kind]
    ]
    for lang in ("fr", "zh_CN"):
        untranslated = [n for n in names if i18n.translate("masterdata", n, lang) == n]
        assert untranslated == [], lang


#: The amounts a payment change (manual 4.7) and a meter's first purchase (manual 1.8) leave
#: on a sale: each has one name wherever it is shown (the customer type and meter model
#: forms, the payment change screen and command, the breakdown, the voucher, the bill).
ONE_NAME = ["Prearrange amount", "Pre-installed amount", "Receivable amount"]


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_the_sale_amounts_have_one_name_in_every_context(lang: str) -> None:
    found: dict[str, set[str]] = {source: set() for source in ONE_NAME}
    for path in i18n.catalog_files(lang):
        for (_, source), translation in i18n.load_catalog([path]).items():
            if source in found:
                found[source].add(translation)
    assert all(found.values())
    assert {source: names for source, names in found.items() if len(names) > 1} == {}
