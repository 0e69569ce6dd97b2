"""A vend end to end: store, pricing, the module emulator on a pty, the customer's meter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.audit import log as audit
from starpos.audit.log import Actor
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import VendState
from starpos.db.models import Meter, Vend
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.vending import (
    VendRequest,
    mark_print_failed,
    mark_printed,
    record_reprint,
    sell,
)
from starpos.vending.errors import VendStateError
from starpos.vending.reconcile import reconcile
from tests.integration.vend.vend_world import (
    START_CREDIT_TENTHS,
    World,
    meter_model,
    module_balance,
    vend_rows,
)
from tests.support.store_backends import both_backends

# The ledger's whole path on both databases: SQLite at the counter, PostgreSQL centrally.
pytestmark = both_backends

CASHIER = Actor("CASH1", "SP01")


def request(meter: str, net: str = "50.00", **values: object) -> VendRequest:
    return VendRequest(meter=meter, net=Decimal(net), operator_code="CASH1", **values)  # type: ignore[arg-type]


def test_a_vend_makes_a_token_the_meter_accepts_for_exactly_the_booked_energy(
    world: World, tables: StaTables
) -> None:
    meter = world.meters[0]
    before = module_balance(world.url)
    with open_configured_module() as access:
        result = sell(world.database, access, request(meter.number, tendered=Decimal("60.00")))

    customer_meter = meter_model(meter, tables)
    entered = customer_meter.enter(result.token)
    assert entered.response is MeterResponse.ACCEPTED
    assert customer_meter.credit == result.breakdown.token_kwh
    assert result.breakdown.token_kwh > 0
    assert result.change == Decimal("10.00")
    assert module_balance(world.url) == before - result.breakdown.token_kwh

    (row,) = vend_rows(world.database)
    assert row["state"] is VendState.ISSUED
    assert row["tokens"] == [result.token]
    assert row["token_kwh"] == result.breakdown.token_kwh
    with world.database.reading() as session:
        vend = session.scalars(select(Vend)).one()
        assert vend.net_amount == Decimal("50.00") == result.breakdown.lines_total()
        assert vend.tendered == Decimal("60.00")
        assert session.get(Meter, vend.meter_id).last_tid == vend.tid  # type: ignore[union-attr]
        assert audit.verify(session).intact


def test_two_vends_to_one_meter_in_one_minute_get_distinct_rising_tids(
    world: World, tables: StaTables
) -> None:
    meter = world.meters[0]
    with open_configured_module() as access:
        first = sell(world.database, access, request(meter.number, "20.00"))
        second = sell(world.database, access, request(meter.number, "20.00"))
    assert second.tid == first.tid + 1 or second.tid > first.tid
    customer_meter = meter_model(meter, tables)
    assert customer_meter.enter(first.token).response is MeterResponse.ACCEPTED
    assert customer_meter.enter(second.token).response is MeterResponse.ACCEPTED
    assert customer_meter.enter(second.token).response is MeterResponse.USED
    assert first.bill_number != second.bill_number


def test_print_steps_never_touch_the_token_and_reprints_are_counted(world: World) -> None:
    meter = world.meters[1]
    with open_configured_module() as access:
        result = sell(world.database, access, request(meter.number))
    balance = module_balance(world.url)

    mark_print_failed(world.database, result.bill_number, CASHIER, "paper out")
    assert vend_rows(world.database)[0]["state"] is VendState.ISSUED
    mark_printed(world.database, result.bill_number, CASHIER)
    assert record_reprint(world.database, result.bill_number, CASHIER) == 2
    assert record_reprint(world.database, result.bill_number, CASHIER) == 3
    with pytest.raises(VendStateError):
        mark_printed(world.database, result.bill_number, CASHIER)

    (row,) = vend_rows(world.database)
    assert row["state"] is VendState.PRINTED
    assert row["tokens"] == [result.token]
    assert module_balance(world.url) == balance
    with world.database.reading() as session:
        kinds = [
            entry.kind
            for entry in session.scalars(select(audit.AuditEntry).order_by(audit.AuditEntry.id))
            if entry.subject == f"vend:{result.bill_number}"
        ]
    assert kinds == ["vend", "vend", "vend", "vend", "reprint", "reprint"]


def test_reconcile_agrees_after_vends_and_names_the_balance(world: World) -> None:
    with open_configured_module() as access:
        sold = [
            sell(world.database, access, request(meter.number, "30.00"))
            for meter in world.meters[:3]
        ]
        with access.exclusive() as module:
            report = reconcile(world.database, module)
    vended = sum((s.breakdown.token_kwh for s in sold), Decimal("0.0"))
    assert report.agrees
    assert report.vends_issued == 3
    assert report.vended_kwh == vended
    assert report.balance == Decimal(START_CREDIT_TENTHS) / 10 - vended
    assert report.expected_balance == report.balance


def test_the_debt_repaid_is_taken_off_the_meter_only_once_the_token_is_made(world: World) -> None:
    with world.database.reading() as session:
        numbers = {m.number for m in world.meters}
        indebted = [
            meter.number
            for meter in session.scalars(select(Meter).where(Meter.outstanding_debt > 0))
            if meter.number in numbers
        ]
    if not indebted:
        pytest.skip("the demo seed gave no sellable meter a debt")
    number = indebted[0]

    def debt() -> Decimal:
        with world.database.reading() as session:
            meter = session.scalars(select(Meter).where(Meter.number == number)).one()
            return meter.outstanding_debt

    before = debt()
    with open_configured_module() as access:
        result = sell(world.database, access, request(number, "100.00"))
    assert result.breakdown.debt_repayment > 0
    assert debt() == before - result.breakdown.debt_repayment == result.breakdown.debt_after
