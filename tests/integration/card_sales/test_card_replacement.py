"""Replacing a lost card, with two readers and two cards at once: the old card is refused
from then on, and its unloaded credit reaches the meter exactly once whichever card the
customer inserts first."""

from __future__ import annotations

import json
import signal
from typing import Any

import pytest
from sqlalchemy import select

from starpos.card_sales import ReplaceReason, check_card, issue_card, replace_card, vend_to_card
from starpos.card_sales import errors as sale_errors
from starpos.card_sales.lifecycle import REPLACE_AFTER_BIND, REPLACE_AFTER_CARRY
from starpos.db.models import AuditEntry
from starpos.devices.card.errors import CardReplacedError
from tests.integration.card_sales.card_world import (
    ADMIN,
    CASHIER,
    CardWorld,
    customer_meter,
    insert_into_meter,
    register_rows,
    sale,
)
from tests.support.virtual_cards import READER_0, READER_1

pytestmark = pytest.mark.pcsc


@pytest.mark.parametrize("first_in_meter", ["old", "new"])
def test_unloaded_credit_is_carried_to_the_new_card_and_loaded_once(
    world: CardWorld, virtual_card: Any, first_in_meter: str
) -> None:
    number = world.meters[0]
    meter = customer_meter(world, number)
    old = virtual_card(reader=READER_0)
    new = virtual_card(reader=READER_1)
    with world.card(READER_0) as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card(READER_0) as card:
        sold = vend_to_card(world.database, card, sale(number, "40.00"))

    with world.card(READER_1) as card:
        replaced = replace_card(world.database, card, number, ReplaceReason.LOST, ADMIN)
    assert replaced.carried is not None
    assert (replaced.carried.bill_number, replaced.carried.sequence) == (sold.bill_number, 1)
    assert replaced.carried.energy_kwh == sold.energy_kwh
    assert register_rows(world.database, number) == [
        (old.serial, 1, "lost"),
        (new.serial, 2, "active"),
    ]
    with world.card(READER_1) as card:
        credit = card.read().credit
    assert credit is not None and (credit.sequence, credit.vend_id) == (1, sold.bill_number)

    with world.card(READER_0) as card, pytest.raises(sale_errors.CardNotActiveError):
        vend_to_card(world.database, card, sale(number))  # the POS refuses the old card

    if first_in_meter == "old":
        assert insert_into_meter(world, meter, READER_0) == "loaded"
        assert insert_into_meter(world, meter, READER_1) == "already-loaded"
    else:
        assert insert_into_meter(world, meter, READER_1) == "loaded"
        with pytest.raises(CardReplacedError):
            insert_into_meter(world, meter, READER_0)  # the meter refuses it too
    assert meter.state.credit_tenths == int(sold.energy_kwh * 10)

    with world.card(READER_1) as card:
        again = vend_to_card(world.database, card, sale(number, "20.00"))
    assert again.sequence == 2


def test_nothing_is_carried_when_a_reading_shows_the_meter_loaded_it(
    world: CardWorld, virtual_card: Any
) -> None:
    number = world.meters[1]
    meter = customer_meter(world, number)
    virtual_card(reader=READER_0)
    virtual_card(reader=READER_1)
    with world.card(READER_0) as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card(READER_0) as card:
        vend_to_card(world.database, card, sale(number))
    insert_into_meter(world, meter, READER_0)
    with world.card(READER_0) as card:
        check_card(world.database, card, CASHIER)  # the POS sees the meter loaded it

    with world.card(READER_1) as card:
        replaced = replace_card(world.database, card, number, ReplaceReason.BROKEN, ADMIN)
    assert replaced.carried is None and replaced.sequence_base == 1
    assert [row[2] for row in register_rows(world.database, number)] == ["replaced", "active"]
    assert insert_into_meter(world, meter, READER_1) == "none"
    with world.card(READER_1) as card:
        assert vend_to_card(world.database, card, sale(number)).sequence == 2


