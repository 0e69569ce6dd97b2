"""The registration bill on paper (decision BO-21): the customer, each meter with its key data
and tariff, the register charge's lines and VAT, paid and change, in the operator's language;
the preview is what the paper shows and records nothing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.devices.printer import voucher_layout
from starpos.i18n import set_language
from starpos.masterdata.registration import MeterContract, register_paid
from starpos.settings import Settings
from starpos.shifts.lifecycle import open_shift
from starpos.tokenops.bill_prints import prints_made
from starpos.tokenops.registration_voucher import (
    preview_registration,
    registration_template,
    registration_voucher,
    subject_of,
)
from tests.integration.admin.admin_world import SECOND, Utility
from tests.integration.admin.test_registration_payment import FLOAT, THIRD, with_register_charges


def registered(utility: Utility) -> str:
    with_register_charges(utility)
    star = replace(utility.star, sales_point_code="SP01", terminal_code="T01")
    open_shift(utility.database, star, float_total=FLOAT)
    return register_paid(
        utility.database, star, name="Bo Hill", customer_type_code="RES",
        meters=[MeterContract(SECOND, "RES"), MeterContract(THIRD, "RES")], paid=Decimal(40),
    ).bill_number  # fmt: skip


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Customer registration", "Registration fee", "Connection fee", "VAT", "31.50",
                "Paid", "40.00", "Change", "8.50", f"Meter {SECOND}: tariff RES, SGC 600101"]),
        ("fr", ["Ouverture de compte client", "Frais", "Payé", "Monnaie rendue",
                f"Compteur {THIRD} : tarif RES"]),
        ("zh_CN", ["客户开户", "实收", "找零", f"电表 {SECOND}：费率 RES"]),
    ],
)  # fmt: skip
def test_the_bill_reads_in_the_operators_language(
    utility: Utility, language: str, words: list[str]
) -> None:
    bill = registered(utility)
    printer = ConfiguredPrinter(Settings())
    set_language(language)
    try:
        with utility.database.reading() as session:
            voucher = registration_voucher(session, bill, printer)
        text = voucher_layout(voucher, Settings(), registration_template()).text()
    finally:
        set_language("en")
    squeezed = " ".join(text.split())
    assert bill in squeezed
    for word in words:
        assert " ".join(word.split()) in squeezed, word


def test_the_preview_is_the_paper_and_records_no_print(utility: Utility, tmp_path: Path) -> None:
    bill = registered(utility)
    image = preview_registration(utility.database, ConfiguredPrinter(Settings()), bill)
    image.save(tmp_path / "registration-bill.png")
    assert image.size[1] > 300
    with utility.database.reading() as session:
        assert prints_made(session, subject_of(bill)) == 0


def test_the_bill_names_the_sales_point_of_the_terminal_it_was_made_at(utility: Utility) -> None:
    # STAR has no home sales point: the bill names where the counter T01 stands (SP01
    # "Office"), the place the registration was made at, whoever reads it later.
    bill = registered(utility)
    with utility.database.reading() as session:
        voucher = registration_voucher(session, bill, ConfiguredPrinter(Settings()))
    assert voucher.sales_point == "SP01 Office"
