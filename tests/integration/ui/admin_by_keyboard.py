"""The administration window driven from the keyboard (``keyboard``), screen by screen, with
the figures a utility types in when it sets up from nothing: company, places, a step and a
time-of-use tariff, a taxed monthly charge on a customer type with VAT, default amounts, a
cashier, twenty meters by range and two customers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from starpos.sts.meter_number import make_meter_number
from starpos.ui.admin.admin_window import AdminWindow
from tests.integration.ui.keyboard import (
    ALT,
    CTRL,
    WAIT_MS,
    active,
    choose,
    key,
    modal,
    picture,
    tab_to,
    type_in,
)

STAR_PASSWORD = "lakeside-star-1"
CASHIER_TEMPORARY, CASHIER_PASSWORD = "temporary-1", "counter-day-one"
#: twenty meters of one delivery; the first two go to the two customers
METERS = [make_meter_number("600727", "58", 40_000_001 + n).iain for n in range(20)]
#: the demo module key the emulator holds (register 1), which the meters are made with
SGC, KEY_REGISTER = "123456", "1"
#: what is typed: the step tariff's steps (end kWh, price), the TOU prices T1-T4 and
#: switch times, the customer type's VAT, the monthly charge, the sale's amount (F3)
STEPS = ((Decimal(50), Decimal("0.10")), (Decimal(200), Decimal("0.15")), (None, Decimal("0.20")))
TOU_PRICES = (Decimal("0.08"), Decimal("0.25"), Decimal("0.15"), Decimal("0.08"))
WEEKDAY_SWITCHES = ((time(0), 1), (time(7), 3), (time(18), 2), (time(22), 1))
VAT_PERCENT, MONTHLY_CHARGE, PAID = Decimal("7.5"), Decimal("1.50"), Decimal("20.00")
TIME_ZONE = "Africa/Lagos"


class Admin:
    """The administration window as STAR drives it."""

    def __init__(self, qtbot: QtBot, window: AdminWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.answered: list[str] = []
        window.refreshed.connect(self.answered.append)

    def settle(self, screen: str, act: Callable[[], None]) -> None:
        """Do ``act`` and wait until ``screen`` shows the store's answer to it."""
        self.answered.clear()
        act()
        self.qtbot.waitUntil(lambda: screen in self.answered, timeout=WAIT_MS)
        self.qtbot.waitUntil(lambda: not self.window.database.busy, timeout=WAIT_MS)

    def open(self, screen: str) -> None:
        """Alt+0 to the screens' list, arrows to ``screen``, Enter into it."""
        window, navigation = self.window, self.window.navigation
        active(self.qtbot, window)
        key(self.qtbot, Qt.Key.Key_0, ALT)
        assert navigation.hasFocus()
        rows = [
            navigation.item(n).data(Qt.ItemDataRole.UserRole) for n in range(navigation.count())
        ]
        target = rows.index(screen)

        def move() -> None:
            while navigation.currentRow() != target:
                down = navigation.currentRow() < target
                key(self.qtbot, Qt.Key.Key_Down if down else Qt.Key.Key_Up)

        if navigation.currentRow() != target:  # on it already: its answer is shown
            self.settle(screen, move)
        key(self.qtbot, Qt.Key.Key_Return)  # into the screen

    def record(self, screen: str, fields: list[tuple[str, object]]) -> None:
        """Ins on the list, each field in turn (text typed, a list chosen, a box ticked with
        Space), Enter saves."""
        from starpos.ui.admin.record_editor import RecordEditor

        self.open(screen)
        key(self.qtbot, Qt.Key.Key_Insert)
        editor = modal(self.qtbot, RecordEditor)
        for name, value in fields:
            widget = editor.inputs[name]
            tab_to(self.qtbot, widget)
            if isinstance(widget, QComboBox):
                choose(self.qtbot, widget, value)
            elif value is True:
                if not widget.isChecked():
                    key(self.qtbot, Qt.Key.Key_Space)
            else:
                type_in(self.qtbot, str(value))
        picture(editor, f"from-nothing-{screen}")
        self.settle(screen, lambda: key(self.qtbot, Qt.Key.Key_Return))
        codes = [str(row["code"]) for row in self.window.lists[screen].model._rows]
        assert str(fields[0][1]).upper() in codes, (screen, codes)


def company(admin: Admin) -> None:
    qtbot, page = admin.qtbot, admin.window.system
    admin.open("system")
    assert page.inputs["company_name"].hasFocus()
    type_in(qtbot, "Lakeside Power")
    for name, value in (("currency", "usd"), ("time_zone", TIME_ZONE)):
        tab_to(qtbot, page.inputs[name])
        type_in(qtbot, value)
    admin.settle("system", lambda: key(qtbot, Qt.Key.Key_Return))
    assert page.inputs["currency"].text() == "USD"  # as the store keeps it


