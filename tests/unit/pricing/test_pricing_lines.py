"""Charges, repayments, pre-installed and prearrange amounts, FBE: hand-worked sales."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.pricing import (
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    PurchaseHistory,
    RepaymentMethod,
    RepaymentRule,
    price_from_net,
)
from tests.unit.pricing.pricing_sales import context

D = Decimal


def _with_repayment(method: RepaymentMethod, history: PurchaseHistory, **rule: D) -> D:
    kind = CustomerTypeRules(repayment=RepaymentRule(method, **rule))
    priced = price_from_net(D("100.00"), context(customer_type=kind, history=history))
    assert priced.amount + priced.debt_repayment == D("100.00")
    assert priced.debt_after == history.outstanding_debt - priced.debt_repayment
    return priced.debt_repayment


def test_repay_by_times_takes_the_amount_on_every_purchase_until_the_debt_is_paid() -> None:
    for first_of_month in (True, False):
        history = PurchaseHistory(outstanding_debt=D("30.00"), first_of_month=first_of_month)
        assert _with_repayment(RepaymentMethod.BY_TIMES, history, amount=D(10)) == D("10.00")
    last = PurchaseHistory(outstanding_debt=D("4.00"))
    assert _with_repayment(RepaymentMethod.BY_TIMES, last, amount=D(10)) == D("4.00")


def test_a_customer_type_that_repays_nothing_repays_nothing() -> None:
    # NONE is the store's default method; the pricing may be handed it as a rule too.
    owing = PurchaseHistory(outstanding_debt=D("30.00"))
    assert _with_repayment(RepaymentMethod.NONE, owing, amount=D(10), percent=D(10)) == D("0")


def test_repay_monthly_only_on_the_first_purchase_of_the_month() -> None:
    first = PurchaseHistory(outstanding_debt=D("30.00"), first_of_month=True)
    later = PurchaseHistory(outstanding_debt=D("30.00"), first_of_month=False)
    assert _with_repayment(RepaymentMethod.MONTHLY, first, amount=D(10)) == D("10.00")
    assert _with_repayment(RepaymentMethod.MONTHLY, later, amount=D(10)) == D("0")


def test_repay_yearly_only_on_the_first_purchase_of_the_year() -> None:
    first = PurchaseHistory(outstanding_debt=D("30.00"), first_of_year=True)
    later = PurchaseHistory(outstanding_debt=D("30.00"), first_of_year=False)
    assert _with_repayment(RepaymentMethod.YEARLY, first, amount=D(10)) == D("10.00")
    assert _with_repayment(RepaymentMethod.YEARLY, later, amount=D(10)) == D("0")


def test_repay_by_percentage_of_the_amount_capped_by_the_debt() -> None:
    # 100 = A + 10 % of A  ->  A = 90.91, repayment 9.09
    plenty = PurchaseHistory(outstanding_debt=D("500.00"))
    assert _with_repayment(RepaymentMethod.PERCENTAGE, plenty, percent=D(10)) == D("9.09")
    # 10 % of A would be 9.55; only 5.00 is owed, so A = 95.00
    little = PurchaseHistory(outstanding_debt=D("5.00"))
    assert _with_repayment(RepaymentMethod.PERCENTAGE, little, percent=D(10)) == D("5.00")


def test_no_debt_no_repayment() -> None:
    history = PurchaseHistory(outstanding_debt=D("0.00"))
    assert _with_repayment(RepaymentMethod.BY_TIMES, history, amount=D(10)) == 0


@pytest.mark.parametrize(
    ("method", "history", "charged"),
    [
        (ChargeMethod.MONTHLY, PurchaseHistory(), True),
        (
            ChargeMethod.MONTHLY,
            PurchaseHistory(charges_collected_this_month=frozenset({"M"})),
            False,
        ),
        (ChargeMethod.YEARLY, PurchaseHistory(), True),
        (ChargeMethod.YEARLY, PurchaseHistory(charges_collected_this_year=frozenset({"M"})), False),
        (
            ChargeMethod.BY_TIMES,
            PurchaseHistory(charges_collected_this_month=frozenset({"M"})),
            True,
        ),
    ],
)
def test_monthly_and_yearly_charges_are_collected_once_per_period(
    method: ChargeMethod, history: PurchaseHistory, charged: bool
) -> None:
    kind = CustomerTypeRules(charges=(ChargeItem("M", "Meter rent", method, D("20.00")),))
    priced = price_from_net(D("100.00"), context(customer_type=kind, history=history))
    assert [line.amount for line in priced.charges] == ([D("20.00")] if charged else [])
    assert priced.amount == (D("80.00") if charged else D("100.00"))


def test_a_percentage_charge_is_taken_of_the_amount() -> None:
    kind = CustomerTypeRules(
        charges=(ChargeItem("LEVY", "Levy", ChargeMethod.BY_AMOUNT, percent=D(5)),)
    )
    priced = price_from_net(D("105.00"), context(customer_type=kind))
    assert (priced.amount, priced.untaxed_total) == (D("100.00"), D("5.00"))


def test_the_pre_installed_amount_is_charged_on_the_meters_first_purchase_only() -> None:
    first = context(history=PurchaseHistory(first_purchase=True), preinstalled_amount=D(25))
    later = context(history=PurchaseHistory(first_purchase=False), preinstalled_amount=D(25))
    assert (price_from_net(D(100), first).preinstalled, price_from_net(D(100), first).amount) == (
        D(25),
        D("75.00"),
    )
    assert price_from_net(D(100), later).preinstalled == 0
    assert price_from_net(D(100), later).amount == D("100.00")


def test_the_prearrange_amount_is_charged_while_it_is_due() -> None:
    kind = CustomerTypeRules(prearrange_amount=D("40.00"))
    due = context(customer_type=kind, history=PurchaseHistory(prearrange_due=True))
    settled = context(customer_type=kind, history=PurchaseHistory(prearrange_due=False))
    assert price_from_net(D(100), due).prearrange == D("40.00")
    assert price_from_net(D(100), due).amount == D("60.00")
    assert price_from_net(D(100), settled).prearrange == 0


def test_free_basic_electricity_comes_on_the_first_purchase_of_the_month() -> None:
    kind = CustomerTypeRules(fbe_kwh_per_month=D("50.0"))
    first = price_from_net(D(100), context(customer_type=kind))
    assert (first.energy_kwh, first.fbe_kwh, first.token_kwh) == (D("100.0"), D(50), D("150.0"))
    given = PurchaseHistory(first_of_month=False, fbe_kwh_this_month=D("50.0"))
    later = price_from_net(D(100), context(customer_type=kind, history=given))
    assert (later.fbe_kwh, later.token_kwh) == (0, D("100.0"))


def test_free_basic_electricity_alone_needs_no_payment() -> None:
    kind = CustomerTypeRules(fbe_kwh_per_month=D("50.0"))
    priced = price_from_net(D(0), context(customer_type=kind))
    assert (priced.net, priced.amount, priced.token_kwh) == (0, 0, D("50.0"))


def test_free_energy_does_not_move_the_step_tariff() -> None:
    from tests.unit.pricing.pricing_sales import manual_step_tariff

    kind = CustomerTypeRules(fbe_kwh_per_month=D("50.0"))
    priced = price_from_net(D(120), context(customer_type=kind, tariff=manual_step_tariff()))
    # 120 buys the whole first step (200 kWh at 0.6); the 50 free kWh come on top.
    assert (priced.energy_kwh, priced.token_kwh) == (D("200.0"), D("250.0"))


@pytest.mark.parametrize(
    ("last", "first_purchase", "first_of_month", "first_of_year"),
    [
        (None, True, True, True),
        ("2026-03-01 08:00", False, False, False),
        ("2026-02-28 23:59", False, True, False),
        ("2025-12-31 23:59", False, True, True),
    ],
)
def test_the_first_purchase_flags_follow_from_the_last_issued_purchase(
    last: str | None, first_purchase: bool, first_of_month: bool, first_of_year: bool
) -> None:
    from datetime import datetime

    from tests.unit.pricing.pricing_sales import SALE_TIME

    history = PurchaseHistory.since(
        SALE_TIME, datetime.fromisoformat(last) if last else None, outstanding_debt=D(5)
    )
    assert (history.first_purchase, history.first_of_month, history.first_of_year) == (
        first_purchase,
        first_of_month,
        first_of_year,
    )
    assert history.outstanding_debt == D(5)


def test_payment_change_adjustments_are_charge_lines_and_a_remain_decreases_the_net() -> None:
    """Manual 4.7: the receivable is charged, the remain returned, on the next sale."""
    from dataclasses import replace

    from starpos.pricing.charges import ChargeLine
    from starpos.pricing.errors import InvalidPricingRuleError

    receivable = ChargeLine("RECEIVABLE", "Receivable", ChargeMethod.BY_TIMES, False, D("30.00"))
    remain = ChargeLine("REMAIN", "Remain", ChargeMethod.BY_TIMES, False, D("-15.00"))
    kind = CustomerTypeRules(vat_rate=D("10"))
    charged = price_from_net(
        D(100), replace(context(customer_type=kind), adjustments=(receivable,))
    )
    assert charged.untaxed_total == D("30.00")
    assert (charged.amount, charged.vat) == (D("63.64"), D("6.36"))  # (100 - 30) / 1.1
    returned = price_from_net(D(50), replace(context(customer_type=kind), adjustments=(remain,)))
    plain = price_from_net(D(65), context(customer_type=kind))
    # 50 paid with 15 returned buys what 65 buys, VAT on the whole Amount (no rounding skip).
    assert (returned.amount, returned.vat, returned.amount_rounding) == (
        plain.amount, plain.vat, plain.amount_rounding,
    )  # fmt: skip
    assert returned.lines_total() == returned.net == D("50.00")
    assert price_from_net(D(0), replace(context(), adjustments=(remain,))).amount == D("15.00")
    taxed = replace(remain, taxed=True)
    with pytest.raises(InvalidPricingRuleError):
        price_from_net(D(50), replace(context(), adjustments=(taxed,)))
