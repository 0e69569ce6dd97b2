"""A decoder key change (manual 3.6 a) through the module's key change tokens: the meter takes
them in the printed order and is then on the new key, the store's key data moved with the
tokens (never before), and the next token made under the new key loads."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import update

from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.models import Meter
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.tokenops import KeyTarget, Order, one_meter, open_batch, plan_batch, run_batch
from tests.integration.tokenops.ops_world import ADMIN, OpsWorld, customer_meter


def issue(world: OpsWorld, order: Order, number: str, who: tuple[str, str] | None = None) -> list:
    operator = world.operator(who) if who else world.operator()
    plan = plan_batch(world.database, operator, order, one_meter(number))
    batch = open_batch(world.database, operator, plan)
    with open_configured_module() as access:
        run_batch(world.database, access, operator, batch)
    (row,) = world.rows(batch)
    return row.token_list


def test_a_64_bit_key_change_moves_the_meter_to_the_next_key_revision(
    world: OpsWorld, tables: StaTables
) -> None:
    (number,) = world.keypad_meters(register=1, count=1)
    meter = customer_meter(world.meter(number), tables)
    old_limit = issue(world, Order(Kind.SET_POWER_LIMIT, 4000), number)
    tokens = issue(world, Order(Kind.KEY_CHANGE, key=KeyTarget(register=3, krn=2)), number)
    assert len(tokens) == 2
    stored = world.meter(number)
    assert (stored.key_register, stored.krn, stored.sgc) == ("3", 2, "123456")
    responses = [meter.enter(token).response for token in tokens]
    assert responses == [MeterResponse.KEY_CHANGE_STAGED, MeterResponse.KEY_CHANGED]
    assert meter.state.krn == 2
    # The new key works: a token made from the store's new key data loads.
    (limit,) = issue(world, Order(Kind.SET_POWER_LIMIT, 6000), number)
    assert meter.enter(limit).response is MeterResponse.ACCEPTED
    assert meter.state.max_power_limit_w == 6000
    # A token made under the old key no longer decrypts.
    assert meter.enter(old_limit[0]).response is MeterResponse.REJECTED


def test_a_misty1_key_change_has_four_sections(world: OpsWorld, tables: StaTables) -> None:
    (number,) = world.keypad_meters(register=2, count=1)
    meter = customer_meter(world.meter(number), tables)
    tokens = issue(world, Order(Kind.KEY_CHANGE, key=KeyTarget(register=4, krn=2)), number)
    assert len(tokens) == 4
    responses = [meter.enter(token).response for token in tokens]
    assert responses[-1] is MeterResponse.KEY_CHANGED
    assert responses[:-1] == [MeterResponse.KEY_CHANGE_STAGED] * 3
    (credit,) = issue(world, Order(Kind.FREE_CREDIT, Decimal("3.5")), number, ADMIN)
    assert meter.enter(credit).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("3.5")


def test_a_meter_on_a_1993_key_rolls_over_to_2014(world: OpsWorld, tables: StaTables) -> None:
    (number,) = world.keypad_meters(register=1, count=1)
    with world.database.unit_of_work() as uow:  # the meter is still on the old 1993 key
        uow.session.execute(
            update(Meter)
            .where(Meter.number == number)
            .values(key_register="5", krn=3, tid_base_year=1993, last_tid=16_000_000)
        )
        uow.commit()
    meter = customer_meter(world.meter(number), tables)
    tokens = issue(
        world, Order(Kind.KEY_CHANGE, key=KeyTarget(register=3, krn=2, base_date=2014)), number
    )
    stored = world.meter(number)
    assert (stored.key_register, stored.tid_base_year, stored.last_tid) == ("3", 2014, None)
    assert [meter.enter(token).response for token in tokens][-1] is MeterResponse.KEY_CHANGED
    assert meter.state.base_date == 2014
    (credit,) = issue(world, Order(Kind.FREE_CREDIT, Decimal("1.0")), number, ADMIN)
    assert meter.enter(credit).response is MeterResponse.ACCEPTED
