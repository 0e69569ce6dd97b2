"""The meter replacement's bill, command lines and refusals read in French and Chinese."""

from __future__ import annotations

import re

import pytest

from starpos.commands._meter_replace import MESSAGES
from starpos.i18n import catalog_files, load_catalog, render_error
from starpos.masterdata.replacement_reason_charges import PercentageReplacementChargeError
from starpos.tokenops import errors, meter_replace_voucher
from starpos.tokenops.meter_replace_card import NotACardMeterError
from starpos.tokenops.meter_replace_charges import VAT


@pytest.mark.parametrize("lang", ["fr", "zh_CN"])
def test_the_bill_and_the_command_read_in_every_language(lang: str) -> None:
    catalog = load_catalog(catalog_files(lang))
    template = meter_replace_voucher.replacement_template()
    wanted = [
        *[("voucher", text) for text in template.labels() if not text.startswith("{")],
        ("voucher", VAT),
        *[("tokenops", text) for text in (*meter_replace_voucher.TEXTS, *MESSAGES)],
    ]
    missing = [key for key in wanted if key not in catalog]
    assert not missing
    for key in wanted:
        assert set(re.findall(r"{\w+}", key[1])) == set(re.findall(r"{\w+}", catalog[key]))


@pytest.mark.parametrize(
    "error",
    [
        errors.ReplacementPaidTooLittleError(paid="20.00", due="26.88"),
        errors.UnknownReplacementError(bill="RP2600001"),
        NotACardMeterError(meter="01234567897"),
        PercentageReplacementChargeError(item="LEVY"),
    ],
)
def test_every_refusal_reads_in_the_readers_language(error: Exception) -> None:
    english = render_error(error, "en")  # type: ignore[arg-type]
    for lang in ("fr", "zh_CN"):
        assert render_error(error, lang) != english  # type: ignore[arg-type]
