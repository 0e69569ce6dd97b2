"""The F7 registration box and the add-meter box take the register charge with payment and
change (manual 3.3 d, 4.3; decision BO-21), from the keyboard: the type's charge is shown, the
change is worked out as the cash is typed, a paid amount that is no amount is said in the box
with nothing sent, and the bill's charge, paid and change are shown under the list once
saved; the charge is in the operator's open shift."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.database import open_database
from starpos.db.models import RegistrationBill
from starpos.operators.login import login
from starpos.shifts.lifecycle import open_shift
from starpos.shifts.totals import x_report
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.customer_editors import AddMeterDialog, RegisterDialog
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import SECOND, STAR_PASSWORD, Utility, set_up
from tests.integration.admin.test_registration_payment import FLOAT, THIRD, with_register_charges
from tests.ui.admin.test_setup_screens import WAIT_MS, _box, _focused, _key, _open, _tab_to
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        utility = set_up(database)
        with_register_charges(utility)
        yield utility


@pytest.fixture
def window(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    switch_language("en")
    # STAR at the office's counter T01, where the drawer the charges go into stands.
    star = replace(login(utility.database, "STAR", STAR_PASSWORD), sales_point_code="SP01",
                   terminal_code="T01")  # fmt: skip
    window = AdminWindow(
        CoreAdminService(utility.database, star, "T01"), Worker("database"), ErrorFunnel()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.database.stop()


def test_the_register_charge_is_paid_in_the_box_with_change(
    qtbot: QtBot, window: AdminWindow, utility: Utility, screens_dir: Path
) -> None:
    star = window.service.operator
    shift = open_shift(utility.database, star, float_total=FLOAT)
    _open(qtbot, window, "customers")
    page = window.customers
    _key(qtbot, Qt.Key.Key_F7)
    box = _box(qtbot, RegisterDialog)
    assert isinstance(box, RegisterDialog)
    qtbot.keyClicks(_focused(), "Lakeside Bakery")
    _tab_to(qtbot, box.number)
    qtbot.keyClicks(_focused(), SECOND)
    assert box.payment.charge_label.text() == "<b>15.75</b>"  # REG 10 + CON 5 + 7.5 % VAT of REG
    _tab_to(qtbot, box.payment.paid)
    qtbot.keyClicks(_focused(), "abc")
    _key(qtbot, Qt.Key.Key_Return)  # not an amount: said in the box, nothing sent
    assert box.isVisible() and "Paid is not an amount" in box.problem.text()
    box.payment.paid.selectAll()
    qtbot.keyClicks(_focused(), "20")
    assert box.payment.change_label.text() == "4.25"
    save_screen(box, screens_dir, "admin-register-charge-en")
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.database.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "change 4.25" in page.receipt.text(), timeout=WAIT_MS)
    with utility.database.reading() as session:
        bill = session.scalars(select(RegistrationBill).where(RegistrationBill.charges > 0)).one()
        assert (bill.charges, bill.paid, bill.change_given) == (
            Decimal("15.75"), Decimal("20.00"), Decimal("4.25"),
        )  # fmt: skip
    assert bill.bill_number in page.receipt.text()
    save_screen(window, screens_dir, "admin-registered-with-charge-en")

    # Ins on the new customer adds a meter contract: one meter's charge, paid exactly.
    bakery = next(i for i, c in enumerate(page.model._rows) if c.name == "Lakeside Bakery")
    page.table.setCurrentIndex(page.model.index(bakery, 0))
    window.activateWindow()  # offscreen, no window manager makes it active again
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus, timeout=WAIT_MS)
    _key(qtbot, Qt.Key.Key_Insert)
    added = _box(qtbot, AddMeterDialog)
    assert isinstance(added, AddMeterDialog)
    assert added.payment.charge_label.text() == "<b>15.75</b>"
    qtbot.keyClicks(_focused(), THIRD)
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "paid 15.75, change 0.00" in page.receipt.text(), timeout=WAIT_MS)
    report = x_report(utility.database, star, shift.shift_id)
    assert report.expected_cash == FLOAT + Decimal("31.50")  # both charges, not the change


def test_the_box_reads_in_chinese(
    qtbot: QtBot, window: AdminWindow, utility: Utility, screens_dir: Path
) -> None:
    _open(qtbot, window, "customers")
    switch_language("zh_CN")
    try:
        _key(qtbot, Qt.Key.Key_F7)
        box = _box(qtbot, RegisterDialog)
        assert isinstance(box, RegisterDialog)
        qtbot.keyClicks(_focused(), "Lakeside Bakery")
        _tab_to(qtbot, box.payment.paid)
        qtbot.keyClicks(_focused(), "12")
        assert box.payment.change_label.text() == "还差 3.75"  # 15.75 due
        save_screen(window, screens_dir, "admin-register-charge-zh_CN")
        _key(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    finally:
        switch_language("en")
    with utility.database.reading() as session:
        assert (
            session.scalars(select(RegistrationBill).where(RegistrationBill.charges > 0)).all()
            == []
        )
