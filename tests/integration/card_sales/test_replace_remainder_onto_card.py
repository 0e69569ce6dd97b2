"""A replacement to a SUN card meter puts the remainder onto the customer's card (issue 16,
manual 4.6; decision TOK-29), through pcscd + vpcd + ``starpos card virtual``: the new
meter loads it once, a card sale follows on the same card, a kill at each step is finished
by asking again with no credit lost or doubled, and no card is refused with nothing kept."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update

from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.card_sales import issue_card, vend_to_card
from starpos.db.enums import MeterMedium, StockStatus
from starpos.db.models import AuditEntry, IssuedCard, Meter, MeterReplacement, TokenOperation
from starpos.devices.card.errors import CardAlreadyIssuedError
from starpos.devices.printer import voucher_layout
from starpos.operators.login import login
from starpos.settings import Settings
from starpos.shifts.lifecycle import open_shift
from starpos.tokenops.meter_replace import Replacement
from starpos.tokenops.meter_replace_card import CardMeterRemainderError
from starpos.tokenops.meter_replace_to_card import (
    STEPS,
    replace_onto_card,
    replace_onto_card_in_reader,
)
from starpos.tokenops.meter_replace_voucher import replacement_template, replacement_voucher
from tests.integration.card_sales.card_world import (
    ADMIN,
    CardWorld,
    customer_meter,
    insert_into_meter,
    sale,
)
from tests.integration.tokenops.ops_world import ENGINEER, stock_meters
from tests.support.virtual_cards import READER_0, VirtualCardProcess

pytestmark = pytest.mark.pcsc

REMAINDER = Decimal("7.5")


def card_meter_in_stock(world: CardWorld) -> str:
    (number,) = stock_meters(world.database, 1, first_serial=30_000_801)
    with world.database.unit_of_work() as uow:
        uow.session.execute(
            update(Meter).where(Meter.number == number).values(medium=MeterMedium.CARD)
        )
        uow.commit()
    return number


def engineer(world: CardWorld) -> Any:
    operator = login(world.database, *ENGINEER)
    open_shift(world.database, operator, float_total=Decimal("100.00"))  # the charges' drawer
    return operator


def test_the_remainder_goes_onto_a_blank_card_and_the_new_meter_loads_it_once(
    world: CardWorld, fresh_card: Callable[..., VirtualCardProcess]
) -> None:
    old, new = world.meters[0], card_meter_in_stock(world)
    operator = engineer(world)
    blank = fresh_card(reader=READER_0)
    with world.card(READER_0) as card:
        result = replace_onto_card(
            world.database, operator, Replacement(old, new, "FAULT", REMAINDER), card
        )
    assert (result.state, result.remainder_kwh, result.token) == ("issued", REMAINDER, None)
    assert result.card_serial == blank.serial
    with world.card(READER_0) as card:
        contents = card.read()
    assert contents.identity is not None and contents.identity.meter_number == new
    assert contents.credit is not None
    assert (contents.credit.vend_id, contents.credit.energy_kwh) == (result.bill_number, REMAINDER)
    meter = customer_meter(world, new)
    assert insert_into_meter(world, meter, READER_0) == "loaded"
    assert insert_into_meter(world, meter, READER_0) == "already-loaded"
    assert meter.state.credit_tenths == 75
    # The card is the new meter's card like any other: the next sale goes on after it.
    with world.card(READER_0) as card:
        sold = vend_to_card(world.database, card, sale(new, "10.00"))
    assert sold.sequence == contents.credit.sequence + 1
    with world.database.reading() as session:
        (row,) = session.scalars(select(MeterReplacement)).all()
        assert (row.remainder_kwh, row.operation_id) == (REMAINDER, None)
        assert session.scalars(select(TokenOperation)).all() == []  # no keypad token
        registered = session.scalars(
            select(IssuedCard).where(IssuedCard.carried_bill == row.bill_number)
        ).one()
        assert (registered.serial, registered.carried_kwh) == (blank.serial, REMAINDER)
        voucher = replacement_voucher(session, result.bill_number, ConfiguredPrinter(Settings()))
    paper = " ".join(voucher_layout(voucher, Settings(), replacement_template()).text().split())
    assert f"The remainder is on card {blank.serial}: insert it in the new meter." in paper


def test_no_card_or_another_meters_card_is_refused_and_nothing_is_kept(
    world: CardWorld, fresh_card: Callable[..., VirtualCardProcess]
) -> None:
    old, new = world.meters[0], card_meter_in_stock(world)
    operator = engineer(world)
    asked = Replacement(old, new, "FAULT", REMAINDER)
    with pytest.raises(CardMeterRemainderError) as refused:  # the reader is empty
        replace_onto_card_in_reader(world.database, operator, asked, READER_0, world.key_file)
    assert new in refused.value.message and "7.5" in refused.value.message
    fresh_card(reader=READER_0)
    with world.card(READER_0) as card:
        issue_card(world.database, card, world.meters[1], ADMIN)
    with pytest.raises(CardAlreadyIssuedError):  # bound to another meter
        replace_onto_card_in_reader(world.database, operator, asked, READER_0, world.key_file)
    with world.database.reading() as session:
        assert session.scalars(select(MeterReplacement)).all() == []
        stock = dict(
            session.execute(
                select(Meter.number, Meter.stock_status).where(Meter.number.in_([old, new]))
            ).all()
        )
    assert stock == {old: StockStatus.INSTALLED, new: StockStatus.IN_STOCK}


@pytest.mark.parametrize("kill_at", STEPS)
def test_a_replacement_killed_at_each_step_is_finished_by_asking_again(
    world: CardWorld,
    fresh_card: Callable[..., VirtualCardProcess],
    run_starpos: Any,
    logged_in: Any,
    kill_at: str,
) -> None:
    old, new = world.meters[0], card_meter_in_stock(world)
    engineer(world)
    blank = fresh_card(reader=READER_0)
    logged_in(*ENGINEER)
    replace = (
        "meter", "replace", old, new, "--reason", "FAULT", "--remainder", str(REMAINDER),
        "--reader", READER_0, "--json",
    )  # fmt: skip
    keys = {"STARPOS_CARD_KEY_FILE": str(world.key_file)}

    killed = run_starpos(*replace, STARPOS_KILL_AT=kill_at, **keys)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with world.database.reading() as session:
        (row,) = session.scalars(select(MeterReplacement)).all()
        carrying = select(IssuedCard).where(IssuedCard.carried_bill.is_not(None))
        assert session.scalars(carrying).all() == []  # the register has not moved

    finished = run_starpos(*replace, **keys)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert (report["bill_number"], report["state"]) == (row.bill_number, "issued")
    assert report["card_serial"] == blank.serial
    meter = customer_meter(world, new)
    assert insert_into_meter(world, meter, READER_0) == "loaded"
    assert meter.state.credit_tenths == 75  # once: not lost, not doubled
    with world.database.reading() as session:
        assert len(session.scalars(select(MeterReplacement)).all()) == 1
        steps = [
            json.loads(entry.details)["step"]
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.subject == f"card:{blank.serial}")
            )
        ]
    assert steps == ["issued"]
    again = run_starpos(*replace, **keys)  # done: the old meter is no longer installed
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1, again.stderr
    audited = run_starpos("audit", "verify", "--json")
    assert json.loads(audited.stdout)["intact"] is True, audited.stdout
