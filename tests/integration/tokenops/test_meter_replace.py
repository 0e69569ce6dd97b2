"""Replace meter (manual 4.6): the old meter back to stock, the new one installed at the
customer, the reason's charges on the one bill, and the remainder credit token that loads
on the new meter; stock, bills and the module's credit agree."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, update

from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import MeterCondition, MeterMedium, StockMovementKind, StockStatus
from starpos.db.free_credit import free_credit_energy
from starpos.db.models import Meter, MeterReplacement, StockMovement, TokenOperation
from starpos.masterdata.meter_stock import MeterNotGoodError
from starpos.operators.errors import PermissionDeniedError
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.tokenops.meter_replace import Replacement, ReplacementResult, replace_with_remainder
from starpos.tokenops.meter_replace_card import CardMeterRemainderError
from tests.integration.keychange.sale_world import sellable
from tests.integration.tokenops.ops_world import (
    CASHIER,
    OpsWorld,
    customer_meter,
    module_balance,
    stock_meters,
)
from tests.integration.tokenops.replace_world import engineer_shift, rpl_with_vat


def replace(world: OpsWorld, asked: Replacement, who=("ENG1", "eng-demo")) -> ReplacementResult:  # type: ignore[no-untyped-def]
    with open_configured_module() as access:
        return replace_with_remainder(world.database, access, world.operator(who), asked)


def test_the_remainder_token_loads_on_the_new_meter_and_stock_and_bills_agree(
    world: OpsWorld, tables: StaTables
) -> None:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    customer = world.meter(old).customer_id
    before = module_balance(world)
    engineer_shift(world)  # the reason's charges are paid in cash, into the shift
    _, due = rpl_with_vat(world, old)

    result = replace(world, Replacement(old, new, "TAMPER", Decimal("12.3"), MeterCondition.SCRAP))

    assert result.state == "issued"
    assert result.charges == due  # the reason's RPL charge and its VAT
    assert result.remainder_kwh == Decimal("12.3")
    assert result.token is not None
    new_meter = customer_meter(world.meter(new), tables)
    assert new_meter.enter(result.token).response is MeterResponse.ACCEPTED
    assert new_meter.credit == Decimal("12.3")
    # Stock: the old meter back as scrap, the new one installed at the customer.
    stored_old, stored_new = world.meter(old), world.meter(new)
    assert (stored_old.stock_status, stored_old.condition) == (
        StockStatus.IN_STOCK, MeterCondition.SCRAP,
    )  # fmt: skip
    assert stored_old.customer_id is None
    assert (stored_new.stock_status, stored_new.customer_id) == (StockStatus.INSTALLED, customer)
    with world.database.reading() as session:
        (bill,) = session.scalars(select(MeterReplacement)).all()
        moves = session.scalars(
            select(StockMovement).where(StockMovement.bill_number == bill.bill_number)
        ).all()
        assert [(m.kind, m.meter_id) for m in moves] == [
            (StockMovementKind.IN_REPLACED, stored_old.id)
        ]
        assert bill.bill_number == result.bill_number
        assert (bill.charges, bill.remainder_kwh) == (due, Decimal("12.3"))
        # The module's credit paid for the remainder, and its books say so.
        assert free_credit_energy(session, world_module_id(world)) == Decimal("12.3")
    assert module_balance(world) == before - Decimal("12.3")


def world_module_id(world: OpsWorld) -> str:
    with world.emulator.module() as module:
        return module.identify().module_id


def test_refusals_leave_stock_as_it_was(world: OpsWorld) -> None:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    with pytest.raises(PermissionDeniedError):
        replace(world, Replacement(old, new, "FAULT", Decimal("1.0")), who=CASHIER)
    from starpos.tokenops.errors import OldMeterConditionError

    with pytest.raises(OldMeterConditionError):
        replace(world, Replacement(old, new, "FAULT", Decimal("1.0"), MeterCondition.GOOD))
    # A scrapped meter on the shelf never goes to a customer (BO-15), as a replacement either.
    (scrapped,) = stock_meters(world.database, 1, first_serial=30_000_501)
    with world.database.unit_of_work() as uow:
        uow.session.execute(
            update(Meter).where(Meter.number == scrapped).values(condition=MeterCondition.SCRAP)
        )
        uow.commit()
    with pytest.raises(MeterNotGoodError):
        replace(world, Replacement(old, scrapped, "FAULT", Decimal("1.0")))
    assert world.meter(scrapped).stock_status is StockStatus.IN_STOCK
    assert world.meter(old).stock_status is StockStatus.INSTALLED
    assert world.meter(new).stock_status is StockStatus.IN_STOCK
    # No remainder: no token, the replacement alone.
    result = replace(world, Replacement(old, new, "FAULT", Decimal("0")))
    assert (result.token, result.state, result.charges) == (None, "no_remainder", Decimal(0))


def test_starpos_meter_replace_as_a_script_uses_it(world: OpsWorld) -> None:
    import json
    import subprocess

    from tests.support.processes import REPO_ROOT, child_env, starpos_command

    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    engineer_shift(world)
    done = subprocess.run(
        starpos_command(
            "meter", "replace", old, new, "--reason", "UPGRADE", "--remainder", "3.5",
            "--condition", "scrap", "--operator", "ENG1", "--password-stdin", "--json",
        ),
        input="eng-demo\n", capture_output=True, text=True, timeout=120, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert (answer["old_meter"], answer["new_meter"], answer["state"]) == (old, new, "issued")
    assert answer["remainder_kwh"] == "3.5"
    bad = subprocess.run(
        starpos_command("meter", "replace", old, new, "--reason", "NOPE", "--operator", "ENG1",
                        "--password-stdin"),
        input="eng-demo\n", capture_output=True, text=True, timeout=120, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1, bad.stderr


def test_a_card_meter_never_gets_a_keypad_token_for_its_remainder(world: OpsWorld) -> None:
    """A SUN card meter as the new meter: the remainder would be a keypad token it has no
    keypad for. Refused with the way out, nothing written; with no remainder it is replaced."""
    (old,) = sellable(world, 1)
    (card,) = stock_meters(world.database, 1, first_serial=30_000_701)
    with world.database.unit_of_work() as uow:
        uow.session.execute(
            update(Meter).where(Meter.number == card).values(medium=MeterMedium.CARD)
        )
        uow.commit()
    balance = module_balance(world)
    with pytest.raises(CardMeterRemainderError) as refused:
        replace(world, Replacement(old, card, "FAULT", Decimal("3.0")))
    assert card in refused.value.message and "3.0" in refused.value.message
    with world.database.reading() as session:
        assert session.scalars(select(MeterReplacement)).all() == []
        assert session.scalars(select(TokenOperation)).all() == []
    assert world.meter(card).stock_status is StockStatus.IN_STOCK
    assert world.meter(old).stock_status is StockStatus.INSTALLED
    assert module_balance(world) == balance

    result = replace(world, Replacement(old, card, "FAULT", Decimal("0")))
    assert (result.new_meter, result.token, result.state) == (card, None, "no_remainder")
    assert world.meter(card).stock_status is StockStatus.INSTALLED
