"""Hand-worked examples: the manual's 445, VAT on taxed charges, the fixed lines."""

from __future__ import annotations

from decimal import Decimal

from starpos.pricing import (
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    PurchaseHistory,
    price_for_energy,
    price_from_net,
)
from tests.unit.pricing.pricing_sales import context, manual_step_tariff

D = Decimal


def test_the_manuals_600_kwh_cost_445_on_the_first_purchase_of_the_month() -> None:
    # 200 * 0.6 + (500 - 200) * 0.75 + (600 - 500) * 1.0 = 120 + 225 + 100 = 445
    sale = context(tariff=manual_step_tariff())
    priced = price_from_net(D("445"), sale)
    assert priced.amount == D("445.00")
    assert priced.energy_kwh == D("600.0")
    assert priced.token_kwh == D("600.0")
    assert price_for_energy(D(600), sale).net == D("445.00")


def test_a_step_tariff_continues_from_the_months_earlier_purchases() -> None:
    # 150 kWh bought earlier: 50 left at 0.6 (30), 300 at 0.75 (225), 100 at 1.0 (100).
    sale = context(tariff=manual_step_tariff(), history=PurchaseHistory(kwh_this_month=D("150.0")))
    assert price_from_net(D("355"), sale).energy_kwh == D("450.0")


def test_vat_is_charged_on_the_amount_and_the_taxed_charges_only() -> None:
    service = ChargeItem("SVC", "Service fee", ChargeMethod.BY_TIMES, D("10.00"), taxed=True)
    levy = ChargeItem("LEVY", "Street light levy", ChargeMethod.BY_TIMES, D("5.00"))
    kind = CustomerTypeRules(vat_rate=D(15), charges=(service, levy))
    priced = price_from_net(D("120.00"), context(customer_type=kind))
    # 120 = A + 10 + 5 + 0.15 (A + 10)  ->  A = (120 - 15 - 1.5) / 1.15 = 90.00
    assert priced.amount == D("90.00")
    assert priced.taxed_total == D("10.00")
    assert priced.untaxed_total == D("5.00")
    assert priced.vat == D("15.00")
    assert priced.energy_kwh == D("90.0")
    assert priced.lines_total() == D("120.00")


def test_the_energy_falls_into_the_steps_as_the_price_was_computed() -> None:
    # The preview's per-step lines: 600 kWh are 200 + 300 + 100, and after 150 kWh bought
    # earlier 450 kWh are 50 + 300 + 100; each share times its price is the cost.
    from starpos.pricing.energy import cost_of_energy, energy_by_block

    blocks = manual_step_tariff().blocks_at(context().at)
    for earlier, kwh, shares in (
        (D(0), D(600), [D(200), D(300), D(100)]),
        (D(150), D(450), [D(50), D(300), D(100)]),
        (D(550), D("10.5"), [D("10.5")]),
    ):
        cut = energy_by_block(blocks, kwh, earlier)
        assert [share for _block, share in cut] == shares
        assert sum(b.price * s for b, s in cut) == cost_of_energy(blocks, kwh, earlier)
