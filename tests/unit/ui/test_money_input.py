"""A typed amount follows the one rule for numbers: ASCII digits, one point or comma."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.i18n import set_language
from starpos.ui.counter_errors import AmountNotPositive, AmountNotValid
from starpos.ui.money import parse_amount


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("45", "45.00"), ("45.5", "45.50"), ("45,50", "45.50"), (" 1 500 ", "1500.00"),
     (".5", "0.50"), ("7.", "7.00")],
)  # fmt: skip
def test_an_amount_in_ascii_digits_is_read(typed: str, amount: str) -> None:
    assert parse_amount(typed, 2) == Decimal(amount)


@pytest.mark.parametrize(
    "typed",
    ["４５", "٤٥", "1_0", "1e2", "1E2", "NaN", "Infinity", "+5", "4.5.1", "", "abc", "45.123",
     "9" * 30, "1e400"],
)  # fmt: skip
def test_other_digits_separators_and_exponents_are_refused(typed: str) -> None:
    with pytest.raises(AmountNotValid):
        parse_amount(typed, 2)


@pytest.mark.parametrize("typed", ["0", "0.00", "-5"])
def test_zero_and_negative_are_not_an_amount_to_sell(typed: str) -> None:
    with pytest.raises(AmountNotPositive):
        parse_amount(typed, 2)
