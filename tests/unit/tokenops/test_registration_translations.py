"""The registration bill, the register commands' lines and their refusals read in French and
Chinese (decision BO-21)."""

from __future__ import annotations

import re

import pytest

from starpos.commands.admin.customers import MESSAGES
from starpos.i18n import catalog_files, load_catalog, render_error
from starpos.masterdata.numbering_rules import BILL_TYPE_NAMES
from starpos.masterdata.registration_charges import (
    RegistrationPaidTooLittleError,
    RegistrationPaymentAmountError,
    UnknownRegistrationBillError,
)
from starpos.tokenops import registration_voucher


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_the_bill_and_the_command_read_in_every_language(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    template = registration_voucher.registration_template()
    wanted = [
        *[("voucher", text) for text in template.labels() if not text.startswith("{")],
        *[("tokenops", text) for text in (*registration_voucher.TEXTS, *MESSAGES)],
        ("terms", BILL_TYPE_NAMES["registration"]),
    ]
    missing = [key for key in wanted if key not in catalog]
    assert not missing
    for key in wanted:
        assert set(re.findall(r"{\w+}", key[1])) == set(re.findall(r"{\w+}", catalog[key]))


@pytest.mark.parametrize(
    "error",
    [
        RegistrationPaidTooLittleError(paid="10.00", due="15.75"),
        RegistrationPaymentAmountError(amount="1.001", decimals=2),
        UnknownRegistrationBillError(bill="RG2600001"),
    ],
)
def test_every_refusal_reads_in_the_readers_language(error: Exception) -> None:
    english = render_error(error, "en")  # type: ignore[arg-type]
    for lang in ("fr", "zh_CN"):
        assert render_error(error, lang) != english  # type: ignore[arg-type]
