"""The card pulled out at each step of a card vend, the process killed, pcscd gone: the
ledger and the card agree afterwards, and no credit is lost or doubled."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

import pytest

from starpos.card_sales import card_vend, check_card, issue_card, vend_to_card
from starpos.card_sales import errors as sale_errors
from starpos.db.enums import VendState
from tests.integration.card_sales.card_world import ADMIN, CASHIER, CardWorld, ledger, sale
from tests.support.virtual_cards import READER_0, wait_for

pytestmark = pytest.mark.pcsc


def _issued_card(world: CardWorld, virtual_card: Any, *extra: str) -> Any:
    """A card issued to the first card meter, back in the reader in a new process started
    with ``extra`` (the virtual card counts UPDATEs from its start)."""
    first = virtual_card()
    with world.card() as card:
        issue_card(world.database, card, world.meters[0], ADMIN)
    first.stop()
    return virtual_card(*extra, state=first.state)


def _credit_on_card(world: CardWorld) -> Any:
    with world.card() as card:
        return card.read().credit


def test_card_removed_before_the_write_fails_the_sale_at_once(
    world: CardWorld, virtual_card: Any
) -> None:
    card_process = _issued_card(world, virtual_card)

    def pull_out_before_writing(step: str) -> None:
        if step == card_vend.WRITING:
            card_process.remove()

    with world.card() as card, pytest.raises(sale_errors.CardVendFailedError) as failed:
        vend_to_card(world.database, card, sale(world.meters[0]), progress=pull_out_before_writing)
    (row,) = ledger(world.database)
    assert row["state"] is VendState.FAILED and row["bill"] in failed.value.message
    card_process.insert()
    assert _credit_on_card(world) is None
    with world.card() as card:
        retried = vend_to_card(world.database, card, sale(world.meters[0]))
    assert retried.sequence == 2  # a failed sale's sequence is never reused
    assert _credit_on_card(world).vend_id == retried.bill_number


@pytest.mark.parametrize(
    ("tear_at", "keep", "outcome"),
    [
        # The credit write is three UPDATEs: uncommit the slot, the slot body, the marker.
        ("1", "1", "failed-at-once"),
        ("2", "30", "failed-at-once"),
        ("3", "1", "settled-failed"),  # the marker torn: the record never committed
        ("3", "2", "settled-issued"),  # committed, the card gone before the read-back
    ],
)
def test_card_torn_out_during_the_write(
    world: CardWorld, virtual_card: Any, tear_at: str, keep: str, outcome: str
) -> None:
    card_process = _issued_card(world, virtual_card, "--tear-at", tear_at, "--tear-keep", keep)
    expected: type[Exception] = (
        sale_errors.CardVendFailedError
        if outcome == "failed-at-once"
        else sale_errors.CardVendInDoubtError
    )
    with world.card() as card, pytest.raises(expected):
        vend_to_card(world.database, card, sale(world.meters[0]))
    (row,) = ledger(world.database)
    assert row["state"] is (VendState.FAILED if outcome == "failed-at-once" else VendState.PENDING)

    wait_for(lambda: not card_process.present())  # the tear took it out of the reader
    card_process.insert()
    with world.card() as card:
        checked = check_card(world.database, card, CASHIER)
    (row,) = ledger(world.database)
    credit = _credit_on_card(world)
    if outcome == "settled-issued":
        assert checked["settled"] == [{"bill_number": row["bill"], "state": "issued"}]
        assert row["state"] is VendState.ISSUED
        assert credit is not None and credit.vend_id == row["bill"]
        assert credit.energy_kwh == row["token_kwh"]
    else:
        assert row["state"] is VendState.FAILED
        assert credit is None
    assert checked["sellable"] is (outcome != "settled-issued")


@pytest.mark.parametrize(
    ("kill_at", "settled_state"),
    [(card_vend.AFTER_PENDING, "failed"), (card_vend.AFTER_CARD_WRITE, "issued")],
)
def test_a_vend_killed_mid_way_is_settled_at_the_next_insertion(
    world: CardWorld,
    virtual_card: Any,
    run_starpos: Any,
    logged_in: Any,
    kill_at: str,
    settled_state: str,
) -> None:
    _issued_card(world, virtual_card)
    key = ("--key-file", str(world.key_file), "--reader", READER_0)
    logged_in()  # the cashier, for the commands below
    killed = run_starpos(
        "card", "vend", "--amount", "30.00", *key, "--json", STARPOS_KILL_AT=kill_at
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (row,) = ledger(world.database)
    assert row["state"] is VendState.PENDING

    checked = run_starpos("card", "check", *key, "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["settled"] == [{"bill_number": row["bill"], "state": settled_state}]
    (row,) = ledger(world.database)
    credit = _credit_on_card(world)
    if settled_state == "issued":
        assert row["state"] is VendState.ISSUED and credit.vend_id == row["bill"]
    else:
        assert row["state"] is VendState.FAILED and credit is None


def test_no_smart_card_service(
    world: CardWorld, run_starpos: Any, logged_in: Any, tmp_path: Path
) -> None:
    logged_in()
    result = run_starpos(
        "card", "vend", "--amount", "30.00", "--key-file", str(world.key_file),
        PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd"),
    )  # fmt: skip
    assert result.returncode == 2
    assert "The smart card service (pcscd) is not running (0x8010001D)" in result.stderr
    assert ledger(world.database) == []
