"""A utility set up from an empty database in the windows, keyboard only, and its first two
sales (issue 12's proof; docs/setup-a-utility.sh does the same with commands).

"Start empty" in the first-run dialog; STAR logs in with ``star`` and must change it; the
new password is the one that logs in next. In the administration: company and currency,
a branch and sales point, this computer as terminal T01, a meter model, a step tariff and
a time-of-use tariff, a monthly service charge and a customer type with VAT that collects
it at each sale, the cashier's default amounts, a cashier role and operator, twenty meters
stocked in by range, two customers registered with a meter each. Then the cashier logs in
at the counter (changing the temporary password), opens the shift the counter offers and
sells 20.00 to each customer: each sale's breakdown is the one worked out here by hand
from the figures typed, in the store, on the screen and on the voucher.

The real stack: SQLite in the test's data folder, the secure module emulator (the demo
keys, whose SGC the meters are stocked with) and the virtual printer. Every key goes to the
widget that has the focus; screenshots go to ``STARPOS_SCREENS_DIR`` when it is set.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.models import Meter, Vend
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.settings import Settings
from starpos.sts.meter_number import make_meter_number
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.first_run import FirstRunDialog
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language
from tests.support.data_files import SAMPLE_TABLES
from tests.ui.screenshots import app_look, save  # noqa: F401 (fixture)
from tests.ui.virtual_paper import printed

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("app_look")]

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
WAIT_MS = 30_000

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
CENT, TENTH = Decimal("0.01"), Decimal("0.1")


def vend_world() -> Any:
    """The vend tests' world (an emulator process with the demo keys and credit)."""
    return importlib.import_module("tests.integration.vend.vend_world")


