"""The one rule for numbers typed on the command line (docs/decisions.md, "Numbers typed on
the command line"): ASCII digits with at most one '.', each kind on its grid and in its range."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.commands._output import (
    ENERGY,
    MONEY,
    TOKEN_ENERGY,
    NumberRule,
    echo,
    money_amount,
    parse_number,
    whole_number,
)
from starpos.i18n import render_error

NOT_DIGITS = ["1e400", "1e-400", "1E2", "４５", "٤٥", "1_0", "-5", "+5", "5,00", "nan", "inf",
              "", " ", ".", "1.2.3", "0x10", "12 5", "\u00a012"]  # fmt: skip


@pytest.mark.parametrize("text", NOT_DIGITS)
@pytest.mark.parametrize("rule", [MONEY, TOKEN_ENERGY, ENERGY], ids=["money", "token", "energy"])
def test_anything_but_ascii_digits_and_one_point_is_not_a_number(
    text: str, rule: NumberRule
) -> None:
    with pytest.raises(Exception) as refused:
        parse_number(text, rule)
    assert refused.value.code in ("input.amount_text", "input.energy_text")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "value"),
    [("25", "25"), ("25.00", "25.00"), (" 12 ", "12"), ("0.5", "0.5"), (".5", "0.5"),
     ("5.", "5"), ("007", "7"), ("99999999999999.99", "99999999999999.99")],
)  # fmt: skip
def test_plain_amounts_are_read_exactly(text: str, value: str) -> None:
    assert parse_number(text, MONEY) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "decimals", "code"),
    [
        ("9" * 30, 2, "input.number_range"),
        ("100000000000000", 2, "input.number_range"),
        ("9" * 10_000, 2, "input.number_range"),
        ("12.345", 2, "pricing.invalid_amount"),
        ("1.5", 0, "pricing.invalid_amount"),
        ("0." + "0" * 500 + "1", 2, "pricing.invalid_amount"),
    ],
)
def test_money_out_of_range_or_finer_than_the_currency_is_refused(
    text: str, decimals: int, code: str
) -> None:
    with pytest.raises(Exception) as refused:
        money_amount(text, decimals)
    assert refused.value.code == code  # type: ignore[attr-defined]


def test_trailing_zeros_stay_on_the_grid() -> None:
    assert money_amount("1.500", 1) == Decimal("1.500")
    assert parse_number("12.50", TOKEN_ENERGY) == Decimal("12.50")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0", "sts.amount.not_positive"),
        ("0.0", "sts.amount.not_positive"),
        ("1820162.5", "sts.amount.too_large"),
        ("0.05", "input.energy_step"),
        ("ten", "input.energy_text"),
    ],
)
def test_token_energy_is_above_zero_in_tenths_up_to_what_a_token_carries(
    text: str, code: str
) -> None:
    with pytest.raises(Exception) as refused:
        parse_number(text, TOKEN_ENERGY)
    assert refused.value.code == code  # type: ignore[attr-defined]
    assert parse_number("1820162.4", TOKEN_ENERGY) == Decimal("1820162.4")


@pytest.mark.parametrize(
    ("text", "code"),
    [("٤٥", "input.whole_number_text"), ("1_0", "input.whole_number_text"),
     ("-1", "input.whole_number_text"), ("1.0", "input.whole_number_text"),
     ("65536", "input.number_range"), ("9" * 5000, "input.number_range")],
)  # fmt: skip
def test_whole_numbers_are_ascii_digits_in_range(text: str, code: str) -> None:
    with pytest.raises(Exception) as refused:
        whole_number(text, 0, 65535)
    assert refused.value.code == code  # type: ignore[attr-defined]
    assert whole_number(" 0065535 ", 0, 65535) == 65535


def test_an_error_repeats_at_most_forty_characters_of_the_input() -> None:
    with pytest.raises(Exception) as refused:
        money_amount("x" * 10_000)
    line = render_error(refused.value)
    assert len(line) < 150 and "…" in line and "\n" not in line
    assert echo("a\nb") == "a b"
    assert echo("0123456789" * 5) == "0123456789012345678…01234567890123456789"
    assert len(echo("0123456789" * 5)) == 40
