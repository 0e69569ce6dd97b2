"""What the module cannot do for a meter fails that meter's row and the batch goes on; what
it cannot do for the batch stops it before anything is made."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import update

from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.enums import TokenOperationState as State
from starpos.db.models import Meter
from starpos.tokenops import BatchOutcome, MeterList, Order, open_batch, plan_batch, run_batch
from starpos.tokenops.errors import ModuleCreditTooLowError
from starpos.tokenops.targets import TypedMeter
from tests.integration.tokenops.ops_world import ADMIN, OpsWorld, module_balance


def change_meter(world: OpsWorld, number: str, **values: object) -> None:
    with world.database.unit_of_work() as uow:
        uow.session.execute(update(Meter).where(Meter.number == number).values(**values))
        uow.commit()


def batch_of(
    world: OpsWorld, order: Order, numbers: list[str], who: tuple[str, str] | None = None
) -> str:
    operator = world.operator(who) if who else world.operator()
    meters = MeterList(tuple(TypedMeter(n) for n in numbers), "test")
    return open_batch(world.database, operator, plan_batch(world.database, operator, order, meters))


def run(world: OpsWorld, batch: str, who: tuple[str, str] | None = None) -> BatchOutcome:
    operator = world.operator(who) if who else world.operator()
    with open_configured_module() as access:
        return run_batch(world.database, access, operator, batch)


def test_a_key_the_module_lacks_fails_its_meters_without_asking(world: OpsWorld) -> None:
    numbers = world.keypad_meters(count=3)
    change_meter(world, numbers[1], key_register="9")  # no key in register 9
    batch = batch_of(world, Order(Kind.SET_POWER_LIMIT, 3000), numbers)
    outcome = run(world, batch)
    assert (outcome.issued, outcome.failed, outcome.complete) == (2, 1, True)
    states = [(row.state, row.failure_reason, row.module_request_digest) for row in world.rows()]
    assert states[1] == (State.FAILED, "tokenops.key_missing", None)
    made = [e for e in world.emulator.events() if e["event"] == "management_token"]
    assert len(made) == 2


def test_a_token_the_module_refuses_fails_its_row_and_the_batch_goes_on(
    world: OpsWorld,
) -> None:
    numbers = world.keypad_meters(count=3)
    change_meter(world, numbers[0], ken=254)  # the module's key says 255: it refuses (45)
    batch = batch_of(world, Order(Kind.CLEAR_TAMPER), numbers)
    outcome = run(world, batch)
    assert (outcome.issued, outcome.failed) == (2, 1)
    first = world.rows()[0]
    assert (first.state, first.failure_reason) == (State.FAILED, "device.sm.key_mismatch")
    assert first.token_list == []


def test_free_credit_beyond_the_module_credit_makes_nothing(world: OpsWorld) -> None:
    numbers = world.keypad_meters(count=2)
    before = module_balance(world)
    batch = batch_of(world, Order(Kind.FREE_CREDIT, Decimal("15000")), numbers, ADMIN)
    with pytest.raises(ModuleCreditTooLowError) as raised:
        run(world, batch, ADMIN)
    assert batch in raised.value.message
    assert [row.state for row in world.rows()] == [State.PLANNED, State.PLANNED]
    assert module_balance(world) == before