def places(admin: Admin) -> None:
    """Branch, sales point, this computer as its terminal, a meter model."""
    admin.record("branch", [("code", "BR01"), ("name", "Lakeside branch")])
    admin.record("sales_point", [("code", "SP01"), ("name", "Lakeside office"), ("branch", "BR01")])
    admin.record(
        "terminal", [("code", "T01"), ("name", "Lakeside counter 1"), ("sales_point", "SP01")]
    )
    admin.record("meter_model", [("code", "KP1"), ("name", "Keypad single phase")])


def tariff_editor(admin: Admin, code: str, name: str, kind: str) -> Any:
    from starpos.ui.admin.tariff_editor import TariffEditor

    qtbot = admin.qtbot
    admin.open("tariffs")
    key(qtbot, Qt.Key.Key_Insert)
    editor = modal(qtbot, TariffEditor)
    assert editor.code.hasFocus()
    type_in(qtbot, code)
    tab_to(qtbot, editor.name)
    type_in(qtbot, name)
    tab_to(qtbot, editor.kind)
    choose(qtbot, editor.kind, kind)
    return editor


def line_of(editor: QWidget, name: str) -> QWidget:
    from PySide6.QtWidgets import QLineEdit

    line = editor.findChild(QLineEdit, name)
    assert line is not None, name
    return line


def tariffs(admin: Admin) -> None:
    """RES: the step tariff; BIZ: time of use (Ctrl+Tab between the TOU pages)."""
    qtbot = admin.qtbot
    editor = tariff_editor(admin, "res", "Residential step", "step")
    for number, (end, unit_price) in enumerate(STEPS, 1):
        tab_to(qtbot, line_of(editor, f"stepEnd{number}"))
        type_in(qtbot, "" if end is None else str(end))
        tab_to(qtbot, line_of(editor, f"stepPrice{number}"))
        type_in(qtbot, str(unit_price))
    assert editor.problem.text() == ""
    picture(editor, "from-nothing-step-tariff")
    admin.settle("tariffs", lambda: key(qtbot, Qt.Key.Key_Return))

    editor = tariff_editor(admin, "biz", "Business time of use", "tou")
    weekday = ", ".join(f"{start:%H:%M} T{index}" for start, index in WEEKDAY_SWITCHES)
    for name, text in (
        *((f"touPrice{n}", str(p)) for n, p in enumerate(TOU_PRICES, 1)),
        ("day1", weekday),
        ("day2", "00:00 T1"),
        ("week1", "1 1 1 1 1 1 2"),  # Monday to Saturday day tariff 1, Sunday 2
    ):
        line = line_of(editor, name)
        if not line.isVisible():  # on the next page of the scheme
            key(qtbot, Qt.Key.Key_Tab, CTRL)
            qtbot.waitUntil(line.isVisible, timeout=WAIT_MS)
        tab_to(qtbot, line)
        type_in(qtbot, text)
    assert editor.problem.text() == ""
    picture(editor, "from-nothing-tou-tariff")
    admin.settle("tariffs", lambda: key(qtbot, Qt.Key.Key_Return))
    rows = {row["code"]: row["kind"] for row in admin.window.tariffs.model._rows}
    assert rows == {"RES": "step", "BIZ": "tou"}


def prices(admin: Admin) -> None:
    """The monthly service charge; the customer type with VAT that collects it at each sale
    (F3 on the type: its charges); the cashier's default amounts."""
    from starpos.ui.admin.type_charges import TypeChargesDialog

    qtbot = admin.qtbot
    admin.record(
        "charge_item",
        [("code", "SVC"), ("name", "Monthly service charge"), ("method", "monthly"),
         ("amount", MONTHLY_CHARGE), ("vat_applies", True)],
    )  # fmt: skip
    admin.record(
        "customer_type", [("code", "RES"), ("name", "Residential"), ("vat_rate", VAT_PERCENT)]
    )
    active(qtbot, admin.window)
    page = admin.window.lists["customer_type"]
    assert page.table.hasFocus() and page.selected() is not None
    key(qtbot, Qt.Key.Key_F3)
    charges = modal(qtbot, TypeChargesDialog)
    assert charges.occasion.currentData() == "vend" and charges.items.hasFocus()
    key(qtbot, Qt.Key.Key_Space)  # SVC, the one item
    picture(charges, "from-nothing-type-charges")
    admin.settle("customer_type", lambda: key(qtbot, Qt.Key.Key_Return))
    assert page.model._rows[0]["charges"] == ["SVC"]

    admin.open("default_amounts")
    assert admin.window.amounts.amounts.hasFocus()
    type_in(qtbot, "5 10 20 50 100")  # F1 to F5 at the counter: F3 is 20.00
    admin.settle("default_amounts", lambda: key(qtbot, Qt.Key.Key_Return))


