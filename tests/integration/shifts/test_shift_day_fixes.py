"""What issue 13 left of the supervisor's day, through the real module and store: a day
close is printed once as its original and every later print says DUPLICATE (counted and
audited, decision SHF-21); a day still to come is not closed (SHF-22); a float limit set to
what it already is changes nothing, audits nothing and sends nothing to sync (SHF-23); the
demo's day leaves only its cashiers' shifts open (SHF-24)."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.enums import ShiftState
from starpos.db.models import AuditEntry, DayClose, MasterDataChange, Operator, Shift
from starpos.db.parameters import utility_now
from starpos.devices.printer.slip import Slip
from starpos.i18n import render_error
from starpos.operators.login import acting_as
from starpos.operators.session import OperatorSession
from starpos.shifts import close_day, close_shift, end_shift
from starpos.shifts import errors as shift_errors
from starpos.shifts.day_close import preview_day
from starpos.shifts.limits import set_float_limit
from starpos.shifts.printing import day_pdf, print_day
from tests.integration.vend.vend_world import World
from tests.support.shifts import open_shift_for
from tests.support.store_backends import both_backends


class Paper:
    """The printer's side of :class:`~starpos.shifts.printing.SlipPrinter`: what was printed."""

    def __init__(self) -> None:
        self.slips: list[Slip] = []

    def print_slip(self, slip: Slip) -> Any:
        self.slips.append(slip)

    def preview_slip(self, slip: Slip) -> Any:
        raise AssertionError("the day close is printed, not previewed")


def _counts(database: Database) -> tuple[int, int, int]:
    with database.reading() as session:
        return (
            int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0),
            int(session.scalar(select(func.count()).select_from(MasterDataChange)) or 0),
            int(session.scalar(select(func.count()).select_from(DayClose)) or 0),
        )


def _today(database: Database) -> date:
    with database.reading() as session:
        return utility_now(session).date()


def _sp03_day_ready(database: Database) -> OperatorSession:
    """SP03's demo shift counted and closed: the supervisor who may close its day."""
    sup1 = acting_as(database, Actor("SUP1", "SP03"))
    cash3 = acting_as(database, Actor("CASH3", "SP03"))
    demo_shift = open_shift_for(database, "CASH3", "SP03")
    end_shift(database, cash3, demo_shift.shift_id, {"cash": Decimal(0)})
    close_shift(database, sup1, demo_shift.shift_id)
    return sup1


def test_a_day_close_is_printed_once_as_its_original_then_as_duplicates(world: World) -> None:
    database = world.database
    sup1 = _sp03_day_ready(database)
    today = _today(database)
    paper = Paper()

    # A day not closed yet prints as a preview: not counted, never an original.
    assert print_day(database, paper, sup1, today) is None
    assert paper.slips[-1].banner == "NOT CLOSED YET"

    close_day(database, sup1)
    assert print_day(database, paper, sup1, today) == 1
    assert print_day(database, paper, sup1, today) == 2
    first, second = paper.slips[-2:]
    assert first.banner == "" and second.banner == "DUPLICATE"
    assert first.rows == second.rows  # the same record on both
    assert preview_day(database, sup1, today).print_count == 2
    # A PDF of a day printed already is a copy too; saving it is not a print.
    pdf = world.folder / "day.pdf"
    pdf.write_bytes(day_pdf(database, sup1, today))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "DUPLICATE" in text and "DAY CLOSE" in text
    assert preview_day(database, sup1, today).print_count == 2
    with database.reading() as session:
        prints = session.scalars(
            select(AuditEntry.details).where(
                AuditEntry.subject == f"day:SP03:{today.isoformat()}",
                AuditEntry.details.contains('"day_printed"'),
            )
        ).all()
    assert [json.loads(details)["copy"] for details in prints] == [1, 2]


@both_backends
def test_a_day_still_to_come_is_not_closed(world: World) -> None:
    database = world.database
    sup1 = _sp03_day_ready(database)
    tomorrow = _today(database) + timedelta(days=1)
    before = _counts(database)
    with pytest.raises(shift_errors.DayNotComeError) as caught:
        close_day(database, sup1, tomorrow)
    assert _counts(database) == before
    assert tomorrow.isoformat() in render_error(caught.value, "fr")
    assert "{" not in render_error(caught.value, "zh_CN")
    assert "\n" not in render_error(caught.value, "en")
    # Today closes as before.
    assert close_day(database, sup1).business_date == tomorrow - timedelta(days=1)


@both_backends
def test_a_float_limit_set_to_what_it_is_changes_nothing(world: World) -> None:
    database = world.database
    admin = acting_as(database, Actor("ADMIN1"))
    assert set_float_limit(database, admin, Decimal("50.00"), sales_point="SP01") is True
    before = _counts(database)
    assert set_float_limit(database, admin, Decimal("50"), sales_point="SP01") is False
    assert set_float_limit(database, admin, None, operator="CASH1") is False  # none already
    assert _counts(database) == before
    assert set_float_limit(database, admin, None, sales_point="SP01") is True
    assert _counts(database)[0] == before[0] + 1


def test_the_demo_day_has_only_its_cashiers_shifts_open(world: World) -> None:
    """A real counter's morning (SHF-24): the cashiers sell, the supervisors and STAR have
    no shift of their own left open, so SP03's day closes once its cashier's is closed."""
    with world.database.reading() as session:
        open_by = session.scalars(
            select(Operator.code)
            .join(Shift, Shift.operator_id == Operator.id)
            .where(Shift.state != ShiftState.CLOSED)
        ).all()
    assert sorted(open_by) == ["CASH1", "CASH2", "CASH3"]
    sup1 = _sp03_day_ready(world.database)
    assert close_day(world.database, sup1).body["shifts"] == 1
