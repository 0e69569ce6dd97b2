"""Messages a cashier can act on, menus by permission, the words of each language, and the
smaller items, on the real core (issue 11, items 7 to 11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QMessageBox
from pytestqt.qtbot import QtBot

from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.counter.vouchers import voucher_for
from starpos.db.models import Vend
from starpos.i18n import translate
from starpos.settings import Settings
from starpos.ui.counter_errors import PermissionMissing
from starpos.ui.translator import switch_language
from tests.integration.ui.counter_world import CounterWorld, close_dialogs, counter_world
from tests.integration.ui.test_sale_rule import choose, enter_sells, type_number

__all__ = ["counter_world"]

pytestmark = pytest.mark.slow

NBSP = "\u00a0"


def shown_box(world: CounterWorld) -> QMessageBox:
    box = world.app.funnel.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


@pytest.fixture
def printer_unplugged() -> Iterator[None]:
    """A network printer nobody answers for (set before the counter opens)."""
    settings = Settings()
    settings.set("printer.connection", "network:127.0.0.1:1")
    settings.save()
    yield


def test_a_module_failure_says_first_that_nothing_was_sold_then_what_to_do(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    type_number(qtbot, window, world.sellable(without_debt=True)[0])
    choose(qtbot, window, Qt.Key.Key_F4)
    world.emulator.stop()  # the USB cable is pulled
    with qtbot.waitSignal(world.app.funnel.shown, timeout=60_000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert shown.args[0] == "vend.module_offline"
    box = shown_box(world)
    assert "No sale was made. Do not take the money." in box.text()
    assert box.informativeText() == (
        "The secure module is not connected. Check its cable and power, then press Enter again."
    )
    visible = box.text() + box.informativeText()
    assert "Errno" not in visible and "Input/output" not in visible and "/dev/" not in visible
    assert "/dev/" in box.detailedText()  # the reason, for support, behind Show Details
    close_dialogs(world.app)
    assert window.amount_panel.net_field.hasFocus()  # Enter again sells, when it is back
    assert world.vend_count() == 0


def test_a_printer_failure_says_first_that_the_sale_is_made(
    qtbot: QtBot, printer_unplugged: None, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    type_number(qtbot, window, world.sellable(without_debt=True)[0])
    choose(qtbot, window, Qt.Key.Key_F4)
    with qtbot.waitSignal(world.app.funnel.shown, timeout=60_000) as shown:
        outcome = enter_sells(qtbot, window)
    assert shown.args[0] == "ui.voucher_not_printed"
    box = shown_box(world)
    assert box.text() == (
        f"<b>The sale {outcome.bill_number} is made and the token is valid: hand it over "
        "(read it out, or copy it). Only the voucher is missing.</b>"
    )
    assert box.informativeText() == (
        "The printer is not connected: check that it is on and that its cable is in. "
        "Then print it again (Ctrl+R)."
    )
    assert "127.0.0.1" in box.detailedText() and "127.0.0.1" not in box.informativeText()
    assert window.status.printer_label.text() == "Printer: not connected"
    assert "127.0.0.1" in window.status.printer_label.toolTip()
    assert world.vend_count() == 1  # the sale is kept


def test_the_token_keeps_paid_and_change_and_a_reprint_says_it_printed(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    first, second = world.sellable(without_debt=True)[:2]
    type_number(qtbot, window, first)
    choose(qtbot, window, Qt.Key.Key_F4)
    qtbot.keyClicks(window.amount_panel.paid_field, "100")
    outcome = enter_sells(qtbot, window)
    paid = f"Paid USD{NBSP}100.00 · Change USD{NBSP}50.00"
    assert window.token_panel.payment.text() == paid
    assert window.amount_panel.change_value.text() == ""  # the panel is the next customer's
    type_number(qtbot, window, second)  # the next customer: still there, greyed
    assert window.token_panel.payment.text() == paid
    qtbot.waitUntil(lambda: window.token_panel.print_state == "printed", timeout=30_000)
    with qtbot.waitSignal(window.voucher_printed, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.status.currentMessage() == (
        f"The voucher of sale {outcome.bill_number} was reprinted."
    )
    assert window.token_panel.voucher_state.text() == "Voucher reprinted."


@pytest.mark.parametrize(
    ("code", "offered"),
    [
        ("CASH1", {"reprint"}),
        ("SUP1", {"reprint", "readings"}),
        ("ADMIN1", {"issue", "replace", "blank", "readings"}),
        ("INST1", {"settings"}),
    ],
)
def test_an_operator_sees_only_the_actions_their_roles_grant(
    qtbot: QtBot, counter_world: CounterWorld, code: str, offered: set[str]
) -> None:
    window = counter_world.log_in(qtbot, code)
    menus, cards = window.menus, window.menus.cards
    actions = {
        "reprint": menus.reprint,
        "settings": menus.settings,
        "issue": cards.issue,
        "replace": cards.replace,
        "blank": cards.blank,
        "readings": cards.readings,
    }
    assert {name for name, action in actions.items() if action.isVisible()} == offered
    assert cards.menu.menuAction().isVisible() == bool(offered & {"issue", "readings"})
    # Nobody is sent to "a supervisor" for a right no role of the demo gives them.
    assert "supervisor" not in PermissionMissing.template


def test_each_language_writes_money_its_way_and_names_the_master_data(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    number = world.sellable(without_debt=True)[0]
    switch_language("fr")
    type_number(qtbot, window, number)
    choose(qtbot, window, Qt.Key.Key_F4)
    panel = window.customer_panel.values
    assert panel["meter_model"].text() == "Star à clavier monophasé"
    tariff = panel["tariff"].text()
    assert tariff in {
        "Tarif résidentiel par tranches",
        "Tarif social unique",
        "Tarif commercial unique",
        "Tarif industriel horaire",
    }
    assert window.amount_panel.payment_box.currentText() == "Espèces"
    assert window.amount_panel.buttons[3].text() == f"F4\n50,00{NBSP}USD"
    lines = window.breakdown_panel.findChildren(type(window.breakdown_panel.note))
    texts = {label.text() for label in lines}
    assert f"50,00{NBSP}USD" in texts  # the net amount, the French way
    assert "Montant de la vente" in texts  # the word the voucher prints for the same line
    outcome = enter_sells(qtbot, window)
    with world.database.reading() as session:
        vend = session.query(Vend).filter_by(bill_number=outcome.bill_number).one()
        voucher = voucher_for(session, vend, ConfiguredPrinter(Settings()), reprint=False)
    # The voucher says what the screen says: the same word, the same master data names.
    assert translate("voucher", voucher.amount_lines[0].label, "fr") == "Montant de la vente"
    assert voucher.payment_method == "Espèces"
    assert voucher.tariff_name == tariff
    charges = {line.label for line in voucher.amount_lines[1:]}
    assert charges <= texts | {"VAT", "Debt repayment", "Pre-installed amount"}
    switch_language("zh_CN")
    qtbot.waitUntil(lambda: window.token_panel.title() == "购电码", timeout=3000)
    assert "购电码" in window.token_panel.copy_button.text()
    # Switched at the counter, the login window shows the language in use.
    window.menus.log_out.trigger()
    qtbot.waitUntil(world.app.login_window.isVisible, timeout=5000)
    assert world.app.login_window.language_box.currentData() == "zh_CN"


def test_the_smaller_items(qtbot: QtBot, counter_world: CounterWorld) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    # The meter hint names no "PAN".
    assert "PAN" not in window.meter_field.status.text()
    qtbot.keyClicks(window.meter_field.edit, "0471")
    assert "PAN" not in window.meter_field.status.text()
    window.meter_field.clear()
    # The password rules are shown before the first attempt.
    window.menus.change_password()
    dialog = window.menus.password_dialog
    assert dialog is not None
    assert "at least 8 characters" in dialog.rules.text()
    dialog.reject()
    # Unlocking with a wrong password speaks of the password only.
    window.menus.lock_counter()
    lock = window.menus.lock_screen
    assert lock is not None
    qtbot.keyClicks(lock.password_field, "not-it")
    with qtbot.waitSignal(world.app.funnel.shown, timeout=20_000) as shown:
        qtbot.keyClick(lock.password_field, Qt.Key.Key_Return)
    assert shown.args[1] == "The password is wrong. Type the password of Amina Cashier again."
    close_dialogs(world.app)
    qtbot.keyClicks(lock.password_field, "cash-demo")
    with qtbot.waitSignal(lock.unlocked, timeout=20_000):
        qtbot.keyClick(lock.password_field, Qt.Key.Key_Return)
    # The shift list: the token column whole, newest first with the arrow saying so,
    # amounts sorted as amounts, no search left from the last time.
    first, second = world.sellable(without_debt=True)[:2]
    for number, key in ((first, Qt.Key.Key_F5), (second, Qt.Key.Key_F4)):
        type_number(qtbot, window, number)
        choose(qtbot, window, key)
        enter_sells(qtbot, window)
    window.menus.open_shift_vends()
    shift = window.menus.shift_dialog
    assert shift is not None
    qtbot.waitUntil(lambda: shift.model.rowCount() == 2, timeout=10_000)
    header = shift.table.horizontalHeader()
    assert header.style() is shift.arrows  # down for "newest first", as people read it
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shift.proxy.index(0, 2).data() == second  # the newest first
    token = shift.proxy.index(0, 6).data()
    assert header.sectionSize(6) >= shift.table.fontMetrics().horizontalAdvance(token)
    assert header.sectionResizeMode(6) != QHeaderView.ResizeMode.Interactive
    shift.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    nets = [shift.proxy.index(row, 4).data() for row in range(2)]
    assert nets == ["50.00", "100.00"]  # by value ("100.00" < "50.00" as text)
    qtbot.keyClicks(shift.search, "nothing like this")
    assert shift.proxy.rowCount() == 0
    shift.reject()
    window.menus.open_shift_vends()
    assert shift.search.text() == "" and shift.proxy.rowCount() == 2
    shift.reject()
