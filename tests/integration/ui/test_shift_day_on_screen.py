"""A supervisor's day at the counter, from the keyboard, on the real stack (module emulator
on a pty, the virtual printer): no sale before the shift is open (the counter offers to open
one), a float counted note by note, thirty vends paid by cash and card, a cash drop, a paid
out, the X on screen, a blind count 20.00 short, the supervisor's sign-in, approval with a
reason, and the Z. The Z on screen, the Z the printer printed and the Z as PDF show the
same figures, and they agree with the ledger to the cent."""

from __future__ import annotations

import importlib
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.audit.log import Actor
from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.db.enums import ShiftState
from starpos.db.models import CashMovement, Operator, PaymentTerm, Shift, Vend
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.operators.login import acting_as
from starpos.settings import Settings
from starpos.shifts import close_shift, current_shift, end_shift
from starpos.shifts.printing import z_pdf
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.supervisor.close_dialog import CloseDialog
from starpos.ui.supervisor.count_dialog import CountDialog
from starpos.ui.supervisor.movement_dialog import MovementDialog
from starpos.ui.supervisor.open_shift_dialog import OpenShiftDialog
from starpos.ui.supervisor.report_dialog import ReportDialog
from tests.support.data_files import SAMPLE_TABLES
from tests.ui.virtual_paper import printed

pytestmark = pytest.mark.slow
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
VENDS = 30
CARD_VENDS = 10


def vend_world() -> Any:
    return importlib.import_module("tests.integration.vend.vend_world")


@pytest.fixture
def day_world(qtbot: QtBot, demo_database: Database, tmp_path: Path) -> Iterator[CounterApp]:
    # Yesterday's shift of the demo ends first: this day starts with no shift on the till.
    cashier = acting_as(demo_database, Actor("CASH1", "SP01"))
    left_open = current_shift(demo_database, cashier)
    assert left_open is not None
    end_shift(demo_database, cashier, left_open.shift_id, {"cash": Decimal(0)})
    close_shift(demo_database, acting_as(demo_database, Actor("SUP1", "SP01")), left_open.shift_id)
    emulator = vend_world().start_module(tmp_path, SAMPLE_TABLES)
    vend_world().use_module(emulator.url)
    auth, counter = on_workers(*counter_on(demo_database, Settings()))
    app = CounterApp(auth, counter)
    qtbot.addWidget(app.login_window)
    app.start()
    try:
        yield app
    finally:
        app.shut_down()
        emulator.stop()
        stop_virtual_printer()


def log_in(qtbot: QtBot, app: CounterApp) -> PosWindow:
    qtbot.keyClicks(app.login_window.code_field, "CASH1")
    qtbot.keyClicks(app.login_window.password_field, "cash-demo")
    with qtbot.waitSignal(app.counter_opened, timeout=30_000) as opened:
        qtbot.keyClick(app.login_window.password_field, Qt.Key.Key_Return)
    window: PosWindow = opened.args[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def dialog_of(qtbot: QtBot, window: PosWindow, kind: type) -> Any:
    qtbot.waitUntil(
        lambda: isinstance(window.shift_menu.dialog, kind) and window.shift_menu.dialog.isVisible(),
        timeout=20_000,
    )
    return window.shift_menu.dialog


def sell(qtbot: QtBot, window: PosWindow, meter: str, payment: str) -> Any:
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, meter)
    box = window.amount_panel.payment_box
    while box.currentData() != payment:
        qtbot.keyClick(box, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)  # 20.00
    shown: list[str] = []
    window.funnel.shown.connect(lambda code, text: shown.append(text))
    with qtbot.waitSignal(window.vend_finished, timeout=60_000) as finished:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(shown) or not window.vend_flow.vending, timeout=60_000)
        assert not shown, shown
    return finished.args[0]