def cashier(admin: Admin) -> None:
    """A cashier role (sell and reprint) and CASH1 with a temporary password."""
    from starpos.operators import permissions
    from starpos.ui.admin.operators_page import NewOperatorDialog
    from starpos.ui.admin.role_editor import RoleEditor

    qtbot = admin.qtbot
    admin.open("roles")
    key(qtbot, Qt.Key.Key_Insert)
    role = modal(qtbot, RoleEditor)
    tab_to(qtbot, role.code)
    type_in(qtbot, "cashier")
    tab_to(qtbot, role.name)
    type_in(qtbot, "Cashier")
    tab_to(qtbot, role.tree)  # on the first group, "At the counter": sell, then reprint
    for _ in range(2):
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Space)
    assert role.granted() == {permissions.VEND, permissions.REPRINT}
    admin.settle("roles", lambda: key(qtbot, Qt.Key.Key_Return))

    admin.open("operators")
    key(qtbot, Qt.Key.Key_Insert)
    dialog = modal(qtbot, NewOperatorDialog)
    for widget, value in (
        (dialog.code, "cash1"),
        (dialog.name, "First cashier"),
        (dialog.sales_point, "SP01"),
        (dialog.role, "CASHIER"),
        (dialog.password, CASHIER_TEMPORARY),
    ):
        tab_to(qtbot, widget)
        if isinstance(widget, QComboBox):
            choose(qtbot, widget, value)
        else:
            type_in(qtbot, value)
    admin.settle("operators", lambda: key(qtbot, Qt.Key.Key_Return))
    codes = [o.code for o in admin.window.operators.model._rows]
    assert "CASH1" in codes


def stock(admin: Admin) -> None:
    """F6: twenty meters from the first number, with the module key's data."""
    from starpos.ui.admin.stock_dialogs import StockInDialog

    qtbot = admin.qtbot
    admin.open("stock")
    key(qtbot, Qt.Key.Key_F6)
    dialog = modal(qtbot, StockInDialog)
    for widget, value in (
        (dialog.number, METERS[0]),
        (dialog.count, "20"),
        (dialog.model, "KP1"),
        (dialog.branch, "BR01"),
        (dialog.sgc, SGC),
        (dialog.base_date, 2014),
        (dialog.key_register, KEY_REGISTER),
    ):
        tab_to(qtbot, widget)
        if isinstance(widget, QComboBox):
            choose(qtbot, widget, value)
        else:
            type_in(qtbot, str(value))
    picture(dialog, "from-nothing-stock-in")
    admin.settle("stock", lambda: key(qtbot, Qt.Key.Key_Return))
    assert admin.window.stock.model.total == 20


def customers(admin: Admin) -> None:
    """F7 twice: Ada Lake on the step tariff, the bakery on time of use."""
    from starpos.ui.admin.customer_editors import RegisterDialog

    qtbot = admin.qtbot
    admin.open("customers")
    for name, meter, tariff in (
        ("Ada Lake", METERS[0], "RES"),
        ("Lakeside Bakery", METERS[1], "BIZ"),
    ):
        active(qtbot, admin.window)
        key(qtbot, Qt.Key.Key_F7)
        dialog = modal(qtbot, RegisterDialog)
        assert dialog.name.hasFocus()
        type_in(qtbot, name)
        for widget, value in (
            (dialog.customer_type, "RES"),
            (dialog.telephone, "+234 800 555 0101"),
            (dialog.number, meter),
            (dialog.tariff, tariff),
        ):
            tab_to(qtbot, widget)
            if isinstance(widget, QComboBox):
                choose(qtbot, widget, value)
            else:
                type_in(qtbot, value)
        picture(dialog, "from-nothing-register")
        admin.settle("customers", lambda: key(qtbot, Qt.Key.Key_Return))
    names = sorted(c.name for c in admin.window.customers.model._rows)
    assert names == ["Ada Lake", "Lakeside Bakery"]


def ready(admin: Admin) -> None:
    admin.open("checklist")
    assert admin.window.checklist.ready.text() == "The utility is ready to sell."
    picture(admin.window, "from-nothing-checklist-done")
