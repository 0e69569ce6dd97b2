"""Currency decimals, the leftover cent, token rounding and the refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.i18n import render_error
from starpos.pricing import (
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    price_for_energy,
    price_from_net,
)
from starpos.pricing.errors import (
    EnergyTooLargeError,
    InvalidCurrencyAmountError,
    InvalidEnergyError,
    InvalidPricingRuleError,
    NetTooSmallError,
)
from tests.unit.pricing.pricing_sales import context

D = Decimal
VAT_15 = CustomerTypeRules(vat_rate=D(15))


@pytest.mark.parametrize(
    ("decimals", "net", "amount", "vat", "rounding"),
    [
        # 87 + round(13.05) = 87 + 13 = 100
        (0, "100", "87", "13", "0"),
        # 86.9 + round(13.035) = 99.9 and 87.0 + round(13.05) = 100.1: the net is skipped,
        # so VAT stays on 86.9 and the leftover 0.1 goes to the Amount.
        (1, "100.0", "87.0", "13.0", "0.1"),
        # 86.96 + round(13.044) = 100.00 exactly
        (2, "100.00", "86.96", "13.04", "0.00"),
    ],
)
def test_amount_decimals_0_1_2(
    decimals: int, net: str, amount: str, vat: str, rounding: str
) -> None:
    priced = price_from_net(D(net), context(decimals=decimals, customer_type=VAT_15))
    assert (str(priced.amount), str(priced.vat), str(priced.amount_rounding)) == (
        amount,
        vat,
        rounding,
    )
    assert priced.lines_total() == D(net)


@pytest.mark.parametrize(("decimals", "net"), [(0, "12.5"), (1, "10.05"), (2, "1.001"), (2, "-1")])
def test_a_net_off_the_currency_grid_is_refused(decimals: int, net: str) -> None:
    with pytest.raises(InvalidCurrencyAmountError) as refused:
        price_from_net(D(net), context(decimals=decimals))
    assert f"at most {decimals} decimal places" in render_error(refused.value)


def test_a_charge_off_the_currency_grid_is_a_setup_error() -> None:
    kind = CustomerTypeRules(charges=(ChargeItem("X", "X", ChargeMethod.BY_TIMES, D("0.5")),))
    with pytest.raises(InvalidPricingRuleError):
        price_from_net(D(10), context(decimals=0, customer_type=kind))


def test_a_net_that_does_not_cover_the_charges_is_refused_with_the_minimum() -> None:
    kind = CustomerTypeRules(charges=(ChargeItem("F", "Fee", ChargeMethod.BY_TIMES, D(10)),))
    with pytest.raises(NetTooSmallError) as refused:
        price_from_net(D("5.00"), context(customer_type=kind))
    # 10.00 of fee and 0.10 for the smallest energy a token carries (0.1 kWh at 1.00)
    assert refused.value.params["minimum"] == D("10.10")
    assert "ask for at least 10.10" in render_error(refused.value)


def test_a_net_that_buys_no_energy_is_refused() -> None:
    with pytest.raises(NetTooSmallError):
        price_from_net(D("0.09"), context())
    assert price_from_net(D("0.10"), context()).token_kwh == D("0.1")


def test_energy_is_rounded_down_to_what_the_token_carries_above_1638_3_kwh() -> None:
    priced = price_from_net(D("2000.00"), context())
    # from 1638.4 kWh on the token counts whole kWh: 1638.4, 1639.4, ... 1999.4
    assert (priced.amount, priced.energy_kwh, priced.token_kwh) == (
        D("2000.00"),
        D("1999.4"),
        D("1999.4"),
    )
    assert price_for_energy(D(2000), context()).net == D("2000.40")


def test_energy_above_the_token_maximum_is_refused() -> None:
    with pytest.raises(EnergyTooLargeError) as refused:
        price_from_net(D("20000.00"), context(price="0.01"))
    assert refused.value.params["maximum"] == D("1820162.4")
    with pytest.raises(EnergyTooLargeError):
        price_for_energy(D("1820162.5"), context())


def test_energy_asked_for_must_be_positive() -> None:
    with pytest.raises(InvalidEnergyError):
        price_for_energy(D(0), context())


def test_price_for_energy_rounds_the_price_up_to_the_currency() -> None:
    # 10.0 kWh at 0.333 cost 3.33; at 0.3333 they cost 3.333, so 3.34 is charged.
    assert price_for_energy(D(10), context(price="0.333")).net == D("3.33")
    priced = price_for_energy(D(10), context(price="0.3333"))
    assert (priced.net, priced.energy_kwh) == (D("3.34"), D("10.0"))


def test_the_warn_amount_flags_a_large_net_without_refusing_it() -> None:
    assert price_from_net(D("600.00"), context(warn="500")).exceeds_warn_amount
    assert not price_from_net(D("500.00"), context(warn="500")).exceeds_warn_amount
    assert not price_from_net(D("600.00"), context()).exceeds_warn_amount


def test_floats_are_refused_even_when_they_look_whole() -> None:
    with pytest.raises(InvalidCurrencyAmountError):
        price_from_net(100.0, context())  # type: ignore[arg-type]
    with pytest.raises(InvalidEnergyError):
        price_for_energy(10.0, context())  # type: ignore[arg-type]
