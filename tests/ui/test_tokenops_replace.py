"""Replace meter in the counter window (manual 4.6, issue 16), keyboard only: the old meter
(the one typed at the counter), a new one from stock, the reason with the charges it costs,
the remainder, the cash paid and the change; the store holds the replacement on one bill
(printed), the charges in the engineer's shift and the stock as it now is; refusals change
nothing. Screenshots in English and French (docs/screens/replace-meter-*.png)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.db.enums import MeterCondition, MeterMedium, StockStatus
from starpos.db.models import Bank, Meter, MeterReplacement
from starpos.ui.tokenops.replace_dialog import ReplaceMeterDialog
from starpos.ui.translator import switch_language
from tests.integration.tokenops.replace_world import FLOAT
from tests.integration.ui.counter_world import CounterWorld
from tests.support.shifts import open_shift_for
from tests.ui.screenshots import save
from tests.ui.tokenops_world import close_box, log_in, shown_box, token_world

__all__ = ["token_world"]

pytestmark = pytest.mark.slow


def in_stock(world: CounterWorld) -> str:
    with world.database.reading() as session:
        return session.scalars(
            select(Meter.number)
            .where(
                Meter.stock_status == StockStatus.IN_STOCK,
                Meter.medium == MeterMedium.KEYPAD,
                Meter.customer_id.is_(None),
            )
            .order_by(Meter.number)
        ).first() or pytest.fail("the demo has no keypad meter in stock")


def meter(world: CounterWorld, number: str) -> Meter:
    with world.database.reading() as session:
        found = session.scalars(select(Meter).where(Meter.number == number)).one()
        session.expunge(found)
        return found


def replacements(world: CounterWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(MeterReplacement)) or 0)


def open_dialog(qtbot: QtBot, world: CounterWorld, old: str) -> ReplaceMeterDialog:
    # The engineer takes the charges' cash: the store's rule wants their shift open, and the
    # demo's ENGINEER role may keep one without selling credit (TOK-24).
    open_shift_for(world.database, "ENG1", float_total=FLOAT)
    window = log_in(world, qtbot, "ENG1")
    window.meter_field.edit.setText(old)  # the meter the engineer is at
    menu = window.token_menu
    assert menu is not None and menu.replace.isVisible() and not menu.cancel.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = menu.dialog
    assert isinstance(dialog, ReplaceMeterDialog) and dialog.isVisible()
    assert dialog.old_field.text() == old
    qtbot.waitUntil(lambda: dialog.reason_box.count() > 0, timeout=10_000)
    return dialog


def test_the_engineer_replaces_a_meter_with_its_charges_paid_and_its_remainder(
    qtbot: QtBot, token_world: CounterWorld, screens_dir: Path
) -> None:
    world = token_world
    old = world.sellable(without_debt=True)[0]
    new = in_stock(world)
    customer = meter(world, old).customer_id
    dialog = open_dialog(qtbot, world, old)
    due = charges_of(world, old)

    # Keyboard only: Alt+N to the new meter, Alt+E to the reason, and so on.
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.new_field.hasFocus()
    qtbot.keyClicks(dialog.new_field, new)
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert dialog.reason_box.hasFocus()
    # The first reason's charges (none) may still be on their way: wait for TAMPER's.
    with qtbot.waitSignal(
        dialog.charges_shown, timeout=10_000, check_params_cb=lambda shown: shown.total == due
    ):
        dialog.reason_box.setCurrentIndex(dialog.reason_box.findData("TAMPER"))
    assert "Meter replacement fee" in dialog.charges_label.text()
    assert f"{due:.2f}" in dialog.charges_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog.condition_box, Qt.Key.Key_Down)  # maintenance -> scrap
    assert dialog.condition_box.currentText() == "Scrap"
    qtbot.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    dialog.remainder_field.selectAll()
    qtbot.keyClicks(dialog.remainder_field, "12.3")
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert dialog.paid_field.hasFocus()
    qtbot.keyClicks(dialog.paid_field, "5")
    assert dialog.change_label.text() == f"{due - 5:.2f} short"
    qtbot.keyClicks(dialog.paid_field, "0")
    assert dialog.change_label.text() == f"{50 - due:.2f}"
    save(dialog, screens_dir, "replace-meter-en")
    with (
        qtbot.waitSignal(dialog.printed, timeout=60_000) as printed,
        qtbot.waitSignal(dialog.replaced, timeout=60_000) as replaced,
    ):
        qtbot.keyClick(dialog.paid_field, Qt.Key.Key_Return)
    assert printed.args[0] == 1  # the bill, printed once
    result = replaced.args[0]
    assert result is not None and result.state == "issued" and result.token
    assert (result.charges, result.paid, result.change) == (due, Decimal("50.00"), 50 - due)
    text = dialog.result_label.text()
    assert f"Meter {old} is replaced by {new} (bill {result.bill_number}" in text
    assert f"Paid 50.00, change {50 - due:.2f}." in text
    assert "Remainder token for the new meter (12.3 kWh)" in text
    assert result.token[-4:] in text
    assert not dialog.action_button.isEnabled()  # the meter is replaced once
    assert dialog.print_button.isEnabled()
    save(dialog, screens_dir, "replace-meter-done-en")
    switch_language("fr")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Remplacer un compteur", timeout=3000)
    save(dialog, screens_dir, "replace-meter-done-fr")
    switch_language("en")

    stored_old, stored_new = meter(world, old), meter(world, new)
    assert (stored_old.stock_status, stored_old.condition, stored_old.customer_id) == (
        StockStatus.IN_STOCK, MeterCondition.SCRAP, None,
    )  # fmt: skip
    assert (stored_new.stock_status, stored_new.customer_id) == (StockStatus.INSTALLED, customer)
    with world.database.reading() as session:
        (row,) = session.scalars(select(MeterReplacement)).all()
        assert (row.bill_number, row.remainder_kwh) == (result.bill_number, Decimal("12.3"))
        assert row.cash_movement_id is not None


def charges_of(world: CounterWorld, number: str) -> Decimal:
    from starpos.tokenops.meter_replace_charges import charges_due

    with world.database.reading() as session:
        return charges_due(session, "TAMPER", number).total


def test_refusals_are_shown_and_change_nothing(qtbot: QtBot, token_world: CounterWorld) -> None:
    world = token_world
    old, installed = world.sellable(without_debt=True)[:2]
    dialog = open_dialog(qtbot, world, old)
    dialog.new_field.setText(in_stock(world))
    dialog.remainder_field.setText("a lot")
    with qtbot.waitSignal(world.app.funnel.shown) as shown:
        dialog.start()
    assert shown.args[0] == "tokenops.value_out_of_range"
    assert "a lot is out of range" in shown_box(world).text()
    close_box(world)

    dialog.remainder_field.setText("0")
    dialog.new_field.setText(installed)  # another customer's meter, not one from stock
    with qtbot.waitSignal(world.app.funnel.shown, timeout=60_000) as shown:
        dialog.start()
    assert shown.args[0] == "storage.meter_not_available"
    assert "its stock status is installed" in shown_box(world).text()
    close_box(world)
    assert replacements(world) == 0
    assert meter(world, old).stock_status == StockStatus.INSTALLED
    assert meter(world, installed).stock_status == StockStatus.INSTALLED


def test_the_charges_are_paid_by_mobile_money_from_the_box(
    qtbot: QtBot, token_world: CounterWorld, screens_dir: Path
) -> None:
    """The box offers the sale's payment methods (TOK-25): by mobile money the paid field is
    closed (change in cash only), the bill keeps the method, no cash goes to the drawer."""
    world = token_world
    old = world.sellable(without_debt=True)[0]
    new = in_stock(world)
    dialog = open_dialog(qtbot, world, old)
    due = charges_of(world, old)
    dialog.new_field.setText(new)
    with qtbot.waitSignal(
        dialog.charges_shown, timeout=10_000, check_params_cb=lambda shown: shown.total == due
    ):
        dialog.reason_box.setCurrentIndex(dialog.reason_box.findData("TAMPER"))
    assert dialog.paid_field.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert dialog.payment_box.hasFocus()
    dialog.payment_box.setCurrentIndex(dialog.payment_box.findData("MOMO"))
    assert dialog.payment_box.currentText() == "Mobile money"
    assert not dialog.paid_field.isEnabled() and dialog.paid_field.text() == ""
    save(dialog, screens_dir, "replace-meter-momo-en")
    with qtbot.waitSignal(dialog.replaced, timeout=60_000) as replaced:
        dialog.start()
    result = replaced.args[0]
    assert result is not None and (result.payment, result.paid, result.change) == (
        "MOMO", due, Decimal("0.00"),
    )  # fmt: skip
    with world.database.reading() as session:
        (row,) = session.scalars(select(MeterReplacement)).all()
        assert row.cash_movement_id is None and row.shift_id is not None


def test_a_cheque_s_bank_and_number_are_typed_in_the_box_and_kept_on_the_bill(
    qtbot: QtBot, token_world: CounterWorld, screens_dir: Path
) -> None:
    """By cheque the box opens the bank and the cheque number (TOK-30), closed for cash;
    the bill keeps both, as a sale keeps them."""
    world = token_world
    old = world.sellable(without_debt=True)[0]
    new = in_stock(world)
    dialog = open_dialog(qtbot, world, old)
    due = charges_of(world, old)
    dialog.new_field.setText(new)
    with qtbot.waitSignal(
        dialog.charges_shown, timeout=10_000, check_params_cb=lambda shown: shown.total == due
    ):
        dialog.reason_box.setCurrentIndex(dialog.reason_box.findData("TAMPER"))
    qtbot.waitUntil(lambda: dialog.bank_box.count() > 1, timeout=20_000)
    assert not dialog.bank_box.isEnabled() and not dialog.cheque_field.isEnabled()  # cash
    qtbot.keyClick(dialog, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    dialog.payment_box.setCurrentIndex(dialog.payment_box.findData("CHQ"))
    assert dialog.bank_box.isEnabled() and dialog.cheque_field.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert dialog.bank_box.hasFocus()
    dialog.bank_box.setCurrentIndex(dialog.bank_box.findData("FCB"))
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert dialog.cheque_field.hasFocus()
    qtbot.keyClicks(dialog.cheque_field, "0004711")
    save(dialog, screens_dir, "replace-meter-cheque-en")
    switch_language("fr")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Remplacer un compteur", timeout=3000)
    save(dialog, screens_dir, "replace-meter-cheque-fr")
    switch_language("en")
    with qtbot.waitSignal(dialog.replaced, timeout=60_000) as replaced:
        dialog.start()
    result = replaced.args[0]
    assert result is not None and (result.payment, result.paid) == ("CHQ", due)
    with world.database.reading() as session:
        (row,) = session.scalars(select(MeterReplacement)).all()
        bank = session.scalar(select(Bank.code).where(Bank.id == row.bank_id))
        assert (bank, row.cheque_number, row.cash_movement_id) == ("FCB", "0004711", None)
