"""The two boxes setting a utility up from nothing needed, on a real store, keyboard only:
a customer type's charges by business (F3 on the customer types) and registering a customer
with their first meter (F7 on the customers). Each saves through the core (permission,
audit, one transaction); a refusal is said and leaves the store as it was. Pictures go to
docs/screens/ (English, French, Chinese)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.models import AuditEntry, Customer
from starpos.masterdata.customer_type_charges import charges_of
from starpos.masterdata.meter_changes import meter_card
from starpos.operators.accounts import add_operator, add_role
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.admin.customer_editors import RegisterDialog
from starpos.ui.admin.type_charges import TypeChargesDialog
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import switch_language
from tests.integration.admin.admin_world import FIRST, SECOND, STAR_PASSWORD, Utility, set_up
from tests.ui.screenshots import app_look, save_screen  # noqa: F401 - a fixture

WAIT_MS = 20_000


@pytest.fixture
def utility() -> Iterator[Utility]:
    with open_database() as database:
        yield set_up(database)


def _window(qtbot: QtBot, database: Database, code: str, password: str) -> AdminWindow:
    switch_language("en")
    window = AdminWindow(
        CoreAdminService(database, login(database, code, password), "T01"),
        Worker("database"),
        ErrorFunnel(),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> Iterator[AdminWindow]:
    window = _window(qtbot, utility.database, "STAR", STAR_PASSWORD)
    yield window
    window.database.stop()
    switch_language("en")


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _key(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        qtbot.keyClick(_focused(), key)
    else:
        qtbot.keyClick(_focused(), key, modifier)


def _open(qtbot: QtBot, window: AdminWindow, screen: str) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS, check_params_cb=lambda k: k == screen):
        window.open_screen(screen)
    qtbot.waitUntil(lambda: not window.database.busy, timeout=WAIT_MS)
    window.activateWindow()  # offscreen, no window manager makes it active
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def _box(qtbot: QtBot, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=WAIT_MS)
    box = QApplication.activeModalWidget()
    assert isinstance(box, kind)
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow, timeout=WAIT_MS)
    return box


def _audits(database: Database, subject: str) -> int:
    with database.reading() as session:
        query = select(func.count()).select_from(AuditEntry).where(AuditEntry.subject == subject)
        return int(session.scalar(query) or 0)


def _tab_to(qtbot: QtBot, widget: QWidget) -> None:
    for _ in range(20):
        if widget.hasFocus():
            return
        _key(qtbot, Qt.Key.Key_Tab)
    assert widget.hasFocus(), widget.objectName()


def test_a_customer_types_charges_by_business(
    qtbot: QtBot, window: AdminWindow, utility: Utility, screens_dir: Path
) -> None:
    service = window.service
    service.add("charge_item", {"code": "CONN", "name": "Connection fee", "method": "times",
                                "amount": Decimal("10.00")})  # fmt: skip
    service.add("charge_item", {"code": "LEVY", "name": "Street lighting levy",
                                "method": "amount", "percentage": Decimal(3)})  # fmt: skip
    assert charges_of(utility.database, "RES")["vend"] == ["SVC"]  # as admin_world set it
    audits = _audits(utility.database, "customer_type:RES")
    _open(qtbot, window, "customer_type")
    page = window.lists["customer_type"]
    assert page.table.hasFocus() and page.model.index(0, page.model.columnCount() - 1).data() == (
        "SVC"
    )
    _key(qtbot, Qt.Key.Key_F3)
    box = _box(qtbot, TypeChargesDialog)
    assert isinstance(box, TypeChargesDialog) and box.items.hasFocus()
    shown = [box.items.item(n).text().split()[0] for n in range(box.items.count())]
    assert shown == ["CONN", "LEVY", "SVC"]  # a percentage is a type's charge too
    assert box.items.item(1).text().endswith("Street lighting levy  3 %")
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Space)  # LEVY at each sale, with SVC
    _key(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Business
    assert box.occasion.hasFocus()
    _key(qtbot, Qt.Key.Key_Down)  # at registration
    assert box.occasion.currentData() == "register"
    _tab_to(qtbot, box.items)
    _key(qtbot, Qt.Key.Key_Home)
    _key(qtbot, Qt.Key.Key_Space)  # CONN
    save_screen(window, screens_dir, "admin-type-charges-en")
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.database.busy, timeout=WAIT_MS)
    assert charges_of(utility.database, "RES") == {
        "register": ["CONN"], "vend": ["LEVY", "SVC"], "token_cancel": []
    }  # fmt: skip
    assert _audits(utility.database, "customer_type:RES") == audits + 2  # one per business changed
    assert page.model.index(0, page.model.columnCount() - 1).data() == "CONN, LEVY, SVC"


@pytest.mark.parametrize("language", ["fr", "zh_CN"])
def test_without_the_price_right_the_charges_are_refused_and_kept(
    qtbot: QtBot,
    utility: Utility,
    app_look: None,  # noqa: F811
    screens_dir: Path,
    language: str,
) -> None:
    database = utility.database
    add_role(database, utility.star, "CLERK", "Clerk", ["admin_master_data"])
    add_operator(database, utility.star, "CLERK1", "Clerk", "clerk-pass-1", roles=["CLERK"])
    change_password(database, "CLERK1", "clerk-pass-1", "clerk-pass-2")
    window = _window(qtbot, database, "CLERK1", "clerk-pass-2")
    try:
        shown: list[str] = []
        window.funnel.shown.connect(lambda _code, text: shown.append(text))
        _open(qtbot, window, "customer_type")
        switch_language(language)
        _key(qtbot, Qt.Key.Key_F3)
        box = _box(qtbot, TypeChargesDialog)
        assert isinstance(box, TypeChargesDialog)
        _key(qtbot, Qt.Key.Key_Space)  # untick SVC
        save_screen(window, screens_dir, f"admin-type-charges-{language}")
        _key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
        assert charges_of(database, "RES")["vend"] == ["SVC"]
    finally:
        window.database.stop()
        switch_language("en")


def _register(qtbot: QtBot, box: RegisterDialog, name: str, meter: str, tariff: str) -> None:
    assert box.name.hasFocus()
    qtbot.keyClicks(_focused(), name)
    for widget, value in ((box.telephone, "+234 800 555 0199"), (box.number, meter)):
        _tab_to(qtbot, widget)
        qtbot.keyClicks(_focused(), value)
    _tab_to(qtbot, box.tariff)
    combo: QComboBox = box.tariff
    while combo.currentData() != tariff:
        _key(qtbot, Qt.Key.Key_Down)


def _customers(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


def test_a_customer_registered_from_the_keyboard_and_a_refusal(
    qtbot: QtBot, window: AdminWindow, utility: Utility, screens_dir: Path
) -> None:
    database = utility.database
    _open(qtbot, window, "customers")
    page = window.customers
    assert page.search.hasFocus()
    _key(qtbot, Qt.Key.Key_F7)
    box = _box(qtbot, RegisterDialog)
    assert isinstance(box, RegisterDialog)
    _key(qtbot, Qt.Key.Key_Return)  # nothing typed: said in the box, nothing sent
    assert box.isVisible() and box.problem.text() == "Type the customer's name."
    _register(qtbot, box, "Lakeside Bakery", SECOND, "RES")
    save_screen(window, screens_dir, "admin-register-customer-en")
    with qtbot.waitSignal(window.refreshed, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.database.busy, timeout=WAIT_MS)
    bakery = next(c for c in page.model._rows if c.name == "Lakeside Bakery")
    assert list(bakery.meters) == [SECOND]
    assert meter_card(database, SECOND).values["tariff"] == "RES"

    # Ada Lake's meter is installed: refused in French, and nobody is added.
    before = _customers(database)
    shown: list[str] = []
    window.funnel.shown.connect(lambda _code, text: shown.append(text))
    switch_language("fr")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    page.table.setFocus()
    _key(qtbot, Qt.Key.Key_F7)
    box = _box(qtbot, RegisterDialog)
    assert isinstance(box, RegisterDialog)
    assert box.windowTitle() == "Inscrire un client"
    _register(qtbot, box, "Ada Lake again", FIRST, "RES")
    save_screen(window, screens_dir, "admin-register-customer-fr")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert FIRST in shown[0]
    assert _customers(database) == before
