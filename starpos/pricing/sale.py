"""One sale's pricing context and the money lines computed from a base Amount."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from starpos.pricing.charges import ChargeLine, charge_lines, repayment_due
from starpos.pricing.errors import InvalidCurrencyAmountError, InvalidPricingRuleError
from starpos.pricing.money import ZERO, currency, quantum, rate_of
from starpos.pricing.rules import (
    ChargeMethod,
    CustomerTypeRules,
    MeterRules,
    PricingRules,
    PurchaseHistory,
)
from starpos.pricing.tariffs import PriceBlock, Tariff

TENTH = Decimal("0.1")


@dataclass(frozen=True)
class SaleContext:
    """Everything that prices a sale of one meter at one moment.

    ``at`` is the sale time on the local wall clock: it picks the tariff version, the TOU
    index and the calendar month and year of the history.

    ``adjustments`` are fixed untaxed lines the meter's account settles on this sale, outside
    the customer type's charges: after a payment change (manual 4.7) the receivable (the
    postpaid debt, positive) and the remain (the prepaid credit left, negative: it decreases
    the net). They are charge lines of the breakdown, so the ledger, the voucher and the head
    office book them as they book charges (docs/decisions.md TOK-17).
    """

    rules: PricingRules
    customer_type: CustomerTypeRules
    tariff: Tariff
    history: PurchaseHistory
    at: datetime
    meter: MeterRules = field(default_factory=MeterRules)
    adjustments: tuple[ChargeLine, ...] = ()

    @property
    def decimals(self) -> int:
        return self.rules.currency_decimals

    @property
    def step(self) -> Decimal:
        return quantum(self.rules.currency_decimals)

    def blocks(self) -> tuple[PriceBlock, ...]:
        return self.tariff.blocks_at(self.at)

    def fbe_due_kwh(self) -> Decimal:
        """Free energy still due this month (all of it on the month's first purchase)."""
        left = self.customer_type.fbe_kwh_per_month - self.history.fbe_kwh_this_month
        return max(left, ZERO).quantize(TENTH)

    def preinstalled_due(self) -> Decimal:
        return self.meter.preinstalled_amount if self.history.first_purchase else ZERO

    def prearrange_due(self) -> Decimal:
        return self.customer_type.prearrange_amount if self.history.prearrange_due else ZERO

    def credit_returned(self) -> Decimal:
        """What the negative adjustments give back (a base may exceed the net by this)."""
        return -sum((line.amount for line in self.adjustments if line.amount < 0), ZERO)


@dataclass(frozen=True)
class Lines:
    """The money lines computed from a base Amount; ``total`` includes the base."""

    base: Decimal
    charges: tuple[ChargeLine, ...]
    taxed_total: Decimal
    untaxed_total: Decimal
    vat: Decimal
    debt_repayment: Decimal
    preinstalled: Decimal
    prearrange: Decimal

    @property
    def total(self) -> Decimal:
        return (
            self.base
            + self.taxed_total
            + self.untaxed_total
            + self.vat
            + self.debt_repayment
            + self.preinstalled
            + self.prearrange
        )


def lines_for(base: Decimal, sale: SaleContext) -> Lines:
    """Every line of a sale whose Amount is ``base`` (VAT = (base + taxed) x rate)."""
    kind = sale.customer_type
    charges = charge_lines(kind.charges, base, sale.history, sale.decimals) + sale.adjustments
    taxed = sum((line.amount for line in charges if line.taxed), ZERO)
    untaxed = sum((line.amount for line in charges if not line.taxed), ZERO)
    step = sale.step
    return Lines(
        base=base,
        charges=charges,
        taxed_total=taxed.quantize(step),
        untaxed_total=untaxed.quantize(step),
        vat=rate_of(base + taxed, kind.vat_rate, sale.decimals),
        debt_repayment=repayment_due(kind.repayment, base, sale.history, sale.decimals),
        preinstalled=sale.preinstalled_due().quantize(step),
        prearrange=sale.prearrange_due().quantize(step),
    )


def _setting(name: str, value: Decimal, decimals: int) -> None:
    try:
        currency(value, decimals)
    except InvalidCurrencyAmountError as error:
        raise InvalidPricingRuleError(
            name=name, reason=f"{value} is not a currency amount with {decimals} decimals"
        ) from error


def _percent(name: str, value: Decimal) -> None:
    if not value.is_finite() or value < 0 or value >= 100:
        raise InvalidPricingRuleError(name=name, reason="a percentage from 0 to below 100")


def check_context(sale: SaleContext) -> None:
    """Refuse master data the pricing cannot honour exactly (a setup mistake)."""
    decimals = sale.decimals
    quantum(decimals)
    kind = sale.customer_type
    _percent("VAT rate", kind.vat_rate)
    for item in kind.charges:
        if item.method is ChargeMethod.BY_AMOUNT:
            _percent(f"charge {item.code}", item.percent)
        else:
            _setting(f"charge {item.code}", item.amount, decimals)
    if kind.repayment is not None:
        _percent("repayment percentage", kind.repayment.percent)
        _setting("repayment amount", kind.repayment.amount, decimals)
    _setting("prearrange amount", kind.prearrange_amount, decimals)
    for line in sale.adjustments:
        if line.taxed or line.method is not ChargeMethod.BY_TIMES:
            raise InvalidPricingRuleError(name=line.code, reason="a fixed untaxed line")
        _setting(line.code, abs(line.amount), decimals)
    _setting("pre-installed amount", sale.meter.preinstalled_amount, decimals)
    _setting("outstanding debt", sale.history.outstanding_debt, decimals)
    for name, kwh in (
        ("free basic electricity", kind.fbe_kwh_per_month),
        ("free energy given this month", sale.history.fbe_kwh_this_month),
        ("energy bought this month", sale.history.kwh_this_month),
    ):
        if not kwh.is_finite() or kwh < 0 or kwh % TENTH:
            raise InvalidPricingRuleError(name=name, reason="kWh on the 0.1 kWh grid")