def picture(widget: QWidget, name: str) -> None:
    folder = os.environ.get("STARPOS_SCREENS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        save(widget, Path(folder), name)


# --- the breakdown worked out by hand ---------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    amount: Decimal  # the energy's money
    vat: Decimal
    energy_kwh: Decimal


def vat_on(base: Decimal) -> Decimal:
    return (base * VAT_PERCENT / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def split(paid: Decimal) -> tuple[Decimal, Decimal]:
    """The energy's money and the VAT: the largest amount whose VAT, with the monthly charge
    and its VAT (the charge is taxed), still fits in what was paid; any cent left over
    goes to the energy."""
    amount = (paid / (1 + VAT_PERCENT / 100) - MONTHLY_CHARGE).quantize(CENT, ROUND_FLOOR)
    while amount + MONTHLY_CHARGE + vat_on(amount + MONTHLY_CHARGE) > paid:
        amount -= CENT
    vat = vat_on(amount + MONTHLY_CHARGE)
    return paid - MONTHLY_CHARGE - vat, vat


def step_sale(paid: Decimal) -> Expected:
    """The first purchase of the month on the step tariff: its steps from 0 kWh."""
    money, vat = split(paid)
    left, start, kwh = money, Decimal(0), Decimal(0)
    for end, unit_price in STEPS:
        size = None if end is None else end - start
        if size is not None and size * unit_price <= left:
            kwh, left, start = kwh + size, left - size * unit_price, end or start
            continue
        kwh += left / unit_price
        break
    return Expected(money, vat, kwh.quantize(TENTH, ROUND_FLOOR))


def tou_sale(paid: Decimal, sold_at: datetime) -> Expected:
    """The whole purchase at the index price in force at the sale's local time: weekdays
    and Saturday switch as typed, Sunday is T1 all day."""
    money, vat = split(paid)
    local = sold_at.astimezone(ZoneInfo(TIME_ZONE))
    index = 1
    if local.weekday() != 6:
        index = [i for start, i in WEEKDAY_SWITCHES if start <= local.time()][-1]
    kwh = money / TOU_PRICES[index - 1]
    return Expected(money, vat, kwh.quantize(TENTH, ROUND_FLOOR))


# --- the keyboard -------------------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the focus"
    return widget


def key(qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        qtbot.keyClick(focused(), which)
    else:
        qtbot.keyClick(focused(), which, modifier)


def type_in(qtbot: QtBot, text: str) -> None:
    """Type ``text`` over whatever the focused field holds."""
    key(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot: QtBot, widget: QWidget, most: int = 30) -> None:
    """Tab until ``widget`` has the focus (a date field takes a Tab per section)."""
    for _ in range(most):
        if widget.hasFocus():
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert widget.hasFocus(), f"Tab never reaches {widget.objectName()}"


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """The focused list box set to ``data`` with the arrow keys."""
    assert combo.hasFocus()
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data or combo.currentText() == data:
            return
        key(qtbot, Qt.Key.Key_Down)
    assert combo.currentData() == data or combo.currentText() == data, data


def active(qtbot: QtBot, window: QWidget) -> None:
    """``window`` active, as a window manager makes it (offscreen has none)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def modal(qtbot: QtBot, kind: type[QDialog]) -> Any:
    """The box of ``kind`` once it is open and active."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=WAIT_MS)
    box = QApplication.activeModalWidget()
    assert isinstance(box, kind)
    active(qtbot, box)
    return box


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


# --- the world: an empty data folder, the module, the app -----------------------------------


@dataclass
class World:
    app: CounterApp
    database: Database
    first_run: FirstRunDialog


@pytest.fixture
def world(qtbot: QtBot, tmp_path: Path) -> Iterator[World]:
    switch_language("en")
    settings = Settings()
    settings.set("terminal.code", "T01")  # the installer's set-up names this computer
    settings.save()
    emulator = vend_world().start_module(tmp_path, SAMPLE_TABLES)
    vend_world().use_module(emulator.url)
    database = open_database()
    auth, counter = on_workers(*counter_on(database, Settings()))
    app = CounterApp(
        auth, counter, admin=lambda session: CoreAdminService(database, session, "T01")
    )
    assert counter.core.is_empty()
    # As ``starpos app`` does on an empty store: the first-run dialog, then the login.
    first_run = FirstRunDialog(
        counter.seed_demo, app.workers.database, app.funnel, start_empty=counter.start_empty
    )
    first_run.finished_setup.connect(lambda _seeded: app.start())
    qtbot.addWidget(first_run)
    qtbot.addWidget(app.login_window)
    try:
        yield World(app, database, first_run)
    finally:
        app.shut_down()
        emulator.stop()
        stop_virtual_printer()
        switch_language("en")


def log_in(qtbot: QtBot, app: CounterApp, code: str, password: str) -> None:
    login = app.login_window
    active(qtbot, login)
    login.code_field.setFocus()  # where the login window opens
    type_in(qtbot, code)
    key(qtbot, Qt.Key.Key_Return)  # on to the password
    assert login.password_field.hasFocus()
    type_in(qtbot, password)
    key(qtbot, Qt.Key.Key_Return)


def new_password(qtbot: QtBot, app: CounterApp, password: str) -> None:
    """The forced change at a first login: the new password twice, Enter."""
    from starpos.ui.password_dialog import ChangePasswordDialog

    dialog = modal(qtbot, ChangePasswordDialog)
    assert dialog.forced and dialog.new_field.hasFocus()
    picture(dialog, "from-nothing-password")
    type_in(qtbot, password)
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.repeat_field.hasFocus()
    type_in(qtbot, password)
    key(qtbot, Qt.Key.Key_Return)


def star_administration(qtbot: QtBot, world: World) -> AdminWindow:
    """Start empty; STAR's first login changes ``star``; logged out and in again with the
    new password, STAR is back in the administration."""
    app, dialog = world.app, world.first_run
    dialog.show()
    active(qtbot, dialog)
    tab_to(qtbot, dialog.empty_button)
    with qtbot.waitSignal(dialog.finished_setup, timeout=WAIT_MS) as finished:
        key(qtbot, Qt.Key.Key_Space)
    assert finished.args == [False]
    qtbot.waitUntil(app.login_window.isVisible, timeout=WAIT_MS)

    with qtbot.waitSignal(app.admin_opened, timeout=WAIT_MS) as opened:
        log_in(qtbot, app, "STAR", "star")
        new_password(qtbot, app, STAR_PASSWORD)
    window: AdminWindow = opened.args[0]
    active(qtbot, window)
    key(qtbot, Qt.Key.Key_Q, CTRL_SHIFT)  # log out
    qtbot.waitUntil(app.login_window.isVisible, timeout=WAIT_MS)
    with qtbot.waitSignal(app.funnel.shown, timeout=WAIT_MS) as refused:
        log_in(qtbot, app, "STAR", "star")  # the factory password no longer opens anything
    assert refused.args[0] == "auth.wrong_credentials", refused.args
    box = app.funnel.last_dialog
    assert box is not None
    active(qtbot, box)
    key(qtbot, Qt.Key.Key_Return)  # the box read and closed
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    with qtbot.waitSignal(app.admin_opened, timeout=WAIT_MS) as opened:
        log_in(qtbot, app, "STAR", STAR_PASSWORD)
    window = opened.args[0]
    assert window.current_screen() == "checklist"
    return window


# --- the administration, screen by screen ---------------------------------------------------


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


# --- the counter ---------------------------------------------------------------------------------


def cashier_at_the_counter(qtbot: QtBot, app: CounterApp) -> PosWindow:
    """CASH1 logs in with the temporary password and chooses their own."""
    with qtbot.waitSignal(app.counter_opened, timeout=WAIT_MS) as opened:
        log_in(qtbot, app, "CASH1", CASHIER_TEMPORARY)
        new_password(qtbot, app, CASHIER_PASSWORD)
    window: PosWindow = opened.args[0]
    active(qtbot, window)
    return window


def sell(qtbot: QtBot, window: PosWindow, meter: str, first: bool) -> Any:
    """The meter number, Enter, F3 (20.00), Enter; the first sale opens the shift the counter
    offers (no float)."""
    from PySide6.QtWidgets import QMessageBox

    from starpos.ui.supervisor.open_shift_dialog import OpenShiftDialog

    active(qtbot, window)
    assert window.meter_field.edit.hasFocus()
    with qtbot.waitSignal(window.customer_shown, timeout=WAIT_MS):
        type_in(qtbot, meter)
    key(qtbot, Qt.Key.Key_Return)  # on to the amount
    assert window.amount_panel.net_field.hasFocus()
    with qtbot.waitSignal(window.quote_shown, timeout=WAIT_MS) as quoted:
        key(qtbot, Qt.Key.Key_F3)
    picture(window, f"from-nothing-quote-{meter[-3:]}")
    labels = window.breakdown_panel.findChildren(QLabel)
    screen = " ".join(" ".join(label.text() for label in labels).split())  # no-break spaces too
    refusals: list[str] = []
    window.funnel.shown.connect(lambda _code, text: refusals.append(text))
    if not first:
        with qtbot.waitSignal(window.vend_finished, timeout=60_000) as finished:
            key(qtbot, Qt.Key.Key_Return)
    else:  # the first sale: refused for want of a shift, which the counter offers to open
        key(qtbot, Qt.Key.Key_Return)
        offer = modal(qtbot, QMessageBox)
        assert offer.objectName() == "offerOpenShift"
        key(qtbot, Qt.Key.Key_Return)  # Yes
        modal(qtbot, OpenShiftDialog)
        with qtbot.waitSignal(window.shift_menu.shift_changed, timeout=WAIT_MS):
            key(qtbot, Qt.Key.Key_Return)  # no float
        # The cursor is back where a sale starts, the number kept: Enter to the amount
        # (still 20.00), Enter sells.
        active(qtbot, window)
        assert window.meter_field.edit.hasFocus()
        key(qtbot, Qt.Key.Key_Return)
        assert window.amount_panel.net_field.hasFocus()
        assert window.amount_panel.net_field.text() == f"{PAID:.2f}"
        refusals.clear()
        with qtbot.waitSignal(window.vend_finished, timeout=60_000) as finished:
            key(qtbot, Qt.Key.Key_Return)
    outcome = finished.args[0]
    assert outcome is not None, refusals
    return quoted.args[0], screen, outcome


@dataclass(frozen=True)
class Booked:
    """A sale as the store keeps it."""

    meter: str
    figures: tuple[Decimal, ...]  # net, amount, taxed charges, VAT, energy
    tokens: tuple[str, ...]
    created_at: datetime


def booked(database: Database, bill: str) -> Booked:
    with database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
        meter = session.get(Meter, vend.meter_id)
        assert meter is not None
        return Booked(
            meter.number,
            (vend.net_amount, vend.amount, vend.taxed_charges, vend.vat, vend.energy_kwh),
            tuple(t.token for t in vend.tokens),
            vend.created_at,
        )


def voucher_says(text: str, expected: Expected, token: str) -> None:
    """The voucher's lines, as printed, and the whole token."""
    squeezed = " ".join(text.split())
    lines = [
        f"Vending amount {expected.amount:.2f} USD",
        f"Monthly service charge {MONTHLY_CHARGE:.2f} USD",
        f"VAT {expected.vat:.2f} USD",
        f"Net amount {PAID:.2f} USD",
        f"Energy {expected.energy_kwh} kWh",
    ]
    assert [line for line in lines if line not in squeezed] == [], text
    assert token in "".join(text.split()), text


def test_a_utility_set_up_from_nothing_sells_to_its_first_two_customers(
    qtbot: QtBot, world: World
) -> None:
    admin = Admin(qtbot, star_administration(qtbot, world))
    picture(admin.window, "from-nothing-checklist")
    company(admin)
    places(admin)
    tariffs(admin)
    prices(admin)
    cashier(admin)
    stock(admin)
    customers(admin)
    ready(admin)
    active(qtbot, admin.window)
    key(qtbot, Qt.Key.Key_Q, CTRL_SHIFT)  # STAR logs out
    qtbot.waitUntil(world.app.login_window.isVisible, timeout=WAIT_MS)

    window = cashier_at_the_counter(qtbot, world.app)
    sales: list[tuple[Any, str, Any, Booked]] = []
    for meter in METERS[:2]:
        quote, screen, outcome = sell(qtbot, window, meter, first=not sales)
        picture(window, f"from-nothing-sale-{len(sales) + 1}")
        sales.append((quote, screen, outcome, booked(world.database, outcome.bill_number)))
        active(qtbot, window)
        qtbot.waitUntil(window.meter_field.edit.hasFocus, timeout=WAIT_MS)

    (_, _, ada, _), (_, _, bakery, bakery_sale) = sales
    wanted = {
        ada.bill_number: step_sale(PAID),
        bakery.bill_number: tou_sale(PAID, bakery_sale.created_at),
    }
    for quote, screen, outcome, sale in sales:
        expected = wanted[outcome.bill_number]
        assert sale.tokens == (outcome.token,)
        assert sale.figures == (
            PAID, expected.amount, MONTHLY_CHARGE, expected.vat, expected.energy_kwh
        ), sale.meter  # fmt: skip
        assert (quote.amount, quote.vat, quote.energy_kwh) == (
            expected.amount, expected.vat, expected.energy_kwh
        )  # fmt: skip
        on_screen = [
            f"Vending amount USD {expected.amount:.2f}",
            f"Monthly service charge USD {MONTHLY_CHARGE:.2f}",
            f"VAT USD {expected.vat:.2f}",
            f"Net amount USD {PAID:.2f}",
            f"{expected.energy_kwh} kWh",
        ]
        assert [figure for figure in on_screen if figure not in screen] == [], screen
        voucher = printed(qtbot, outcome.bill_number)[-1]
        voucher_says(voucher, expected, outcome.token)
    assert [sale.meter for *_, sale in sales] == METERS[:2]
