"""A meter flagged for a key change gets its key change tokens and then the credit token
under the new key in one sale; the customer's meter (the STS meter model) takes them in the
printed order and refuses the old key's tokens afterwards; the store's key data moved with
the tokens."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.db.enums import KeyChangeState
from starpos.sts.meter_model import MeterResponse
from starpos.sts.request import TokenRequest, issue_tokens
from starpos.sts.tables import StaTables
from starpos.tokenops import KeyTarget, MeterList, one_meter
from starpos.tokenops.errors import AlreadyFlaggedRefusal, NoMetersError, NotFlaggedError
from starpos.tokenops.key_change_flags import meters_to_renew, plan_flags, unflag
from starpos.tokenops.targets import TypedMeter
from starpos.vending.errors import KeyExpiredError
from tests.integration.keychange.sale_world import (
    NEW_2014,
    NEXT_MISTY1,
    OLD_1993,
    flag,
    flag_row,
    put_on_1993_key,
    sale_tokens,
    sell_to,
    sellable,
    the_meter_now,
)
from tests.integration.tokenops.ops_world import OpsWorld, key_in


def old_key_credit_token(world: OpsWorld, number: str, tid: int, tables: StaTables) -> str:
    """A credit token the old 1993 key would make (as a token bought long ago)."""
    meter, info = world.meter(number), key_in(OLD_1993).info
    request = TokenRequest.from_mapping(
        {"dkga": f"{info.dkga:02d}", "ea": f"{info.ea:02d}",
         "vending_key_hex": key_in(OLD_1993).key.hex(), "key_type": info.key_type,
         "sgc": info.sgc, "ti": meter.ti, "krn": info.krn, "ken": info.ken,
         "base_date": 1993, "pan": meter.pan, "token_class": 0, "token_subclass": 0,
         "issued_at": datetime(1993, 1, 1) + timedelta(minutes=tid), "random_no": 3,
         "amount": Decimal("5.0")}
    )  # fmt: skip
    (token,) = issue_tokens(request, tables)
    return token


def test_a_1993_meter_rolls_over_to_2014_at_its_next_purchase(
    world: OpsWorld, tables: StaTables
) -> None:
    (number,) = sellable(world, 1)
    put_on_1993_key(world, number)
    old_token = old_key_credit_token(world, number, 16_000_100, tables)
    customer = the_meter_now(world, number, tables)
    # Unflagged, the meter cannot be sold to: its 1993 TIDs ran out in November 2024.
    with pytest.raises(KeyExpiredError):
        sell_to(number, world)
    flag(world, number, NEW_2014)

    result = sell_to(number, world)

    assert len(result.key_change_tokens) == 2
    assert sale_tokens(world, result.bill_number) == [
        ("key_change", result.key_change_tokens[0]),
        ("key_change", result.key_change_tokens[1]),
        ("credit", result.token),
    ]
    responses = [customer.enter(t).response for t in [*result.key_change_tokens, result.token]]
    assert responses == [
        MeterResponse.KEY_CHANGE_STAGED, MeterResponse.KEY_CHANGED, MeterResponse.ACCEPTED,
    ]  # fmt: skip
    assert customer.state.base_date == 2014
    assert customer.credit == result.breakdown.token_kwh
    assert customer.enter(old_token).response is MeterResponse.REJECTED
    stored = world.meter(number)
    assert (stored.key_register, stored.krn, stored.tid_base_year) == ("3", 2, 2014)
    assert stored.last_tid == result.tid
    assert flag_row(world, number).state is KeyChangeState.DELIVERED
    # The next purchase is an ordinary one under the new key.
    after = sell_to(number, world)
    assert after.key_change_tokens == ()
    assert customer.enter(after.token).response is MeterResponse.ACCEPTED


def test_a_misty1_meter_gets_four_key_change_sections_then_its_credit(
    world: OpsWorld, tables: StaTables
) -> None:
    (number,) = sellable(world, 2)
    customer = the_meter_now(world, number, tables)
    flag(world, number, NEXT_MISTY1)

    result = sell_to(number, world)

    assert len(result.key_change_tokens) == 4
    responses = [customer.enter(t).response for t in [*result.key_change_tokens, result.token]]
    assert responses == [MeterResponse.KEY_CHANGE_STAGED] * 3 + [
        MeterResponse.KEY_CHANGED, MeterResponse.ACCEPTED,
    ]  # fmt: skip
    assert customer.state.krn == 2
    assert (world.meter(number).key_register, world.meter(number).krn) == ("4", 2)


def test_an_already_flagged_meter_is_listed_as_refused_and_a_flag_can_be_withdrawn(
    world: OpsWorld,
) -> None:
    first, second = sellable(world, 1, 2)
    target = KeyTarget(register=3, krn=2)
    flag(world, first, target)
    both = MeterList((TypedMeter(first), TypedMeter(second)), "two meters")
    plan = plan_flags(world.database, world.operator(), target, both)
    assert [m.number for m in plan.meters] == [second]
    assert [(r.typed.text, type(r.refusal)) for r in plan.refused] == [
        (first, AlreadyFlaggedRefusal)
    ]
    with pytest.raises(NoMetersError):
        plan_flags(world.database, world.operator(), target, one_meter(first))
    assert unflag(world.database, world.operator(), [first]) == [first]
    assert flag_row(world, first).state is KeyChangeState.UNFLAGGED
    with pytest.raises(NotFlaggedError):
        unflag(world.database, world.operator(), [first])
    # The sale after the withdrawal is an ordinary one, under the meter's own key.
    assert sell_to(first, world).key_change_tokens == ()
    assert world.meter(first).key_register == "1"


def test_meters_to_renew_lists_the_1993_meters(world: OpsWorld) -> None:
    (number,) = sellable(world, 1)
    put_on_1993_key(world, number)
    renew = meters_to_renew(world.database, within_days=30)
    assert [m.text for m in renew.meters] == [number]


def test_the_voucher_prints_the_key_change_tokens_first_with_the_order_to_enter_them(
    world: OpsWorld, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.counter.vouchers import ENTER_KEY_CHANGE_FIRST, voucher_for
    from starpos.db.models import Vend
    from starpos.settings import Settings

    (number,) = sellable(world, 1)
    put_on_1993_key(world, number)
    flag(world, number, NEW_2014)
    result = sell_to(number, world)
    printer = ConfiguredPrinter(Settings())
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == result.bill_number)).one()
        voucher = voucher_for(session, vend, printer, reprint=False)
    assert [(s.label, s.digits) for s in voucher.tokens] == [
        ("Key change token 1 of 2", result.key_change_tokens[0]),
        ("Key change token 2 of 2", result.key_change_tokens[1]),
        ("Credit token", result.token),
    ]
    assert voucher.detail_lines == (ENTER_KEY_CHANGE_FIRST,)
    image = printer.preview(voucher)
    image.save(tmp_path / "voucher.png")
    if os.environ.get("STARPOS_SCREENS"):  # docs/screens/key-change-voucher.png
        image.save(Path(os.environ["STARPOS_SCREENS"]) / "key-change-voucher.png")