def test_issue_refuses_a_meter_that_has_a_card_and_replace_one_that_never_had(
    world: CardWorld, virtual_card: Any
) -> None:
    virtual_card(reader=READER_0)
    virtual_card(reader=READER_1)
    with world.card(READER_0) as card:
        issue_card(world.database, card, world.meters[0], ADMIN)
    with world.card(READER_1) as card, pytest.raises(sale_errors.MeterHasCardError):
        issue_card(world.database, card, world.meters[0], ADMIN)
    with world.card(READER_1) as card, pytest.raises(sale_errors.NoCardToReplaceError):
        replace_card(world.database, card, world.meters[1], ReplaceReason.LOST, ADMIN)


def test_the_cli_issues_replaces_and_blanks(
    world: CardWorld, virtual_card: Any, run_starpos: Any
) -> None:
    passwords = {"ADMIN1": "admin-demo", "CASH1": "cash-demo"}
    number = world.meters[3]
    old = virtual_card(reader=READER_0)
    new = virtual_card(reader=READER_1)

    def card(*args: str, reader: str = READER_0, operator: str = "ADMIN1") -> Any:
        return run_starpos(
            "card", *args, "--key-file", str(world.key_file), "--reader", reader,
            "--operator", operator, "--password-stdin", "--json",
            input=f"{passwords[operator]}\n",
        )  # fmt: skip

    issued = card("issue", number)
    assert issued.returncode == 0, issued.stderr
    assert json.loads(issued.stdout)["issue_number"] == 1
    refused = card("issue", number, operator="CASH1")
    assert (
        refused.returncode == 2
        and "Operator CASH1 does not have the permission manage_meters" in refused.stderr
    )
    replaced = card("replace", number, "--reason", "broken", reader=READER_1)
    assert replaced.returncode == 0, replaced.stderr
    assert json.loads(replaced.stdout)["replaced_serial"] == old.serial
    blanked = card("blank", reader=READER_1)
    assert blanked.returncode == 0 and json.loads(blanked.stdout)["was_issued"] is True
    assert register_rows(world.database, number) == [
        (old.serial, 1, "replaced"),
        (new.serial, 2, "blanked"),
    ]


@pytest.mark.parametrize("kill_at", [REPLACE_AFTER_BIND, REPLACE_AFTER_CARRY])
def test_a_replacement_killed_mid_way_is_finished_by_running_it_again(
    world: CardWorld, virtual_card: Any, run_starpos: Any, logged_in: Any, kill_at: str
) -> None:
    number = world.meters[1]
    meter = customer_meter(world, number)
    old = virtual_card(reader=READER_0)
    new = virtual_card(reader=READER_1)
    with world.card(READER_0) as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card(READER_0) as card:
        sold = vend_to_card(world.database, card, sale(number, "40.00"))
    replace = (
        "card", "replace", number, "--reason", "lost", "--reader", READER_1,
        "--key-file", str(world.key_file), "--json",
    )  # fmt: skip
    logged_in("ADMIN1", "admin-demo")

    killed = run_starpos(*replace, STARPOS_KILL_AT=kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    # The new card is bound (and maybe carries the credit); the register has not moved.
    assert register_rows(world.database, number) == [(old.serial, 1, "active")]
    with world.card(READER_1) as card:
        bound = card.read()
    assert bound.identity is not None and bound.identity.issue_number == 2

    finished = run_starpos(*replace)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    assert report["carried"]["bill_number"] == sold.bill_number
    assert register_rows(world.database, number) == [
        (old.serial, 1, "lost"),
        (new.serial, 2, "active"),
    ]
    with world.card(READER_1) as card:
        credit = card.read().credit
    assert credit is not None and (credit.sequence, credit.vend_id) == (1, sold.bill_number)
    assert insert_into_meter(world, meter, READER_1) == "loaded"
    assert insert_into_meter(world, meter, READER_1) == "already-loaded"
    assert meter.state.credit_tenths == int(sold.energy_kwh * 10)  # once, not twice
    with world.database.reading() as session:
        steps = [
            json.loads(entry.details)["step"]
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.subject == f"card:{new.serial}")
            )
        ]
    assert steps == ["replaced"]  # one replacement on record
