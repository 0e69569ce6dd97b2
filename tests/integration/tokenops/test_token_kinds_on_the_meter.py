"""Each engineering token kind, made through the module emulator for a demo meter, decodes on
the customer's meter (the STS meter model) to the value asked, and is recorded and audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.free_credit import free_credit_energy, free_credit_tokens
from starpos.sts.meter_model import MeterResponse
from starpos.sts.meter_number import parse_meter_number
from starpos.sts.tables import StaTables
from starpos.tokenops import Order, one_meter, open_batch, plan_batch, run_batch
from tests.integration.tokenops.ops_world import ADMIN, ENGINEER, OpsWorld, customer_meter


def make(world: OpsWorld, order: Order, number: str, who: tuple[str, str] = ENGINEER) -> Any:
    operator = world.operator(who)
    plan = plan_batch(world.database, operator, order, one_meter(number))
    batch = open_batch(world.database, operator, plan)
    with open_configured_module() as access:
        outcome = run_batch(world.database, access, operator, batch)
    assert outcome.issued == 1, outcome
    (row,) = world.rows(batch)
    assert row.state is State.ISSUED
    return row


@pytest.mark.parametrize(
    ("order", "field", "expected"),
    [
        (Order(Kind.SET_POWER_LIMIT, 5000), "max_power_limit_w", 5000),
        (Order(Kind.SET_POWER_LIMIT, 20005), "max_power_limit_w", 20014),  # rounded up
        (Order(Kind.SET_PHASE_UNBALANCE_LIMIT, 1500), "mppul_w", 1500),
        (Order(Kind.SET_TARIFF_RATE, 1234), "tariff_rate", 1234),
        (Order(Kind.SET_WATER_FACTOR, 42), "water_meter_factor", 42),
    ],
    ids=["power limit", "power limit rounded up", "unbalance limit", "tariff rate", "water"],
)
def test_a_management_token_sets_the_value_asked(
    world: OpsWorld, tables: StaTables, order: Order, field: str, expected: int
) -> None:
    (number,) = world.keypad_meters(count=1)
    row = make(world, order, number)
    meter = customer_meter(world.meter(number), tables)
    (token,) = row.token_list
    assert meter.enter(token).response is MeterResponse.ACCEPTED
    assert getattr(meter.state, field) == expected
    assert row.value == str(expected)


def test_clear_credit_and_clear_tamper(world: OpsWorld, tables: StaTables) -> None:
    (number,) = world.keypad_meters(count=1)
    free = make(world, Order(Kind.FREE_CREDIT, Decimal("12.5")), number, ADMIN)
    clear = make(world, Order(Kind.CLEAR_CREDIT), number)
    tamper = make(world, Order(Kind.CLEAR_TAMPER), number)
    meter = customer_meter(world.meter(number), tables)
    assert meter.enter(free.token_list[0]).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("12.5")
    meter.state.tamper = True
    assert meter.enter(clear.token_list[0]).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("0.0")
    assert meter.enter(tamper.token_list[0]).response is MeterResponse.ACCEPTED
    assert meter.state.tamper is False
    assert clear.value == "65535"


def test_free_credit_comes_out_of_the_module_credit(world: OpsWorld, tables: StaTables) -> None:
    (number,) = world.keypad_meters(count=1)
    with world.emulator.module() as module:
        before = module.balance().balance
    row = make(world, Order(Kind.FREE_CREDIT, Decimal("1700.1")), number, ADMIN)
    # 1700.1 kWh is not a token amount: rounded up to the next one (1 kWh steps from 1638.4).
    assert row.energy_kwh == Decimal("1700.4")
    with world.emulator.module() as module:
        assert module.balance().balance == before - Decimal("1700.4")
        assert module.counters().total_issued == Decimal("1700.4")
    assert row.module_balance_before == before
    # What reconciliation reads: the module's free credit, from the store.
    with world.database.reading() as session:
        assert free_credit_energy(session, row.module_id or "") == Decimal("1700.4")
        (listed,) = free_credit_tokens(session, row.module_id or "")
    assert (listed.energy_kwh, listed.module_balance_before) == (Decimal("1700.4"), before)
    meter = customer_meter(world.meter(number), tables)
    assert meter.enter(row.token_list[0]).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("1700.4")


def test_a_test_token_is_made_without_the_module(world: OpsWorld, tables: StaTables) -> None:
    (number,) = world.keypad_meters(count=1)
    row = make(world, Order(Kind.TEST, 5), number)
    meter = customer_meter(world.meter(number), tables)
    result = meter.enter(row.token_list[0])
    assert result.response is MeterResponse.ACCEPTED
    assert result.decoded is not None
    assert (result.decoded.token_class, result.decoded.control) == (1, 5)
    assert result.decoded.manufacturer_code == parse_meter_number(number).manufacturer_code
    assert row.module_id is None and row.tid is None
