"""Sale contexts for the pricing tests, built from the manual's examples."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from starpos.pricing import (
    CustomerTypeRules,
    MeterRules,
    PricingRules,
    PurchaseHistory,
    SaleContext,
    Step,
    StepRate,
    Tariff,
    TariffVersion,
    flat_tariff,
)

SALE_TIME = datetime(2026, 3, 14, 10, 30)

#: The manual's step tariff (2.12 f): 0-200 at 0.6, 200-500 at 0.75, 500-1000 at 1.0.
MANUAL_STEPS = StepRate(
    (
        Step(Decimal(200), Decimal("0.6")),
        Step(Decimal(500), Decimal("0.75")),
        Step(Decimal(1000), Decimal("1.0")),
    )
)


def manual_step_tariff() -> Tariff:
    return Tariff("STEP", (TariffVersion(datetime(2020, 1, 1), MANUAL_STEPS),))


def context(
    *,
    price: str = "1.00",
    tariff: Tariff | None = None,
    decimals: int = 2,
    warn: str | None = None,
    customer_type: CustomerTypeRules | None = None,
    history: PurchaseHistory | None = None,
    **meter: object,
) -> SaleContext:
    return SaleContext(
        rules=PricingRules(decimals, Decimal(warn) if warn else None),
        customer_type=customer_type or CustomerTypeRules(),
        tariff=tariff or flat_tariff("FLAT", Decimal(price)),
        history=history or PurchaseHistory(),
        at=SALE_TIME,
        meter=MeterRules(**meter),  # type: ignore[arg-type]
    )
