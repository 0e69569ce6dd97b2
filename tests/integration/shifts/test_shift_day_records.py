"""The records the supervisor's windows read (decisions SHF-18..SHF-20), through the real
module: a correction of a correction compares with the close at the chain's start, the float
limits with what the sales since the last close used of them, and a closed day read back as
its close recorded it (not its totals read again)."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from starpos.audit.log import Actor
from starpos.db.models import AuditEntry, DayClose, SalesPoint, ZReport
from starpos.db.parameters import utility_now
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import acting_as
from starpos.shifts import close_day, close_shift, correct_z, end_shift, open_shift, verify_z
from starpos.shifts import errors as shift_errors
from starpos.shifts.day_close import preview_day
from starpos.shifts.limits import float_standing, set_float_limit
from tests.integration.shifts.test_shift_day import cashier, vend
from tests.integration.vend.vend_world import World
from tests.support.shifts import open_shift_for


def _zs(world: World) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ZReport)) or 0)


def test_a_correction_of_a_correction_compares_with_the_close(world: World) -> None:
    database = world.database
    cash1, sup1 = cashier(world), cashier(world, "SUP1")
    shift = open_shift(database, cash1, float_total=Decimal("50.00"))
    end_shift(database, cash1, shift.shift_id, {"cash": Decimal("45.00")})
    close_shift(database, sup1, shift.shift_id, approve_reason="short 5")
    first = correct_z(database, sup1, "T01", 1, "a 5 note in the safe", {"CASH": Decimal("50.00")})
    assert first.body["counts"]["CASH"] == {"expected": "50.00", "counted": "50.00",
                                            "variance": "0.00"}  # fmt: skip

    # The correction is corrected in turn: refused without a reason, nothing made ...
    with pytest.raises(shift_errors.ReasonRequiredError):
        correct_z(database, sup1, "T01", first.number, "  ", {"CASH": Decimal("48.00")})
    assert _zs(world) == 2
    # ... and with one it refers to the correction and compares with Z 1's expectation.
    second = correct_z(database, sup1, "T01", first.number, "the note was 2 short",
                       {"CASH": Decimal("48.00")})  # fmt: skip
    assert (second.number, second.corrects) == (3, first.number)
    assert second.body["counts"]["CASH"] == {"expected": "50.00", "counted": "48.00",
                                             "variance": "-2.00"}  # fmt: skip
    with database.reading() as session:
        assert verify_z(session) == (3, [])


def test_the_float_limits_say_how_much_is_used_since_the_last_close(world: World) -> None:
    database = world.database
    admin, cash1, sup1 = (
        acting_as(database, Actor("ADMIN1")),
        cashier(world),
        cashier(world, "SUP1"),
    )
    set_float_limit(database, admin, Decimal("50.00"), sales_point="SP01")
    set_float_limit(database, admin, Decimal("100.00"), operator="CASH1")
    shift = open_shift(database, cash1)
    vend(world, "30.00")

    def standing() -> dict[tuple[str, str], tuple[Decimal | None, Decimal, Decimal | None]]:
        return {
            (s.kind, s.code): (s.limit, s.taken, s.left) for s in float_standing(database, sup1)
        }

    seen = standing()
    assert next(iter(seen)) == ("sales_point", "SP01")  # the viewer's sales point first
    # The demo's open shifts at SP01 have their own sales: the sales point's use includes them.
    point_taken = seen[("sales_point", "SP01")][1]
    assert point_taken >= Decimal("30.00")
    assert seen[("sales_point", "SP01")] == (Decimal("50.00"), point_taken, 50 - point_taken)
    assert seen[("operator", "CASH1")][0] == Decimal("100.00")
    assert seen[("operator", "CASH1")][1] >= Decimal("30.00")
    assert seen[("operator", "SUP1")] == (None, Decimal(0), None)
    assert ("operator", "GONE1") not in seen  # may not log in: no limit to watch

    # A cashier may not read them; the sales after a close start from nothing again.
    with pytest.raises(PermissionDeniedError):
        float_standing(database, cash1)
    before = standing()[("operator", "CASH1")][1]
    end_shift(database, cash1, shift.shift_id, {"cash": Decimal("30.00")})
    close_shift(database, sup1, shift.shift_id)
    assert standing()[("operator", "CASH1")][1] == before - Decimal("30.00")


def test_a_closed_day_reads_as_its_close_recorded_it(world: World) -> None:
    database = world.database
    sup1 = acting_as(database, Actor("SUP1", "SP03"))
    cash3 = acting_as(database, Actor("CASH3", "SP03"))
    demo_shift = open_shift_for(database, "CASH3", "SP03")
    end_shift(database, cash3, demo_shift.shift_id, {"cash": Decimal(0)})
    close_shift(database, sup1, demo_shift.shift_id)
    with database.reading() as session:
        today = utility_now(session).date()
    yesterday = preview_day(database, sup1, today - timedelta(days=1))
    assert (yesterday.shifts, yesterday.closed, yesterday.body["shifts"]) == ((), False, 0)

    made = close_day(database, sup1)
    # The record is what is read back, even when the store's figures move on after it.
    with database.unit_of_work() as uow:
        uow.session.execute(
            update(DayClose).values(body=json.dumps({**made.body, "shifts": 99}, sort_keys=True))
        )
        uow.commit()
    again = preview_day(database, sup1, today)
    assert (again.closed, again.closed_by, again.body["shifts"]) == (True, "SUP1", 99)
    assert again.closed_at is not None
    with database.reading() as session:
        point = session.scalars(select(SalesPoint).where(SalesPoint.code == "SP03")).one()
        audited = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.subject == f"day:SP03:{today.isoformat()}")
        )
    assert point.float_limit is None and audited == 1
