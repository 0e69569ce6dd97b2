"""The supervisor's windows of the Shift menu after the close, from the keyboard, on the real
stack (the demo store, the virtual printer): the till's Z list (view, reprint marked
DUPLICATE, PDF, a correction that refers to the Z, a correction refused without a reason, a
correction of the correction), the day close (refused while a shift is open, naming it; then
closed and printed), and the pick-up. Screenshots into ``STARPOS_SCREENS_DIR``
(docs/screens/) when it is set."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.audit.log import Actor
from starpos.bootstrap.counter import counter_on
from starpos.db import Database
from starpos.db.enums import CashMovementKind, ShiftState, ZKind
from starpos.db.models import CashMovement, DayClose, Operator, Shift, ShiftCount, ZReport
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded
from starpos.operators.login import acting_as
from starpos.settings import Settings
from starpos.shifts import close_shift, current_shift, end_shift
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.supervisor import shift_menu
from starpos.ui.supervisor.correct_dialog import CorrectDialog
from starpos.ui.supervisor.count_dialog import CountDialog
from starpos.ui.supervisor.day_close_dialog import DayCloseDialog
from starpos.ui.supervisor.movement_dialog import MovementDialog
from starpos.ui.supervisor.z_list_dialog import ZListDialog
from starpos.ui.translator import switch_language
from tests.ui.screenshots import app_look, save  # noqa: F401 (fixture)
from tests.ui.virtual_paper import printed

# The app's own font, so the pictures look like the counter's.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("app_look")]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _close_the_demo_shift(database: Database) -> None:
    """The demo leaves CASH1's shift open: counted and closed by SUP1, it is Z 1 of @SP01."""
    cashier = acting_as(database, Actor("CASH1", "SP01"))
    left_open = current_shift(database, cashier)
    assert left_open is not None
    end_shift(database, cashier, left_open.shift_id, {"cash": Decimal(0)})
    close_shift(database, acting_as(database, Actor("SUP1", "SP01")), left_open.shift_id)


def _close_every_shift_of_the_day(database: Database) -> None:
    """Each open shift counted by its cashier and closed by a supervisor who is not them
    (the demo leaves only the cashiers' open, SHF-24)."""
    with database.reading() as session:
        left = session.execute(
            select(Shift.id, Operator.code)
            .join(Operator, Operator.id == Shift.operator_id)
            .where(Shift.state != ShiftState.CLOSED)
        ).all()
    for shift_id, code in left:
        end_shift(
            database, acting_as(database, Actor(code, "SP01")), shift_id, {"cash": Decimal(0)}
        )
        closer = acting_as(database, Actor("STAR" if code == "SUP1" else "SUP1", "SP01"))
        close_shift(database, closer, shift_id)


@pytest.fixture
def app(qtbot: QtBot, demo_database: Database) -> Iterator[CounterApp]:
    auth, counter = on_workers(*counter_on(demo_database, Settings()))
    started = CounterApp(auth, counter)
    qtbot.addWidget(started.login_window)
    started.start()
    try:
        yield started
    finally:
        started.shut_down()
        switch_language("en")
        stop_embedded()
        stop_virtual_printer()


