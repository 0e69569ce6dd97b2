"""Payment change in the counter window (manual 4.7, issue 16): from the Tokens menu
(Ctrl+Shift+Y) on the meter typed in the counter, the supervisor sees the pay type, types
the remain (to postpaid) or the receivable (to prepaid) and confirms; the change's bill
prints (again, marked REPRINT, from its button); the next sale carries the amounts.
Refusals read in the operator's language and change nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.db.models import PaymentChange
from starpos.masterdata.payment_dues import RECEIVABLE, REMAIN
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.tokenops.payment_change_dialog import PaymentChangeDialog
from starpos.ui.translator import switch_language
from tests.integration.ui.counter_world import CounterWorld
from tests.ui.tokenops_world import close_box, grab, log_in, sell_to, shown_box, token_world
from tests.ui.virtual_paper import printed

__all__ = ["token_world"]

pytestmark = pytest.mark.slow


def open_dialog(qtbot: QtBot, window: PosWindow) -> PaymentChangeDialog:
    window.activateWindow()  # no window manager here to give it back after a dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    menu = window.token_menu
    assert menu is not None and menu.payment_change.isVisible()
    assert menu.payment_change.shortcut() == QKeySequence("Ctrl+Shift+Y")
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = menu.dialog
    assert isinstance(dialog, PaymentChangeDialog) and dialog.isVisible()
    return dialog


def change(qtbot: QtBot, dialog: PaymentChangeDialog, amount: str) -> None:
    dialog.amount_field.setText(amount)
    qtbot.keyClick(dialog.amount_field, Qt.Key.Key_Return)
    box = dialog.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    with qtbot.waitSignal(dialog.changed, timeout=30_000):
        box.button(QMessageBox.StandardButton.Yes).click()


def changes(world: CounterWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(PaymentChange)) or 0)


def test_the_supervisor_changes_the_pay_type_and_the_next_sale_settles_it(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    number = world.sellable(without_debt=True)[0]
    window = log_in(world, qtbot, "SUP1")
    window.meter_field.edit.setText(number)  # the counter's meter: the dialog opens on it

    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=10_000)
    assert dialog.amount_field.hasFocus()
    shown = dialog.meter_label.text()
    assert number in shown and "prepaid" in shown and "postpaid" in shown
    assert "Remain amount" in dialog.amount_caption.text()
    grab(dialog, "payment-to-postpaid")
    prints: list[int] = []
    dialog.printed.connect(prints.append)
    change(qtbot, dialog, "12.50")
    assert dialog.outcome is not None and dialog.outcome.to_mode == "postpaid"
    assert dialog.outcome.remain == Decimal("12.50")
    assert dialog.outcome.bill_number in dialog.result_label.text()
    assert not dialog.action_button.isEnabled()  # changed once
    qtbot.waitUntil(lambda: prints == [1], timeout=60_000)  # its bill, on the printer worker
    bill = dialog.outcome.bill_number
    assert dialog.print_button.isEnabled()
    grab(dialog, "payment-done")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)  # and again: a reprint
    qtbot.waitUntil(lambda: prints == [1, 2], timeout=60_000)
    first, again = printed(qtbot, count=2)[-2:]
    assert bill in first and "Remain amount returned" in first and "REPRINT" not in first
    assert bill in again and "*** REPRINT ***" in again
    dialog.reject()

    dialog = open_dialog(qtbot, window)  # and back to prepaid, with the postpaid debt
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=10_000)
    assert "Receivable amount" in dialog.amount_caption.text()
    assert "Remain still due" in dialog.meter_label.text()
    change(qtbot, dialog, "30")
    assert dialog.outcome is not None and dialog.outcome.receivable == Decimal("30.00")
    back_bill = dialog.outcome.bill_number
    dialog.reject()  # closed (and deleted) before its bill is out: the bill still prints
    assert back_bill in printed(qtbot, count=3)[2]

    # The counter's quote for the meter's next purchase shows what the change left due.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.meter_field.edit.clear()
    window.meter_field.edit.setFocus()
    with qtbot.waitSignal(window.customer_shown, timeout=10_000):
        qtbot.keyClicks(window.meter_field.edit, number)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.quote_shown, timeout=10_000) as quoted:
        qtbot.keyClicks(window.amount_panel.net_field, "100")
    lines = {line.label: line.amount for line in quoted.args[0].lines}
    assert lines["Receivable amount"] == Decimal("30.00")
    assert lines["Remain amount returned"] == Decimal("-12.50")
    grab(window, "payment-next-quote", fit=False)


def test_refusals_read_in_the_operators_language_and_change_nothing(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    number = world.sellable(without_debt=True)[0]
    window = log_in(world, qtbot, "SUP1")
    window.meter_field.edit.setText(number)
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=10_000)
    switch_language("fr")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Changement de mode de paiement", timeout=3000)
    assert "Reliquat" in dialog.amount_caption.text()

    dialog.amount_field.setText("12,345")  # more decimals than the currency has
    qtbot.keyClick(dialog.amount_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(world.app.funnel.shown, timeout=30_000) as shown:
        assert dialog.confirm_box is not None
        dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert shown.args[0] == "tokenops.payment_amount"
    assert "n'est pas un montant" in shown_box(world).text()
    grab(shown_box(world), "payment-refused-fr")
    close_box(world)
    assert changes(world) == 0 and dialog.outcome is None


def test_a_cashier_has_no_payment_change(qtbot: QtBot, token_world: CounterWorld) -> None:
    window = log_in(token_world, qtbot, "CASH1")
    menu = window.token_menu
    assert menu is not None and not menu.payment_change.isVisible()
    with qtbot.waitSignal(token_world.app.funnel.shown) as shown:
        menu.open_payment_change()
    assert shown.args[0] == "ui.permission_missing"
    assert menu.dialog is None


def test_the_sale_after_a_change_shows_the_amounts(token_world: CounterWorld) -> None:
    """The breakdown the cashier's sale books (through the real vend) carries the lines."""
    from starpos.db.enums import PaymentMode
    from starpos.operators.session import OperatorSession
    from starpos.tokenops.payment_change import PaymentChangeAsked, change_payment

    world = token_world
    number = world.sellable(without_debt=True)[0]
    supervisor = OperatorSession("SUP1", "Supervisor", frozenset({"payment_change"}))
    change_payment(world.database, supervisor, PaymentChangeAsked(number, PaymentMode.POSTPAID))
    change_payment(
        world.database,
        supervisor,
        PaymentChangeAsked(number, PaymentMode.PREPAID, receivable=Decimal("5.00")),
    )
    sale = sell_to(world, number, "40.00")
    lines = [(line.code, line.amount) for line in sale.breakdown.charges]
    assert (RECEIVABLE, Decimal("5.00")) in lines
    assert REMAIN not in dict(lines)
