"""Token cancel in the counter window (manual 4.5, issue 16): the supervisor finds the sale
by its bill, sees what it took and what goes back, gives the reason and confirms; the store
holds the sale CANCELLED with its cancel bill, the voucher prints titled "Token cancel";
refusals read in the operator's language and change nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.db.enums import ChargeOccasion, ShiftState, TokenCancelState, VendState
from starpos.db.models import Customer, CustomerTypeCharge, Meter, Shift, TokenCancel, Vend
from starpos.devices.printer.layout import LayoutOptions, layout_voucher
from starpos.devices.printer.paper import paper_for
from starpos.settings import Settings
from starpos.tokenops.cancel_voucher import cancel_template, cancel_voucher
from starpos.ui.tokenops.cancel_dialog import TokenCancelDialog
from starpos.ui.translator import switch_language
from tests.integration.ui.counter_world import CounterWorld
from tests.ui.screenshots import save_screen
from tests.ui.tokenops_world import close_box, grab, log_in, sell_to, shown_box, token_world

__all__ = ["token_world"]

pytestmark = pytest.mark.slow


def sale_state(world: CounterWorld, bill: str) -> VendState:
    with world.database.reading() as session:
        return session.scalars(select(Vend.state).where(Vend.bill_number == bill)).one()


def cancels(world: CounterWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(TokenCancel)) or 0)


def charged_meter(world: CounterWorld) -> str:
    """A sellable meter whose customer type charges for a token cancel (manual 2.2)."""
    with world.database.reading() as session:
        charged = set(
            session.scalars(
                select(Meter.number)
                .join(Customer, Customer.id == Meter.customer_id)
                .join(
                    CustomerTypeCharge,
                    CustomerTypeCharge.customer_type_id == Customer.customer_type_id,
                )
                .where(CustomerTypeCharge.occasion == ChargeOccasion.TOKEN_CANCEL)
            )
        )
    return next(number for number in world.sellable(without_debt=True) if number in charged)


def open_dialog(qtbot: QtBot, world: CounterWorld, code: str = "SUP1") -> TokenCancelDialog:
    window = log_in(world, qtbot, code)
    menu = window.token_menu
    assert menu is not None and menu.menu.menuAction().isVisible()
    assert menu.cancel.shortcut() == QKeySequence("Ctrl+Shift+V")
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = menu.dialog
    assert isinstance(dialog, TokenCancelDialog) and dialog.isVisible()
    return dialog


def find(qtbot: QtBot, dialog: TokenCancelDialog, bill: str) -> None:
    dialog.search_field.setText(bill)
    qtbot.keyClick(dialog.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=10_000)


def test_the_supervisor_cancels_a_token_and_the_voucher_says_token_cancel(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    number = charged_meter(world)
    sale = sell_to(world, number, "40.00")
    dialog = open_dialog(qtbot, world)
    assert not dialog.action_button.isEnabled()  # nothing to cancel before the sale is seen

    find(qtbot, dialog, sale.bill_number)
    shown = dialog.sale_label.text()
    assert sale.bill_number in shown and number in shown
    assert dialog.sale is not None
    charge, refund = dialog.sale.charge, dialog.sale.refund
    assert charge > 0 and refund == Decimal("40.00") - charge  # the demo type's TCAN charge
    assert f"{refund:.2f}" in shown
    assert dialog.reason_field.hasFocus()
    grab(dialog, "cancel-sale")

    qtbot.keyClicks(dialog.reason_field, "customer typed the wrong meter")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    box = dialog.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert sale.bill_number in box.text() and f"{refund:.2f}" in box.text()
    with qtbot.waitSignal(dialog.printed, timeout=60_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    result = dialog.outcome
    assert result is not None and result.state == "done" and result.token
    text = dialog.result_label.text()
    assert f"Sale {sale.bill_number} is cancelled (bill {result.bill_number})" in text
    assert result.token[:4] in text and f"{refund:.2f}" in text
    assert not dialog.action_button.isEnabled()  # cancelled once
    grab(dialog, "cancel-done")

    assert sale_state(world, sale.bill_number) is VendState.CANCELLED
    with world.database.reading() as session:
        row = session.scalars(select(TokenCancel)).one()
        assert (row.state, row.reason, row.refund) == (
            TokenCancelState.DONE, "customer typed the wrong meter", refund,
        )  # fmt: skip
    printer = ConfiguredPrinter(Settings())
    voucher = cancel_voucher(world.database, result.bill_number, printer)
    paper = layout_voucher(voucher, cancel_template(), LayoutOptions(paper_for(80, None)))
    assert "Token cancel" in paper.text() and "Engineering token" not in paper.text()


def test_refusals_read_in_the_operators_language_and_change_nothing(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    number = world.sellable(without_debt=True)[0]
    first = sell_to(world, number, "40.00")
    later = sell_to(world, number, "20.00")
    old = sell_to(world, world.sellable(without_debt=True)[1], "30.00")
    with world.database.unit_of_work() as uow:
        vend = uow.session.scalars(select(Vend).where(Vend.bill_number == old.bill_number)).one()
        assert vend.issued_at is not None
        vend.issued_at -= timedelta(days=8)  # the setting allows 7
        uow.commit()
    dialog = open_dialog(qtbot, world)
    switch_language("fr")

    # The cancel's own checks are asked when the sale is found: the refusal is shown with it
    # and again, in a message, when the supervisor tries (no confirmation is asked first).
    find(qtbot, dialog, first.bill_number)
    assert not dialog.action_button.isEnabled()
    assert f"La vente {first.bill_number} ne peut pas être annulée" in dialog.sale_label.text()
    dialog.reason_field.setText("erreur")
    with qtbot.waitSignal(world.app.funnel.shown, timeout=60_000) as shown:
        dialog.confirm()
    assert dialog.confirm_box is None
    assert shown.args[0] == "tokenops.later_token"
    assert f"La vente {first.bill_number} ne peut pas être annulée" in shown_box(world).text()
    close_box(world)

    find(qtbot, dialog, old.bill_number)
    with qtbot.waitSignal(world.app.funnel.shown, timeout=60_000) as shown:
        dialog.confirm()
    assert shown.args[0] == "tokenops.cancel_too_late"
    grab(shown_box(world), "cancel-refused-fr")
    close_box(world)

    find(qtbot, dialog, later.bill_number)  # the latest sale of its meter: it may be
    assert dialog.action_button.isEnabled()
    dialog.reason_field.clear()
    with qtbot.waitSignal(world.app.funnel.shown) as shown:
        dialog.confirm()
    assert shown.args[0] == "tokenops.cancel_reason_missing"
    close_box(world)
    for bill in (first.bill_number, later.bill_number, old.bill_number):
        assert sale_state(world, bill) is VendState.ISSUED
    assert cancels(world) == 0


def test_the_sale_is_found_by_its_token_or_by_the_meter_whose_sales_are_listed(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    number = world.sellable(without_debt=True)[0]
    first = sell_to(world, number, "40.00")
    latest = sell_to(world, number, "20.00")
    dialog = open_dialog(qtbot, world)

    # By the meter: its token sales, newest first; only the newest can be cancelled.
    find(qtbot, dialog, number)
    assert dialog.choices.isVisible() and dialog.choices.count() == 2
    assert dialog.choices.hasFocus()
    assert [sale.bill for sale in dialog.sales] == [latest.bill_number, first.bill_number]
    assert dialog.sale is not None and dialog.sale.bill == latest.bill_number
    assert dialog.action_button.isEnabled()
    assert "cannot be cancelled" in dialog.choices.item(1).text()
    grab(dialog, "cancel-by-meter")
    qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)  # the earlier sale: why not, at once
    assert dialog.sale.bill == first.bill_number
    assert not dialog.action_button.isEnabled()
    assert "later token" in dialog.sale_label.text()
    qtbot.keyClick(dialog.choices, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)
    assert dialog.reason_field.hasFocus() and dialog.sale.bill == latest.bill_number

    # By the token, typed in its groups of four.
    grouped = " ".join(latest.token[i : i + 4] for i in range(0, 20, 4))
    find(qtbot, dialog, grouped)
    assert not dialog.choices.isVisible()
    assert dialog.sale is not None and dialog.sale.bill == latest.bill_number
    assert dialog.reason_field.hasFocus()

    dialog.search_field.setText("99999999999")  # no such meter, bill or token
    with qtbot.waitSignal(world.app.funnel.shown, timeout=10_000) as shown:
        qtbot.keyClick(dialog.search_field, Qt.Key.Key_Return)
    assert shown.args[0] == "tokenops.sale_not_found"
    close_box(world)


def test_a_cashier_has_no_token_menu_and_is_refused_the_cancel(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    window = log_in(world, qtbot, "CASH1")
    menu = window.token_menu
    assert menu is not None
    assert not menu.menu.menuAction().isVisible() and not menu.cancel.isVisible()
    with qtbot.waitSignal(world.app.funnel.shown) as shown:
        menu.open_cancel()
    assert shown.args[0] == "ui.permission_missing"
    assert "cancel a token" in shown_box(world).text()
    assert menu.dialog is None
    window.menus.open_shift_vends()  # the history offers no cancel either
    assert window.menus.shift_dialog is not None
    assert window.menus.shift_dialog.cancel_button.isHidden()


def test_the_supervisor_cancels_a_sale_chosen_in_the_shifts_vends(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    sale = sell_to(world, world.sellable(without_debt=True)[0], "25.00", seller="SUP1")
    window = log_in(world, qtbot, "SUP1")
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = window.menus.shift_dialog
    assert history is not None and history.cancel_button.isVisible()
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    history.table.selectRow(0)
    grab(history, "history", fit=False)
    qtbot.mouseClick(history.cancel_button, Qt.MouseButton.LeftButton)
    assert not history.isVisible()
    menu = window.token_menu
    assert menu is not None
    dialog = menu.dialog
    assert isinstance(dialog, TokenCancelDialog) and dialog.isVisible()
    assert dialog.search_field.text() == sale.bill_number
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=10_000)
    assert dialog.action_button.isEnabled()
    assert sale.bill_number in dialog.sale_label.text()


def test_a_module_failure_during_the_cancel_is_shown_and_the_sale_stands(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    sale = sell_to(world, world.sellable(without_debt=True)[0], "40.00")
    dialog = open_dialog(qtbot, world)
    find(qtbot, dialog, sale.bill_number)
    dialog.reason_field.setText("wrong meter")
    dialog.confirm()
    world.emulator.stop()  # the module's cable is pulled
    with qtbot.waitSignal(world.app.funnel.shown, timeout=60_000) as shown:
        assert dialog.confirm_box is not None
        dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert shown.args[0] == "vend.module_offline"
    assert "The secure module does not answer" in shown_box(world).text()
    assert not dialog.busy and dialog.outcome is None
    assert dialog.action_button.isEnabled()  # the same cancel can be asked again
    assert sale_state(world, sale.bill_number) is VendState.ISSUED
    with world.database.reading() as session:
        # The cancel waits with its zero token not made: asked again, it is taken up (core).
        row = session.scalars(select(TokenCancel)).one()
        assert row.state is TokenCancelState.PENDING


def test_the_voucher_prints_when_the_dialog_is_closed_before_it_is_out(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    """The supervisor closes the dialog as soon as the sale is cancelled: the voucher still
    prints and its answer, reaching a deleted dialog, breaks nothing."""
    import time

    from starpos.devices.printer.virtual.launcher import output_folder

    world = token_world
    sale = sell_to(world, charged_meter(world), "40.00")
    dialog = open_dialog(qtbot, world)
    find(qtbot, dialog, sale.bill_number)
    dialog.reason_field.setText("customer typed the wrong meter")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    box = dialog.confirm_box
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(dialog.cancelled, timeout=60_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.outcome is not None
    bill = dialog.outcome.bill_number
    dialog.reject()  # deleted at once (the Tokens menu's dialogs are)

    deadline = time.monotonic() + 30
    while not any(bill in path.read_text("utf-8") for path in output_folder().glob("*.txt")):
        assert time.monotonic() < deadline, "the cancel voucher never came out"
        qtbot.wait(200)  # the event loop runs: the printer's answer reaches the dialog
    qtbot.wait(500)


def test_a_cancel_with_no_shift_on_the_till_offers_to_open_one_and_changes_nothing(
    qtbot: QtBot, token_world: CounterWorld, screens_dir: Path
) -> None:
    """SHF-14: where sales need a shift, the refund needs a drawer: the counter says so in
    the supervisor's language and offers to open a shift, as it does for a sale."""
    world = token_world
    sale = sell_to(world, world.sellable(without_debt=True)[0], "40.00")
    with world.database.unit_of_work() as uow:  # every drawer handed over since the sale
        for shift in uow.session.scalars(select(Shift).where(Shift.state != ShiftState.CLOSED)):
            shift.state, shift.closed_at = ShiftState.CLOSED, shift.opened_at
        uow.commit()
    dialog = open_dialog(qtbot, world)
    window = dialog.parentWidget()
    switch_language("fr")
    find(qtbot, dialog, sale.bill_number)
    dialog.reason_field.setText("erreur de compteur")
    dialog.confirm()
    box = dialog.confirm_box
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    shifts = window.shift_menu  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: isinstance(shifts.dialog, QMessageBox) and shifts.dialog.isVisible(),
        timeout=60_000,
    )
    offer = shifts.dialog
    assert offer.objectName() == "offerOpenShift"
    assert (
        "Aucun poste n'est ouvert" in offer.text() and "Ouvrir un poste maintenant" in offer.text()
    )
    assert window is not None
    save_screen(window, screens_dir, "cancel-no-shift-offer-fr")
    assert sale_state(world, sale.bill_number) is VendState.ISSUED and cancels(world) == 0
    offer.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(
        lambda: shifts.dialog is not offer and shifts.dialog.isVisible(), timeout=10_000
    )
    assert shifts.dialog.objectName() != "offerOpenShift"  # the open-shift dialog
    switch_language("en")
