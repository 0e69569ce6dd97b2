"""Charge items and debt repayment due on one sale (manual 2.2, 2.3, 3.4).

Fixed lines depend only on the purchase history; percentage lines on the base Amount they
are computed on (rounded half up to the currency). Monthly and yearly items are collected
once per calendar period; a repayment never exceeds the outstanding debt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from starpos.pricing.money import ZERO, quantum, rate_of
from starpos.pricing.rules import (
    ChargeItem,
    ChargeMethod,
    PurchaseHistory,
    RepaymentMethod,
    RepaymentRule,
)


@dataclass(frozen=True)
class ChargeLine:
    """One charge printed on the voucher."""

    code: str
    name: str
    method: ChargeMethod
    taxed: bool
    amount: Decimal


def charge_applies(item: ChargeItem, history: PurchaseHistory) -> bool:
    """Whether ``item`` is due on this sale (monthly and yearly once per period)."""
    if item.method is ChargeMethod.MONTHLY:
        return item.code not in history.charges_collected_this_month
    if item.method is ChargeMethod.YEARLY:
        return item.code not in history.charges_collected_this_year
    return True


def charge_lines(
    items: Iterable[ChargeItem], base: Decimal, history: PurchaseHistory, decimals: int
) -> tuple[ChargeLine, ...]:
    """The lines of the charges due, percentages taken of ``base`` (the Amount)."""
    lines = []
    for item in items:
        if not charge_applies(item, history):
            continue
        if item.method is ChargeMethod.BY_AMOUNT:
            value = rate_of(base, item.percent, decimals)
        else:
            value = item.amount.quantize(quantum(decimals))
        lines.append(ChargeLine(item.code, item.name, item.method, item.taxed, value))
    return tuple(lines)


def repayment_due(
    rule: RepaymentRule | None, base: Decimal, history: PurchaseHistory, decimals: int
) -> Decimal:
    """The debt repaid on this sale: the rule's amount or percentage of ``base``, at most
    the outstanding debt, and only once per month or year for those methods."""
    debt = history.outstanding_debt
    if rule is None or rule.method is RepaymentMethod.NONE or debt <= 0:
        return ZERO.quantize(quantum(decimals))
    if rule.method is RepaymentMethod.PERCENTAGE:
        wanted = rate_of(base, rule.percent, decimals)
    elif _repaid_this_period(rule.method, history):
        wanted = ZERO
    else:
        wanted = rule.amount
    return min(wanted, debt).quantize(quantum(decimals))


def _repaid_this_period(method: RepaymentMethod, history: PurchaseHistory) -> bool:
    if method is RepaymentMethod.MONTHLY:
        return not history.first_of_month
    if method is RepaymentMethod.YEARLY:
        return not history.first_of_year
    return False
