"""The supervisor's day close of any day and the float limits, from the keyboard, on the real
stack (the demo store, the virtual printer; decisions SHF-17..SHF-19): a past day chosen in
the date field, closed, printed, printed again and saved as PDF, shown afterwards as its
close recorded it; today refused while a shift is open, then closed in Chinese; a day closed
elsewhere meanwhile refused and shown as recorded; the float limits seen by a supervisor,
set and cleared by an administrator, a bad amount and an enrolled counter's edit refused
with nothing changed. Screenshots into ``STARPOS_SCREENS_DIR`` (docs/screens/) when set."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.models import AuditEntry, DayClose, Operator, SalesPoint, SyncState
from starpos.operators.login import acting_as
from starpos.shifts import close_day
from starpos.ui.counter_app import CounterApp
from starpos.ui.supervisor import day_close
from starpos.ui.supervisor.day_close_dialog import DayCloseDialog
from starpos.ui.supervisor.float_limit_dialog import FloatLimitDialog
from starpos.ui.translator import switch_language
from tests.integration.ui.test_supervisor_windows import (  # noqa: F401 (the app fixture)
    _close_every_shift_of_the_day,
    _message_box,
    alt,
    app,
    log_in,
    picture,
    shortcut,
    shown,
)
from tests.ui.screenshots import app_look  # noqa: F401 (fixture)
from tests.ui.virtual_paper import printed

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("app_look")]


def closed_days(database: Database) -> list[date]:
    with database.reading() as session:
        return list(session.scalars(select(DayClose.business_date).order_by(DayClose.id)))


def day_shown(qtbot: QtBot, dialog: DayCloseDialog, day: date) -> None:
    qtbot.waitUntil(
        lambda: (
            dialog.found is not None and dialog.found.day == day and bool(dialog.view.toPlainText())
        ),
        timeout=20_000,
    )


def test_a_past_day_is_closed_printed_and_saved_then_today_in_chinese(
    qtbot: QtBot,
    app: CounterApp,  # noqa: F811 (the fixture)
    demo_database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = log_in(qtbot, app, "SUP1", "super-demo")
    shortcut(qtbot, window, Qt.Key.Key_J)
    dialog = shown(qtbot, lambda: window.shift_menu.days.dialog)
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20_000)
    today = dialog.found.day
    # Today first, the date field has the focus; the demo's shift of CASH1 keeps it open.
    assert dialog.date_field.hasFocus() and dialog.chosen_day() == today
    assert not dialog.close_button.isEnabled()
    assert "CASH1 on SP01 (no terminal)" in " ".join(dialog.view.toPlainText().split())
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Up)
    assert dialog.chosen_day() == today  # no day after the utility's today

    # Down: yesterday, which has no shift: it may be closed; Enter closes it.
    yesterday = today - timedelta(days=1)
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Down)
    day_shown(qtbot, dialog, yesterday)
    assert dialog.close_button.isEnabled() and "NOT CLOSED YET" in dialog.view.toPlainText()
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "by SUP1" in dialog.view.toPlainText(), timeout=20_000)
    assert closed_days(demo_database) == [yesterday]
    assert not dialog.close_button.isEnabled()
    assert dialog.intro.text().startswith("This day is closed already")
    heading = f"Sales point SP01, {yesterday.isoformat()}"
    first = printed(qtbot, heading)[0]
    assert "DAY CLOSE" in first and "NOT CLOSED YET" not in first and "by SUP1" in first
    picture(dialog, "55-day-close-closed-day-english")

    # Print again: the closed record as it was, now a copy (SHF-21: DUPLICATE).
    alt(qtbot, dialog, Qt.Key.Key_P)
    copies = printed(qtbot, heading, 2)
    assert "DUPLICATE" not in copies[0] and "DUPLICATE" in copies[1]
    unmarked = [line for line in copies[1].splitlines() if "DUPLICATE" not in line]
    assert unmarked == copies[0].splitlines()

    # Save as PDF: the same rows.
    pdf = tmp_path / "day.pdf"
    monkeypatch.setattr(
        day_close.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(pdf), "")
    )
    alt(qtbot, dialog, Qt.Key.Key_F)
    qtbot.waitUntil(pdf.exists, timeout=20_000)
    qtbot.waitUntil(lambda: pdf.stat().st_size > 0, timeout=20_000)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "DAY CLOSE" in text and heading in text and "by SUP1" in text

    # Back to today: still refused, and nothing more was closed.
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Up)
    day_shown(qtbot, dialog, today)
    assert not dialog.close_button.isEnabled() and "CASH1" in dialog.view.toPlainText()
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Return)  # Enter: nothing to close here
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert closed_days(demo_database) == [yesterday]

    # Every shift closed, today is closed in Chinese.
    _close_every_shift_of_the_day(demo_database)
    switch_language("zh_CN")
    try:
        shortcut(qtbot, window, Qt.Key.Key_J)
        qtbot.waitUntil(lambda: window.shift_menu.days.dialog is not dialog, timeout=20_000)
        chinese = shown(qtbot, lambda: window.shift_menu.days.dialog)
        day_shown(qtbot, chinese, today)
        assert chinese.close_button.isEnabled()
        assert "SP01（无终端）" in chinese.view.toPlainText()
        picture(chinese, "55-day-close-chinese")
        qtbot.keyClick(chinese.date_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: closed_days(demo_database) == [yesterday, today], timeout=20_000)
        qtbot.waitUntil(lambda: chinese.found is not None and chinese.found.closed, timeout=20_000)
        recorded = chinese.view.toPlainText()
        assert "由 SUP1 结账" in recorded and "尚未日结" not in recorded
        picture(chinese, "55-day-close-closed-chinese")
    finally:
        switch_language("en")


def enrol(database: Database) -> None:
    """The store as a counter enrolled with a head office (which owns master data)."""
    with database.unit_of_work() as uow:
        uow.session.add(
            SyncState(
                id=1, server_url="http://head-office.test:8470", key_id="-",
                terminal_code="T01", sales_point_code="SP01", enrolled_at=datetime.now(UTC),
            )
        )  # fmt: skip
        uow.commit()


def limits_of(database: Database) -> tuple[Decimal | None, Decimal | None]:
    """The float limits of SP01 and of CASH1."""
    with database.reading() as session:
        point = session.scalar(select(SalesPoint.float_limit).where(SalesPoint.code == "SP01"))
        cashier = session.scalar(select(Operator.float_limit).where(Operator.code == "CASH1"))
    return point, cashier


def limits_dialog(qtbot: QtBot, window: object) -> FloatLimitDialog:
    dialog = shown(qtbot, lambda: window.shift_menu.limits.dialog)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(dialog.rows) > 3, timeout=20_000)
    return dialog  # type: ignore[no-any-return]


def test_an_administrator_sets_and_clears_the_float_limits(
    qtbot: QtBot,
    app: CounterApp,  # noqa: F811 (the fixture)
    demo_database: Database,
) -> None:
    window = log_in(qtbot, app, "ADMIN1", "admin-demo")
    shortcut(qtbot, window, Qt.Key.Key_A)
    dialog = limits_dialog(qtbot, window)
    cells = [dialog.table.item(0, column).text() for column in range(5)]
    assert dialog.table.hasFocus() and cells[0] == "Sales point SP01" and cells[2] == "no limit"
    # No limit: nothing left to show; the demo's open shift at SP01 has sold nothing yet.
    assert (cells[3], cells[4]) == ("0.00", "")

    # Enter goes to the limit; a negative one is refused and nothing changes.
    refused: list[str] = []
    window.funnel.shown.connect(lambda code, message: refused.append(code))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.limit_field.hasFocus()
    qtbot.keyClicks(dialog.limit_field, "-5")
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(refused), timeout=20_000)
    assert limits_of(demo_database) == (None, None)
    box = shown(qtbot, lambda: _message_box(window))
    qtbot.keyClick(box, Qt.Key.Key_Return)

    # 500 for the sales point: recorded, audited, shown with what is left.
    dialog.limit_field.selectAll()
    qtbot.keyClicks(dialog.limit_field, "500")
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: limits_of(demo_database) == (Decimal("500.00"), None), timeout=20_000)
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "500.00", timeout=20_000)
    assert dialog.table.item(0, 4).text() == "500.00"

    def audited() -> int:
        with demo_database.reading() as session:
            return int(
                session.scalar(
                    select(func.count()).select_from(AuditEntry).where(
                        AuditEntry.subject == "sales_point:SP01"
                    )
                ) or 0
            )  # fmt: skip

    assert audited() == 1
    # 500 again: nothing written, nothing audited, and the window says so (SHF-23).
    qtbot.waitUntil(lambda: dialog.limit_field.text() == "500.00", timeout=20_000)
    dialog.limit_field.setFocus()
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "nothing was changed" in dialog.note.text(), timeout=20_000)
    assert (
        dialog.note.text()
        == "The limit of Sales point SP01 is 500.00 already: nothing was changed."
    )
    assert audited() == 1

    # The arrows choose CASH1; 300 for the cashier.
    dialog.table.setFocus()
    for _ in range(len(dialog.rows)):
        selected = dialog.selected()
        if selected is not None and selected.code == "CASH1":
            break
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.limit_field, "300")
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: limits_of(demo_database) == (Decimal("500.00"), Decimal("300.00")), timeout=20_000
    )
    picture(dialog, "56-float-limits-english")

    # Emptied: no limit for the cashier any more.
    qtbot.waitUntil(lambda: dialog.limit_field.text() == "300.00", timeout=20_000)
    dialog.limit_field.setFocus()
    dialog.limit_field.selectAll()
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: limits_of(demo_database) == (Decimal("500.00"), None), timeout=20_000)
    # The list is read again after the change (the focus back on it).
    cashier_row = [row.code for row in dialog.rows].index("CASH1")
    qtbot.waitUntil(lambda: dialog.table.item(cashier_row, 2).text() == "no limit", timeout=20_000)

    # Enrolled with a head office, the counter refuses the edit and says where to make it.
    enrol(demo_database)
    refused.clear()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.limit_field, "600")
    qtbot.keyClick(dialog.limit_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(refused), timeout=20_000)
    assert refused == ["sync.master_data_owned"]
    assert limits_of(demo_database) == (Decimal("500.00"), None)
    box = shown(qtbot, lambda: _message_box(window))
    assert "head office" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    switch_language("fr")
    try:
        shortcut(qtbot, window, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: window.shift_menu.limits.dialog is not dialog, timeout=20_000)
        french = limits_dialog(qtbot, window)
        assert french.table.item(0, 0).text() == "Point de vente SP01"
        picture(french, "56-float-limits-french")
    finally:
        switch_language("en")


def test_a_supervisor_sees_the_float_limits_but_does_not_set_them(
    qtbot: QtBot,
    app: CounterApp,  # noqa: F811 (the fixture)
) -> None:
    window = log_in(qtbot, app, "SUP1", "super-demo")
    assert window.shift_menu.float_action.isVisible()
    shortcut(qtbot, window, Qt.Key.Key_A)
    dialog = limits_dialog(qtbot, window)
    assert not dialog.limit_field.isEnabled() and not dialog.set_button.isEnabled()
    assert "Only an administrator" in dialog.note.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.table.hasFocus()


def test_a_day_closed_meanwhile_is_refused_then_shown_as_recorded(
    qtbot: QtBot,
    app: CounterApp,  # noqa: F811 (the fixture)
    demo_database: Database,
) -> None:
    window = log_in(qtbot, app, "SUP1", "super-demo")
    shortcut(qtbot, window, Qt.Key.Key_J)
    dialog = shown(qtbot, lambda: window.shift_menu.days.dialog)
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20_000)
    yesterday = dialog.found.day - timedelta(days=1)
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Down)
    day_shown(qtbot, dialog, yesterday)
    assert dialog.close_button.isEnabled()
    # Another supervisor closes that day (the command line, another counter) in between.
    close_day(demo_database, acting_as(demo_database, Actor("STAR", "SP01")), yesterday)
    refused: list[str] = []
    window.funnel.shown.connect(lambda code, message: refused.append(code))
    qtbot.keyClick(dialog.date_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(refused), timeout=20_000)
    assert refused == ["shift.day_closed"] and closed_days(demo_database) == [yesterday]
    qtbot.waitUntil(lambda: "by STAR" in dialog.view.toPlainText(), timeout=20_000)
    assert not dialog.close_button.isEnabled()
