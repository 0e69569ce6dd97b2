"""Properties over random customer types, histories, tariffs and nets.

Net always reconciles to the last cent; every line is on the currency grid; the energy is
never more than the Amount buys (and short of it by less than one token step); and
``price_for_energy`` agrees with ``price_from_net``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starpos.pricing import (
    ChargeItem,
    ChargeMethod,
    CustomerTypeRules,
    FlatRate,
    MeterRules,
    PricingRules,
    PurchaseHistory,
    RepaymentMethod,
    RepaymentRule,
    SaleContext,
    Step,
    StepRate,
    Tariff,
    TariffVersion,
    price_for_energy,
    price_from_net,
)
from starpos.pricing.energy import cost_of_energy
from starpos.pricing.errors import EnergyTooLargeError, NetTooSmallError
from tests.unit.pricing.pricing_sales import SALE_TIME

D = Decimal
TENTH = D("0.1")


def _money(decimals: int, top: int) -> st.SearchStrategy[Decimal]:
    scale = 10**decimals
    return st.integers(0, top * scale).map(lambda units: D(units).scaleb(-decimals))


def _percent() -> st.SearchStrategy[Decimal]:
    return st.integers(0, 3000).map(lambda hundredths: D(hundredths).scaleb(-2))


def _price() -> st.SearchStrategy[Decimal]:
    return st.integers(1, 50000).map(lambda units: D(units).scaleb(-4))


@st.composite
def _charges(draw: st.DrawFn, decimals: int) -> tuple[ChargeItem, ...]:
    items = []
    for number in range(draw(st.integers(0, 3))):
        method = draw(st.sampled_from(ChargeMethod))
        items.append(
            ChargeItem(
                code=f"C{number}",
                name=f"charge {number}",
                method=method,
                amount=draw(_money(decimals, 50)),
                percent=draw(_percent()),
                taxed=draw(st.booleans()),
            )
        )
    return tuple(items)


@st.composite
def _tariff(draw: st.DrawFn) -> Tariff:
    if draw(st.booleans()):
        rate: FlatRate | StepRate = FlatRate(draw(_price()))
    else:
        ends = sorted(set(draw(st.lists(st.integers(1, 20000), min_size=1, max_size=3))))
        steps = [Step(D(end).scaleb(-1), draw(_price())) for end in ends]
        steps.append(Step(None, draw(_price())))
        rate = StepRate(tuple(steps))
    return Tariff("T", (TariffVersion(datetime(2020, 1, 1), rate),))


@st.composite
def sales(draw: st.DrawFn) -> SaleContext:
    decimals = draw(st.sampled_from((0, 1, 2)))
    repayment = None
    if draw(st.booleans()):
        repayment = RepaymentRule(
            draw(st.sampled_from(RepaymentMethod)), draw(_money(decimals, 50)), draw(_percent())
        )
    kind = CustomerTypeRules(
        vat_rate=draw(_percent()),
        charges=draw(_charges(decimals)),
        repayment=repayment,
        fbe_kwh_per_month=D(draw(st.integers(0, 1000))).scaleb(-1),
        prearrange_amount=draw(_money(decimals, 50)),
    )
    history = PurchaseHistory(
        first_purchase=draw(st.booleans()),
        first_of_month=draw(st.booleans()),
        first_of_year=draw(st.booleans()),
        charges_collected_this_month=frozenset(draw(st.sets(st.sampled_from(["C0", "C1"])))),
        charges_collected_this_year=frozenset(draw(st.sets(st.sampled_from(["C0", "C2"])))),
        kwh_this_month=D(draw(st.integers(0, 10000))).scaleb(-1),
        outstanding_debt=draw(_money(decimals, 500)),
        fbe_kwh_this_month=D(draw(st.integers(0, 1000))).scaleb(-1),
        prearrange_due=draw(st.booleans()),
    )
    return SaleContext(
        rules=PricingRules(decimals),
        customer_type=kind,
        tariff=draw(_tariff()),
        history=history,
        at=SALE_TIME,
        meter=MeterRules(draw(_money(decimals, 50))),
    )


QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _on_grid(value: Decimal, decimals: int) -> bool:
    # exactly the currency's places, so vouchers and JSON print them all ("5.00", not "5")
    return value.as_tuple().exponent == -decimals and value >= 0


@QUICK
@given(sale=sales(), data=st.data())
def test_net_always_reconciles_exactly(sale: SaleContext, data: st.DataObject) -> None:
    net = data.draw(_money(sale.decimals, 5000))
    try:
        priced = price_from_net(net, sale)
    except NetTooSmallError as refused:
        assert net < refused.params["minimum"]
        return
    except EnergyTooLargeError as refused:
        assert refused.params["kwh"] > D("1820162.4")
        return
    assert priced.lines_total() == net
    money = [
        priced.amount,
        priced.taxed_total,
        priced.untaxed_total,
        priced.vat,
        priced.debt_repayment,
        priced.preinstalled,
        priced.prearrange,
        *(line.amount for line in priced.charges),
    ]
    assert all(_on_grid(value, sale.decimals) for value in money)
    assert priced.taxed_total + priced.untaxed_total == sum(
        (line.amount for line in priced.charges), D(0)
    )
    base = priced.amount - priced.amount_rounding
    vat = ((base + priced.taxed_total) * sale.customer_type.vat_rate / 100).quantize(
        D(1).scaleb(-sale.decimals), rounding=ROUND_HALF_UP
    )
    assert priced.vat == vat
    assert 0 <= priced.debt_repayment <= sale.history.outstanding_debt
    assert priced.token_kwh == priced.energy_kwh + priced.fbe_kwh


@QUICK
@given(sale=sales(), data=st.data())
def test_energy_is_never_more_than_the_amount_buys(sale: SaleContext, data: st.DataObject) -> None:
    net = data.draw(_money(sale.decimals, 5000))
    try:
        priced = price_from_net(net, sale)
    except (NetTooSmallError, EnergyTooLargeError):
        return
    blocks = sale.blocks()
    already = sale.history.kwh_this_month
    assert cost_of_energy(blocks, priced.energy_kwh, already) <= priced.amount
    if priced.token_kwh < D("1638.3"):  # below it one more 0.1 kWh would fit on a token
        assert cost_of_energy(blocks, priced.energy_kwh + TENTH, already) > priced.amount


@QUICK
@given(sale=sales(), tenths=st.integers(1, 30000))
def test_price_for_energy_and_price_from_net_agree(sale: SaleContext, tenths: int) -> None:
    wanted = D(tenths).scaleb(-1)
    priced = price_for_energy(wanted, sale)
    assert priced.energy_kwh >= wanted
    assert price_from_net(priced.net, sale) == priced
    step = D(1).scaleb(-sale.decimals)
    if priced.net >= step:
        try:
            cheaper = price_from_net(priced.net - step, sale)
        except NetTooSmallError:
            return
        assert cheaper.energy_kwh < wanted
