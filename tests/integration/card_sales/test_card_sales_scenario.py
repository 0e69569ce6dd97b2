"""A customer's month with a card meter: buy, load, consume for weeks with a tamper event
and an overload, come back and buy again. The meter data read back, the flags and the
ledger tell the same story."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from starpos.card_sales import issue_card, vend_to_card
from starpos.db.enums import VendState
from starpos.devices.card.records import TamperKind
from tests.integration.card_sales.card_world import (
    ADMIN,
    CardWorld,
    customer_meter,
    insert_into_meter,
    ledger,
    sale,
)

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]


def test_sell_load_consume_tamper_and_buy_again(
    world: CardWorld, virtual_card: Any, run_starpos: Any, logged_in: Any
) -> None:
    number = world.meters[2]
    meter = customer_meter(world, number)
    card_process = virtual_card()
    with world.card() as card:
        issue_card(world.database, card, number, ADMIN)
    with world.card() as card:
        first = vend_to_card(world.database, card, sale(number, "200.00"))
    assert insert_into_meter(world, meter) == "loaded"

    consumed = meter.advance(10, Decimal("0.2"))  # 4.8 kWh a day
    meter.tamper(TamperKind.COVER_OPEN)
    consumed += meter.advance(11, Decimal("0.2"))
    consumed += meter.advance(1, Decimal("11"))  # above the meter's 10 kW rating
    assert 0 < consumed < first.energy_kwh
    assert insert_into_meter(world, meter) == "already-loaded"  # the customer checks the meter

    args = ("--key-file", str(world.key_file), "--json")
    logged_in()  # the demo's cashier
    bought = run_starpos("card", "vend", "--amount", "100.00", *args)
    assert bought.returncode == 0, bought.stderr
    second = json.loads(bought.stdout)
    assert second["sequence"] == 2 and second["reading_flagged"] is True
    assert insert_into_meter(world, meter) == "loaded"

    history = run_starpos("card", "history", number, "--json")
    (reading,) = json.loads(history.stdout)
    assert Decimal(reading["remaining_kwh"]) == first.energy_kwh - consumed
    assert Decimal(reading["cumulative_kwh"]) == consumed
    assert reading["last_loaded_sequence"] == 1
    assert reading["tamper_count"] == 1 and reading["tamper_events"][0]["kind"] == "cover-open"
    assert reading["overload_count"] == 1
    assert reading["flags"] == ["tamper", "overload"]
    assert reading["card_serial"] == card_process.serial

    flags = json.loads(run_starpos("card", "flags", "--json").stdout)
    assert [(f["meter"], f["id"]) for f in flags] == [(number, reading["id"])]

    rows = ledger(world.database)
    assert [row["state"] for row in rows] == [VendState.ISSUED, VendState.ISSUED]
    assert [row["sequence"] for row in rows] == [1, 2]
    # What the ledger sold is exactly what the meter loaded, sale by sale.
    loads = [(load["sequence"], Decimal(str(load["kwh"]))) for load in meter.state.loads]
    assert loads == [(row["sequence"], row["token_kwh"]) for row in rows]
    assert Decimal(meter.state.credit_tenths) / 10 == sum(r["token_kwh"] for r in rows) - consumed