def log_in(qtbot: QtBot, app: CounterApp, code: str, password: str) -> PosWindow:
    qtbot.keyClicks(app.login_window.code_field, code)
    qtbot.keyClicks(app.login_window.password_field, password)
    with qtbot.waitSignal(app.counter_opened, timeout=30_000) as opened:
        qtbot.keyClick(app.login_window.password_field, Qt.Key.Key_Return)
    window: PosWindow = opened.args[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def shortcut(qtbot: QtBot, window: PosWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=20_000)
    qtbot.keyClick(window, key, CTRL_SHIFT)


def shown(qtbot: QtBot, find: Any) -> Any:
    """Wait until ``find()`` gives a visible dialog, and give it."""
    qtbot.waitUntil(lambda: find() is not None and find().isVisible(), timeout=20_000)
    return find()


def z_list(qtbot: QtBot, window: PosWindow, rows: int) -> ZListDialog:
    dialog = shown(qtbot, lambda: window.shift_menu.zs.z_dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == rows, timeout=20_000)
    return dialog


def alt(qtbot: QtBot, dialog: Any, key: Qt.Key) -> None:
    """Alt+``key`` (a button's mnemonic) in ``dialog``, as the supervisor presses it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog.table if hasattr(dialog, "table") else dialog, key, ALT)


def screens() -> Path | None:
    folder = os.environ.get("STARPOS_SCREENS_DIR")
    return Path(folder) if folder else None


def picture(dialog: Any, name: str) -> None:
    folder = screens()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        save(dialog, folder, name)


def zs(database: Database) -> list[tuple[int, ZKind, int]]:
    with database.reading() as session:
        rows = session.execute(
            select(ZReport.number, ZReport.kind, ZReport.print_count).order_by(ZReport.number)
        ).all()
    return [(number, ZKind(kind), prints) for number, kind, prints in rows]


def test_the_z_list_views_reprints_saves_and_corrects(
    qtbot: QtBot,
    app: CounterApp,
    demo_database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _close_the_demo_shift(demo_database)
    window = log_in(qtbot, app, "SUP1", "super-demo")
    shortcut(qtbot, window, Qt.Key.Key_L)
    listing = z_list(qtbot, window, 1)
    cells = [listing.table.item(0, column).text() for column in range(8)]
    assert (cells[0], cells[2], cells[3], cells[6]) == ("1", "CASH1", "SUP1", "0")
    picture(listing, "53-shift-z-list-english")

    # Enter on the row: the Z on screen.
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    view = shown(qtbot, lambda: window.shift_menu.zs.z_view)
    assert "Z REPORT No. 1" in view.view.toPlainText()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)

    # Reprint twice: the first paper of this Z is its original, the second says DUPLICATE.
    for copies in ("1", "2"):
        alt(qtbot, listing, Qt.Key.Key_R)
        qtbot.waitUntil(lambda n=copies: listing.table.item(0, 6).text() == n, timeout=30_000)
    assert zs(demo_database) == [(1, ZKind.CLOSE, 2)]
    copies = printed(qtbot, "Z REPORT No. 1", 2)
    assert "DUPLICATE" not in copies[0] and "DUPLICATE" in copies[1]

    # Save as PDF: the same Z (the file dialog answers with a path).
    pdf = tmp_path / "z-1.pdf"
    monkeypatch.setattr(
        shift_menu.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(pdf), "")
    )
    alt(qtbot, listing, Qt.Key.Key_D)
    qtbot.waitUntil(pdf.exists, timeout=20_000)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Z REPORT No. 1" in text and "SUP1" in text

    # A correction without a reason is refused and nothing is made.
    alt(qtbot, listing, Qt.Key.Key_C)
    correcting = shown(qtbot, lambda: window.shift_menu.zs.correct_dialog)
    assert isinstance(correcting, CorrectDialog)
    refused: list[str] = []
    window.funnel.shown.connect(lambda code, message: refused.append(code))
    qtbot.keyClicks(correcting.fields["CASH"], "15.50")
    qtbot.keyClick(correcting.reason_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(refused), timeout=20_000)
    assert zs(demo_database) == [(1, ZKind.CLOSE, 2)]
    box = shown(qtbot, lambda: _message_box(window))
    qtbot.keyClick(box, Qt.Key.Key_Return)

    # With its reason: a new Z that refers to Z 1, shown and printed at once.
    alt(qtbot, listing, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: window.shift_menu.zs.correct_dialog is not correcting, timeout=20_000)
    correcting = shown(qtbot, lambda: window.shift_menu.zs.correct_dialog)
    # The Z's own figures stand in the empty fields, so the supervisor corrects knowingly.
    assert correcting.fields["CASH"].placeholderText() == "expected 0.00, counted 0.00"
    picture(correcting, "53-shift-z-correct-english")
    qtbot.keyClicks(correcting.fields["CASH"], "15.50")
    qtbot.keyClicks(correcting.reason_field, "a 20 note found under the drawer")
    qtbot.keyClick(correcting.reason_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 2, timeout=20_000)
    view = shown(qtbot, lambda: window.shift_menu.zs.z_view)
    qtbot.waitUntil(lambda: "CORRECTION No. 2" in view.view.toPlainText(), timeout=20_000)
    assert "(corrects Z 1)" in view.view.toPlainText()
    assert "a 20 note found under the drawer" in view.view.toPlainText()
    printed(qtbot, "Z CORRECTION No. 2")
    assert [(n, k) for n, k, _ in zs(demo_database)] == [(1, ZKind.CLOSE), (2, ZKind.CORRECTION)]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    by_number = {listing.table.item(row, 0).text(): row for row in range(2)}
    assert listing.table.item(by_number["1"], 7).text() == "corrected by Z 2"
    assert listing.table.item(by_number["2"], 7).text() == "corrects Z 1"
    picture(listing, "53-shift-z-list-corrected-english")

    # The correction is corrected in turn (SHF-20): the arrows choose it, Correct… asks
    # again, showing what stands after it, and the new Z refers to the correction.
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Up)  # newest first: Z 2 above Z 1
    assert listing.selected() == 2 and listing.correct_button.isEnabled()
    alt(qtbot, listing, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: window.shift_menu.zs.correct_dialog is not correcting, timeout=20_000)
    again = shown(qtbot, lambda: window.shift_menu.zs.correct_dialog)
    assert again.number == 2
    assert again.fields["CASH"].placeholderText() == "expected 0.00, counted 15.50"
    qtbot.keyClicks(again.fields["CASH"], "5.50")
    qtbot.keyClicks(again.reason_field, "the note was a 10")
    qtbot.keyClick(again.reason_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 3, timeout=20_000)
    printed(qtbot, "Z CORRECTION No. 3")
    assert [(n, k) for n, k, _ in zs(demo_database)][-1] == (3, ZKind.CORRECTION)
    with demo_database.reading() as session:
        third = session.scalars(select(ZReport).where(ZReport.number == 3)).one()
        corrected = session.get_one(ZReport, third.corrects_id)
    assert corrected.number == 2 and '"reason":"the note was a 10"' in third.body
    by_number = {listing.table.item(row, 0).text(): row for row in range(3)}
    assert listing.table.item(by_number["2"], 7).text() == "corrects Z 1; corrected by Z 3"


def _message_box(window: PosWindow) -> QMessageBox | None:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    return boxes[0] if boxes else None


def test_a_cashier_sees_neither_the_z_list_nor_the_day_close(qtbot: QtBot, app: CounterApp) -> None:
    window = log_in(qtbot, app, "CASH1", "cash-demo")
    menu = window.shift_menu
    assert not menu.z_list_action.isVisible() and not menu.day_action.isVisible()
    assert not menu.float_action.isVisible()
    # The core lets whoever may drop cash also pick it up (cash_drop): the cashier sees it.
    assert menu.pickup_action.isVisible()


def test_the_day_close_names_the_open_shift_then_closes_and_prints(
    qtbot: QtBot, app: CounterApp, demo_database: Database
) -> None:
    window = log_in(qtbot, app, "SUP1", "super-demo")

    # The demo's shift of CASH1 is still open: the day cannot close, and the window says which.
    shortcut(qtbot, window, Qt.Key.Key_J)
    day = shown(qtbot, lambda: window.shift_menu.dialog)
    assert isinstance(day, DayCloseDialog)
    qtbot.waitUntil(lambda: day.found is not None, timeout=20_000)
    assert not day.close_button.isEnabled()
    assert "CASH1" in day.view.toPlainText() and "NOT CLOSED YET" in day.view.toPlainText()
    picture(day, "54-day-close-refused-english")
    qtbot.keyClick(day, Qt.Key.Key_Escape)
    with demo_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(DayClose)) == 0

    # The shift closed, the day closes from the keyboard and is printed.
    _close_every_shift_of_the_day(demo_database)
    switch_language("fr")
    shortcut(qtbot, window, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: window.shift_menu.dialog is not day, timeout=20_000)
    day = shown(qtbot, lambda: window.shift_menu.dialog)
    qtbot.waitUntil(lambda: day.found is not None, timeout=20_000)
    assert day.close_button.isEnabled(), day.view.toPlainText() + day.intro.text()
    assert "Par caisse" in day.view.toPlainText()
    picture(day, "54-day-close-french")
    switch_language("en")
    # Enter in the date field (it has the focus) closes the day shown, now closable.
    assert day.date_field.hasFocus()
    qtbot.keyClick(day.date_field, Qt.Key.Key_Return)
    # The window stays, showing the day as its close recorded it.
    qtbot.waitUntil(lambda: "by SUP1" in day.view.toPlainText(), timeout=20_000)
    assert not day.close_button.isEnabled()
    with demo_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(DayClose)) == 1
    paper = printed(qtbot, "DAY CLOSE")[0]
    # The demo leaves only the cashier's shift open (SHF-24): one Z on the day's till.
    assert "SP01 (no terminal): Z 1" in paper and "Z 1, 2" not in paper
    assert "Module credit used (kWh)" in paper
    assert "@SP01" not in paper and "NOT CLOSED YET" not in paper


def test_a_supervisor_picks_up_cash_from_the_open_shift(
    qtbot: QtBot, app: CounterApp, demo_database: Database
) -> None:
    # The demo's open shift is CASH1's: the pick-up is recorded on it, at CASH1's counter.
    window = log_in(qtbot, app, "CASH1", "cash-demo")
    shortcut(qtbot, window, Qt.Key.Key_W)
    moving = shown(qtbot, lambda: window.shift_menu.dialog)
    assert isinstance(moving, MovementDialog) and moving.kind == CashMovementKind.PICKUP
    qtbot.keyClicks(moving.amount_field, "40.00")
    qtbot.keyClicks(moving.reason_field, "to the bank")
    qtbot.keyClick(moving.reason_field, Qt.Key.Key_Return)

    def pickups() -> list[Decimal]:
        with demo_database.reading() as session:
            return list(
                session.scalars(
                    select(CashMovement.amount).where(CashMovement.kind == CashMovementKind.PICKUP)
                )
            )

    qtbot.waitUntil(lambda: pickups() == [Decimal("40.00")], timeout=20_000)
    printed(qtbot, "to the bank")


def test_a_counted_shift_is_recounted_from_the_same_entry(
    qtbot: QtBot, app: CounterApp, demo_database: Database
) -> None:
    cashier = acting_as(demo_database, Actor("CASH1", "SP01"))
    shift = current_shift(demo_database, cashier)
    assert shift is not None
    end_shift(demo_database, cashier, shift.shift_id, {"cash": Decimal("10.00")})
    window = log_in(qtbot, app, "CASH1", "cash-demo")
    shortcut(qtbot, window, Qt.Key.Key_T)
    count = shown(qtbot, lambda: window.shift_menu.dialog)
    assert isinstance(count, CountDialog) and count.shift_id == shift.shift_id
    box = count.grid.boxes[Decimal(50)]
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "2")
    with qtbot.waitSignal(window.shift_menu.shift_changed, timeout=20_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)

    def counted() -> dict[str, Decimal]:
        with demo_database.reading() as session:
            rows = session.execute(
                select(ShiftCount.payment, ShiftCount.counted).where(
                    ShiftCount.shift_id == shift.shift_id
                )
            ).all()
        return {payment: amount for payment, amount in rows}

    assert counted()["CASH"] == Decimal("100.00")  # was 10.00: the recount replaced it


def test_no_two_entries_of_the_counter_share_a_shortcut(qtbot: QtBot, app: CounterApp) -> None:
    window = log_in(qtbot, app, "SUP1", "super-demo")
    keys = [
        key.toString()
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
        if not key.isEmpty()
    ] + [s.key().toString() for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    assert {"Ctrl+Shift+L", "Ctrl+Shift+J", "Ctrl+Shift+W"} <= set(keys)
    assert sorted(key for key in set(keys) if keys.count(key) > 1) == []
