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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.bootstrap.database import open_database
from starpos.db import Database
from starpos.db.models import Meter, Vend
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.settings import Settings
from starpos.ui.admin.admin_service import CoreAdminService
from starpos.ui.admin.admin_window import AdminWindow
from starpos.ui.core_services import on_workers
from starpos.ui.counter_app import CounterApp
from starpos.ui.first_run import FirstRunDialog
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language
from tests.integration.ui.admin_by_keyboard import (
    CASHIER_PASSWORD,
    CASHIER_TEMPORARY,
    METERS,
    MONTHLY_CHARGE,
    PAID,
    STAR_PASSWORD,
    STEPS,
    TIME_ZONE,
    TOU_PRICES,
    VAT_PERCENT,
    WEEKDAY_SWITCHES,
    Admin,
    cashier,
    company,
    customers,
    places,
    prices,
    ready,
    stock,
    tariffs,
)
from tests.integration.ui.keyboard import (
    CTRL_SHIFT,
    WAIT_MS,
    active,
    key,
    log_in,
    modal,
    new_password,
    picture,
    tab_to,
    type_in,
)
from tests.support.data_files import SAMPLE_TABLES
from tests.ui.screenshots import app_look  # noqa: F401 (fixture)
from tests.ui.virtual_paper import printed

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("app_look")]
CENT, TENTH = Decimal("0.01"), Decimal("0.1")


def vend_world() -> Any:
    """The vend tests' world (an emulator process with the demo keys and credit)."""
    return importlib.import_module("tests.integration.vend.vend_world")


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
        if end is not None and (end - start) * unit_price <= left:  # the whole step
            kwh, left, start = kwh + end - start, left - (end - start) * unit_price, end
            continue
        kwh += left / unit_price  # what is left, in this step
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
        # A box a failure left open would be the next test's active window.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        app.shut_down()
        emulator.stop()
        stop_virtual_printer()
        switch_language("en")


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
        new_password(qtbot, STAR_PASSWORD)
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


# --- the counter ---------------------------------------------------------------------------------


def cashier_at_the_counter(qtbot: QtBot, app: CounterApp) -> PosWindow:
    """CASH1 logs in with the temporary password and chooses their own."""
    with qtbot.waitSignal(app.counter_opened, timeout=WAIT_MS) as opened:
        log_in(qtbot, app, "CASH1", CASHIER_TEMPORARY)
        new_password(qtbot, CASHIER_PASSWORD)
    window: PosWindow = opened.args[0]
    active(qtbot, window)
    return window


def sell(qtbot: QtBot, window: PosWindow, meter: str, first: bool) -> Any:
    """The meter number, Enter, F3 (20.00), Enter; the first sale opens the shift the counter
    offers (no float)."""
    from PySide6.QtWidgets import QMessageBox

    from starpos.ui.supervisor.open_shift_dialog import OpenShiftDialog

    refusals: list[str] = []  # what the counter said in a box, for a failure's message
    window.funnel.shown.connect(lambda _code, text: refusals.append(text))
    active(qtbot, window)
    assert window.meter_field.edit.hasFocus()
    with qtbot.waitSignal(window.customer_shown, timeout=WAIT_MS):
        type_in(qtbot, meter)
    key(qtbot, Qt.Key.Key_Return)  # on to the amount
    assert window.amount_panel.net_field.hasFocus()
    with qtbot.waitSignal(window.quote_shown, timeout=WAIT_MS) as quoted:
        key(qtbot, Qt.Key.Key_F3)
    assert quoted.args[0] is not None, refusals
    picture(window, f"from-nothing-quote-{meter[-3:]}")
    labels = window.breakdown_panel.findChildren(QLabel)
    screen = " ".join(" ".join(label.text() for label in labels).split())  # no-break spaces too
    if not first:
        with qtbot.waitSignal(window.vend_finished, timeout=60_000) as finished:
            key(qtbot, Qt.Key.Key_Return)
    else:  # the first sale: refused for want of a shift, which the counter offers to open
        key(qtbot, Qt.Key.Key_Return)
        offer = modal(qtbot, QMessageBox, window)
        assert offer.objectName() == "offerOpenShift", (offer.text(), refusals)
        key(qtbot, Qt.Key.Key_Return)  # Yes
        modal(qtbot, OpenShiftDialog, window)
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
