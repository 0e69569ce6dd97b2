"""A shift's day through the real module: no sale without an open shift, sales attributed to
their shift, cash movements, the X, the blind count, the supervisor's close with its
variance and approval, the Z chain and its grand totals, the float limit and the day close.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select, text, update

from starpos.audit import log as audit
from starpos.audit.log import Actor
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import CashMovementKind as Kind
from starpos.db.enums import ShiftState
from starpos.db.models import AuditEntry, Shift, SystemParameters, Vend
from starpos.i18n import render_error
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import acting_as
from starpos.shifts import (
    close_day,
    close_shift,
    end_shift,
    open_shift,
    read_z,
    record_movement,
    verify_z,
    x_report,
)
from starpos.shifts import errors as shift_errors
from starpos.shifts.limits import set_float_limit
from starpos.vending import VendRequest, VendResult, sell
from tests.integration.vend.vend_world import World, count_vends
from tests.support.shifts import open_shift_for

TILL = "T01"


def cashier(world: World, code: str = "CASH1", terminal: str | None = TILL):  # type: ignore[no-untyped-def]
    return acting_as(world.database, Actor(code, "SP01", terminal))


def vend(world: World, net: str, payment: str = "cash", operator: str = "CASH1",
         terminal: str | None = TILL, meter: int = 0) -> VendResult:  # fmt: skip
    request = VendRequest(
        meter=world.meters[meter].number, net=Decimal(net), operator_code=operator,
        payment=payment, sales_point_code="SP01", terminal_code=terminal,
    )  # fmt: skip
    with open_configured_module() as access:
        return sell(world.database, access, request)


def test_no_sale_without_an_open_shift_on_the_till(world: World) -> None:
    with pytest.raises(shift_errors.NoOpenShiftError) as caught:
        vend(world, "20.00")
    assert count_vends(world.database) == 0
    assert "T01" in render_error(caught.value, "fr") and "{" not in render_error(
        caught.value, "zh_CN"
    )
    with world.database.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.kind == "vend_refused"
        assert json.loads(last.details)["code"] == "shift.none_open"


def test_a_day_on_the_till_from_float_to_z(world: World) -> None:
    database = world.database
    cash1, sup1 = cashier(world), cashier(world, "SUP1")
    shift = open_shift(
        database, cash1, float_pieces={Decimal(50): 1, Decimal(20): 2, Decimal("0.25"): 4}
    )
    assert shift.opening_float == Decimal("91.00")
    sold = [vend(world, "40.00"), vend(world, "25.50", meter=1), vend(world, "30.00", "CARD")]
    with database.reading() as session:
        shifts = session.scalars(select(Vend.shift_id).where(Vend.terminal_id.is_not(None))).all()
    assert shifts == [shift.shift_id] * 3
    with pytest.raises(PermissionDeniedError):
        record_movement(database, cash1, shift.shift_id, Kind.DRAWER_OPEN, Decimal(0), "look")
    record_movement(database, cash1, shift.shift_id, Kind.DROP, Decimal(50), "to the safe")
    record_movement(database, sup1, shift.shift_id, Kind.PAID_OUT, Decimal("5.00"), "taxi")
    record_movement(database, sup1, shift.shift_id, Kind.DRAWER_OPEN, Decimal(0), "change")
    with pytest.raises(shift_errors.ReasonRequiredError):
        record_movement(database, cash1, shift.shift_id, Kind.DROP, Decimal(1), "  ")

    x = x_report(database, cash1, shift.shift_id)
    expected_cash = Decimal("91.00") + Decimal("65.50") - Decimal("50.00") - Decimal("5.00")
    assert (x.sales_count, x.sales_net, x.tokens_issued) == (3, Decimal("95.50"), 3)
    assert x.energy_kwh == sum((r.breakdown.token_kwh for r in sold), Decimal(0))
    assert {p.payment: p.net for p in x.payments} == {
        "CASH": Decimal("65.50"),
        "CARD": Decimal("30.00"),
    }
    assert x.expected_cash == expected_cash

    # The blind count: 20.00 short in cash, the card total right.
    end_shift(database, cash1, shift.shift_id, {"cash": expected_cash - 20, "CARD": Decimal(30)})
    with pytest.raises(shift_errors.NoOpenShiftError):
        vend(world, "10.00")  # counted: no more sales in it
    with pytest.raises(PermissionDeniedError):
        close_shift(database, cash1, shift.shift_id)
    with pytest.raises(shift_errors.VarianceNeedsApprovalError):
        close_shift(database, sup1, shift.shift_id)
    with database.reading() as session:
        assert session.get(Shift, shift.shift_id).state == ShiftState.ENDED  # type: ignore[union-attr]
    closed = close_shift(database, sup1, shift.shift_id, approve_reason="counted twice, short")
    assert [(c.payment, c.expected, c.counted, c.variance) for c in closed.lines] == [
        ("CARD", Decimal("30.00"), Decimal("30.00"), Decimal("0.00")),
        ("CASH", expected_cash, expected_cash - 20, Decimal("-20.00")),
    ]
    z = closed.z
    assert (z.till, z.number, z.grand_net, z.grand_sales) == (TILL, 1, Decimal("95.50"), 3)
    assert z.body["variance"] == "-20.00" and z.body["reason"] == "counted twice, short"
    with database.reading() as session:
        head = audit.verify(session)
        assert head.intact and z.audit_head_id < head.entries
        assert verify_z(session) == (1, [])

    # The next shift's Z follows it: number 2, chained, grand totals carried on.
    second = open_shift(database, cash1, float_total=Decimal("10.00"))
    vend(world, "12.00")
    end_shift(database, cash1, second.shift_id, {"cash": Decimal("22.00")})
    z2 = close_shift(database, sup1, second.shift_id).z
    assert (z2.number, z2.previous_hash, z2.grand_net, z2.grand_sales) == (
        2, z.z_hash, Decimal("107.50"), 4,
    )  # fmt: skip
    assert read_z(database, TILL).number == 2


def test_changing_a_z_row_is_detected(world: World, run_starpos) -> None:  # type: ignore[no-untyped-def]
    database = world.database
    cash1, sup1 = cashier(world), cashier(world, "SUP1")
    for _ in range(2):
        shift = open_shift(database, cash1, float_total=Decimal("5.00"))
        end_shift(database, cash1, shift.shift_id, {"cash": Decimal("5.00")})
        close_shift(database, sup1, shift.shift_id)
    intact = run_starpos("shift", "verify", "--json")
    assert intact.returncode == 0 and json.loads(intact.stdout)["intact"] is True
    with database.unit_of_work() as uow:
        uow.session.execute(
            text("UPDATE z_reports SET grand_net = grand_net + 100 WHERE number = 1")
        )
        uow.commit()
    broken = run_starpos("shift", "verify")
    assert broken.returncode != 0
    assert broken.stderr.count("\n") == 1 and "Z 1 of T01" in broken.stderr
    with database.reading() as session:
        _, problems = verify_z(session)
    assert [(p.number, p.problem) for p in problems] == [(1, "its content was changed")]


def test_the_float_limit_stops_vending_until_a_close(world: World) -> None:
    database = world.database
    admin = acting_as(database, Actor("ADMIN1"))
    with pytest.raises(PermissionDeniedError):
        set_float_limit(database, cashier(world), Decimal("50.00"), sales_point="SP01")
    set_float_limit(database, admin, Decimal("50.00"), sales_point="SP01")
    cash1, sup1 = cashier(world), cashier(world, "SUP1")
    shift = open_shift(database, cash1)
    vend(world, "30.00")
    with pytest.raises(shift_errors.FloatLimitReachedError) as caught:
        vend(world, "30.00")
    assert "50.00" in caught.value.message and "30.00" in caught.value.message
    assert count_vends(database) == 1
    end_shift(database, cash1, shift.shift_id, {"cash": Decimal("30.00")})
    close_shift(database, sup1, shift.shift_id)
    open_shift(database, cash1)
    assert vend(world, "30.00").token  # the close handed the cash over


def test_the_day_closes_once_every_shift_is_closed(world: World) -> None:
    database = world.database
    sup1 = acting_as(database, Actor("SUP1", "SP03"))
    cash3 = acting_as(database, Actor("CASH3", "SP03"))
    demo_shift = open_shift_for(database, "CASH3", "SP03")  # the demo opened it
    with pytest.raises(shift_errors.OpenShiftsRemainError):
        close_day(database, sup1)
    end_shift(database, cash3, demo_shift.shift_id, {"cash": Decimal(0)})
    close_shift(database, sup1, demo_shift.shift_id)
    day = close_day(database, sup1)
    assert day.body["shifts"] == 1 and "@SP03" in day.body["tills"]
    with pytest.raises(shift_errors.DayAlreadyClosedError):
        close_day(database, sup1)


def test_the_cashier_does_not_close_their_own_shift_unless_allowed(world: World) -> None:
    database = world.database
    sup1 = cashier(world, "SUP1", "T02")
    shift = open_shift(database, sup1, float_total=Decimal("10.00"))
    end_shift(database, sup1, shift.shift_id, {"cash": Decimal("10.00")})
    with pytest.raises(shift_errors.SameOperatorCloseError):
        close_shift(database, sup1, shift.shift_id)
    with database.unit_of_work() as uow:
        uow.session.execute(update(SystemParameters).values(shift_self_close=True))
        uow.commit()
    assert close_shift(database, sup1, shift.shift_id).z.till == "T02"