def shortcut(qtbot: QtBot, window: PosWindow, key: Qt.Key) -> None:
    """Ctrl+Shift+``key`` on the counter window, as the cashier presses it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, key, CTRL_SHIFT)


def type_count(qtbot: QtBot, box: Any, pieces: int) -> None:
    """As Tab into the box leaves it: all selected, the count typed over it."""
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, str(pieces))


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_a_supervisors_day_from_the_keyboard(
    qtbot: QtBot, day_world: CounterApp, demo_database: Database
) -> None:
    app = day_world
    meters = vend_world().sellable_meters(demo_database)
    window = log_in(qtbot, app)

    # No shift: the sale is refused and the counter offers to open one.
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, meters[0].number)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    offer = dialog_of(qtbot, window, QMessageBox)
    assert "no open shift" in offer.text()
    qtbot.keyClick(offer, Qt.Key.Key_Return)  # Yes
    opening = dialog_of(qtbot, window, OpenShiftDialog)
    type_count(qtbot, opening.grid.boxes[Decimal(50)], 2)
    type_count(qtbot, opening.grid.boxes[Decimal(20)], 5)
    assert "200.00" in opening.grid.total_label.text()
    with qtbot.waitSignal(window.shift_menu.shift_changed, timeout=20_000):
        qtbot.keyClick(opening, Qt.Key.Key_Return)
    window.meter_field.clear()

    # Thirty vends: twenty paid in cash, ten by bank card.
    payments = ["CASH"] * (VENDS - CARD_VENDS) + ["CARD"] * CARD_VENDS
    for number, payment in enumerate(payments):
        # The first demo meters are households that 20.00 buys credit for.
        outcome = sell(qtbot, window, meters[number % 5].number, payment)
        assert outcome is not None, f"vend {number + 1} was refused"
    qtbot.waitUntil(lambda: window.token_panel.print_state == "printed", timeout=60_000)

    # A cash drop and a paid out, each with its reason.
    for key, amount, reason in ((Qt.Key.Key_D, "50.00", "to the safe"),
                                (Qt.Key.Key_U, "5.00", "taxi for the meter reader")):  # fmt: skip
        shortcut(qtbot, window, key)
        moving = dialog_of(qtbot, window, MovementDialog)
        qtbot.keyClicks(moving.amount_field, amount)
        qtbot.keyClicks(moving.reason_field, reason)
        qtbot.keyClick(moving.reason_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda dialog=moving: not dialog.isVisible(), timeout=10_000)

    def movements() -> int:
        with demo_database.reading() as session:
            return int(session.scalar(select(func.count()).select_from(CashMovement)) or 0)

    qtbot.waitUntil(lambda: movements() == 2, timeout=20_000)

    # The X on screen (the cashier's: the expected cash is not on it).
    shortcut(qtbot, window, Qt.Key.Key_X)
    x = dialog_of(qtbot, window, ReportDialog)
    x_text = squeeze(x.view.toPlainText())
    assert "X REPORT" in x_text and "NOT A CLOSE" in x_text and "Expected" not in x_text
    with demo_database.reading() as session:
        shift = session.scalars(
            select(Shift)
            .join(Operator, Operator.id == Shift.operator_id)
            .where(Shift.state == ShiftState.OPEN, Operator.code == "CASH1")
        ).one()
        assert (shift.till, shift.opening_float) == ("@SP01", Decimal("200.00"))
        sales = select(func.sum(Vend.net_amount)).where(Vend.shift_id == shift.id)
        net = session.scalar(sales)
        cash = session.scalar(
            sales.join(PaymentTerm, PaymentTerm.id == Vend.payment_term_id).where(
                PaymentTerm.code == "CASH"
            )
        )
    assert net == Decimal("20.00") * VENDS
    assert f"Net sales {net}" in x_text
    qtbot.keyClick(x, Qt.Key.Key_Escape)

    # The blind count: the cash 20.00 short, the card total right.
    expected_cash = Decimal("200.00") + Decimal("20.00") * (VENDS - CARD_VENDS) - 55
    short = expected_cash - 20
    shortcut(qtbot, window, Qt.Key.Key_T)
    count = dialog_of(qtbot, window, CountDialog)
    assert "expected" not in squeeze(count.intro.text()).split(".")[0]
    fifties, rest = divmod(int(short), 50)
    tens, ones = divmod(rest, 10)
    for value, pieces in ((50, fifties), (10, tens), (1, ones)):
        if pieces:
            type_count(qtbot, count.grid.boxes[Decimal(value)], pieces)
    qtbot.keyClicks(count.others["CARD"], str(Decimal("20.00") * CARD_VENDS))
    with qtbot.waitSignal(window.shift_menu.shift_changed, timeout=20_000):
        qtbot.keyClick(count.others["CARD"], Qt.Key.Key_Return)

    # The supervisor signs in, sees the variance, approves it with a reason: the Z.
    shortcut(qtbot, window, Qt.Key.Key_Z)
    closing = dialog_of(qtbot, window, CloseDialog)
    qtbot.keyClicks(closing.code_field, "SUP1")
    qtbot.keyClicks(closing.password_field, "super-demo")
    qtbot.keyClick(closing.password_field, Qt.Key.Key_Return)
    qtbot.waitUntil(closing.reason_field.isVisible, timeout=20_000)
    assert "-20.00" in closing.variance_label.text()
    qtbot.keyClicks(closing.reason_field, "short 20.00, counted twice")
    qtbot.keyClick(closing.reason_field, Qt.Key.Key_Return)
    z = dialog_of(qtbot, window, ReportDialog)
    on_screen = squeeze(z.view.toPlainText())
    on_paper = squeeze(printed(qtbot, "Z REPORT")[0])
    with demo_database.reading() as session:
        closed = session.get(Shift, shift.id)
        assert closed is not None and closed.state == ShiftState.CLOSED
    pdf = Path(demo_database.engine.url.database or "").with_name("z.pdf")
    pdf.write_bytes(z_pdf(demo_database, "@SP01"))
    in_pdf = squeeze(
        subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                       check=True).stdout
    )  # fmt: skip
    figures = [
        "Z REPORT No. 2",  # the demo's shift was Z 1 of this till
        f"Net sales {net}",
        f"Cash ({VENDS - CARD_VENDS}) {cash}",
        f"Bank card ({CARD_VENDS}) {Decimal('20.00') * CARD_VENDS}",
        "Cash drop (1) 50.00",
        "Paid out (1) 5.00",
        f"Expected cash in drawer {expected_cash}",
        "Total variance -20.00",
        "Reason short 20.00, counted twice",
    ]
    for figure in figures:
        assert figure in on_screen, figure
        assert figure in on_paper, figure
        assert figure in in_pdf, figure
