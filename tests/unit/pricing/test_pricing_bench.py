"""How long pricing one sale takes (numbers in docs/benchmarks.md, "Pricing").

Run: ``python -m pytest tests/unit/pricing/test_pricing_bench.py -m bench --benchmark-enable``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from starpos.pricing import (
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    PurchaseHistory,
    RepaymentMethod,
    RepaymentRule,
    price_for_energy,
    price_from_net,
)
from tests.unit.pricing.pricing_sales import context, manual_step_tariff

D = Decimal

# The "everything at once" example of docs/pricing.md.
FULL = context(
    tariff=manual_step_tariff(),
    customer_type=CustomerTypeRules(
        vat_rate=D(15),
        charges=(
            ChargeItem("SVC", "Service fee", ChargeMethod.BY_TIMES, D(10), taxed=True),
            ChargeItem("LEVY", "Levy", ChargeMethod.BY_AMOUNT, percent=D(2)),
            ChargeItem("RENT", "Meter rent", ChargeMethod.MONTHLY, D(5)),
        ),
        repayment=RepaymentRule(RepaymentMethod.PERCENTAGE, percent=D(10)),
        fbe_kwh_per_month=D(50),
    ),
    history=PurchaseHistory(first_purchase=True, outstanding_debt=D(50)),
    preinstalled_amount=D(20),
)


@pytest.mark.bench
def test_price_a_full_sale_from_its_net(benchmark: Any) -> None:
    priced = benchmark(price_from_net, D("200.00"), FULL)
    assert priced.token_kwh == D("261.6")


@pytest.mark.bench
def test_price_a_full_sale_from_its_energy(benchmark: Any) -> None:
    priced = benchmark(price_for_energy, D("211.6"), FULL)
    # 200.00 buys 211.6 kWh with 0.01 to spare; 199.94 is the smallest net that does
    assert (priced.net, priced.energy_kwh) == (D("199.94"), D("211.6"))
