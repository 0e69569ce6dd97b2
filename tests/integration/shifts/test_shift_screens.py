"""Pictures of the shift windows for docs/screens/ (English and French), from a real shift:
three vends through the module, a drop and a paid out, the blind count 20.00 short.

Run with ``STARPOS_SCREENS_DIR=docs/screens`` to refresh the pictures; without it they go
to a temporary folder and the test only checks they were drawn."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from starpos.audit.log import Actor
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import CashMovementKind as Kind
from starpos.operators.login import acting_as
from starpos.shifts import close_shift, end_shift, open_shift, read_z, record_movement, x_report
from starpos.shifts.close import preview_close
from starpos.shifts.lifecycle import drawer_denominations
from starpos.shifts.printing import x_report_slip, z_report_slip
from starpos.ui.supervisor.close_dialog import CloseDialog
from starpos.ui.supervisor.count_dialog import CountDialog
from starpos.ui.supervisor.open_shift_dialog import OpenShiftDialog
from starpos.ui.supervisor.report_dialog import ReportDialog
from starpos.ui.translator import switch_language
from starpos.vending import VendRequest, sell
from tests.integration.vend.vend_world import World
from tests.ui.screenshots import app_look, save  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow
PAYMENTS = [("CASH", "Cash"), ("CARD", "Bank card"), ("MOMO", "Mobile money")]


@pytest.fixture
def screens_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("STARPOS_SCREENS_DIR") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    switch_language("en")


def test_the_shift_windows_in_english_and_french(
    qtbot: QtBot,
    world: World,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the fixture, imported)
    english_after: None,
) -> None:
    database = world.database
    cash1 = acting_as(database, Actor("CASH1", "SP01", "T01"))
    sup1 = acting_as(database, Actor("SUP1", "SP01", "T01"))
    shift = open_shift(database, cash1, float_pieces={Decimal(50): 2, Decimal(20): 5})
    for net, payment in (("40.00", "cash"), ("25.50", "cash"), ("30.00", "CARD")):
        request = VendRequest(world.meters[0].number, Decimal(net), "CASH1", payment,
                              sales_point_code="SP01", terminal_code="T01")  # fmt: skip
        with open_configured_module() as access:
            sell(database, access, request)
    record_movement(database, cash1, shift.shift_id, Kind.DROP, Decimal(50), "to the safe")
    record_movement(database, cash1, shift.shift_id, Kind.PAID_OUT, Decimal(5), "taxi")
    x = x_report(database, sup1, shift.shift_id)
    expected = x.expected_cash
    with database.reading() as session:
        notes = drawer_denominations(session)
    end_shift(database, cash1, shift.shift_id, {"cash": expected - 20, "CARD": Decimal(30)})
    lines, threshold = preview_close(database, sup1, shift.shift_id)
    z = close_shift(database, sup1, shift.shift_id, approve_reason="short, counted twice").z
    for number, (language, code) in enumerate((("english", "en"), ("french", "fr"))):
        switch_language(code)
        opening = OpenShiftDialog("T01", notes, 2)
        qtbot.addWidget(opening)
        opening.grid.boxes[Decimal(50)].setValue(2)
        opening.grid.boxes[Decimal(20)].setValue(5)
        opening.show()
        save(opening, screens_dir, f"5{number}-shift-open-{language}")
        counting = CountDialog(shift.shift_id, notes, PAYMENTS, 2)
        qtbot.addWidget(counting)
        counting.grid.boxes[Decimal(100)].setValue(2)
        counting.others["CARD"].setText("30.00")
        counting.show()
        save(counting, screens_dir, f"5{number}-shift-count-{language}")
        shown_x = ReportDialog(x_report_slip(database, sup1, x), pdf=False)
        qtbot.addWidget(shown_x)
        shown_x.show()
        save(shown_x, screens_dir, f"5{number}-shift-x-{language}")
        closing = CloseDialog(shift.shift_id, 2)
        qtbot.addWidget(closing)
        closing.code_field.setText("SUP1")
        closing.password_field.setText("********")
        closing.show_lines(lines, threshold)
        closing.reason_field.setText("short, counted twice")
        closing.show()
        save(closing, screens_dir, f"5{number}-shift-close-{language}")
        shown_z = ReportDialog(
            z_report_slip(database, read_z(database, z.till, z.number), duplicate=False), pdf=True
        )
        qtbot.addWidget(shown_z)
        shown_z.show()
        save(shown_z, screens_dir, f"5{number}-shift-z-{language}")
