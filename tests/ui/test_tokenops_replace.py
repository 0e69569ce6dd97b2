"""Replace meter in the counter window (manual 4.6, issue 16): the old meter (the one typed at
the counter), a new one from stock, the reason and the remainder; the store holds the
replacement on one bill and the stock as it now is; refusals change nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from starpos.db.enums import MeterCondition, MeterMedium, StockStatus
from starpos.db.models import Meter, MeterReplacement
from starpos.ui.tokenops.replace_dialog import ReplaceMeterDialog
from tests.integration.ui.counter_world import CounterWorld
from tests.ui.tokenops_world import close_box, grab, log_in, shown_box, token_world

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


def test_the_engineer_replaces_a_meter_with_its_remainder(
    qtbot: QtBot, token_world: CounterWorld
) -> None:
    world = token_world
    old = world.sellable(without_debt=True)[0]
    new = in_stock(world)
    customer = meter(world, old).customer_id
    dialog = open_dialog(qtbot, world, old)

    dialog.new_field.setText(new)
    dialog.reason_box.setCurrentIndex(dialog.reason_box.findData("TAMPER"))
    dialog.condition_box.setCurrentIndex(dialog.condition_box.findData(MeterCondition.SCRAP))
    assert dialog.condition_box.currentText() == "Scrap"
    dialog.remainder_field.setText("12.3")
    grab(dialog, "replace-form")
    with qtbot.waitSignal(dialog.replaced, timeout=60_000) as replaced:
        qtbot.keyClick(dialog.remainder_field, Qt.Key.Key_Return)
    result = replaced.args[0]
    assert result is not None and result.state == "issued" and result.token
    text = dialog.result_label.text()
    assert f"Meter {old} is replaced by {new} (bill {result.bill_number}" in text
    assert "Remainder token for the new meter (12.3 kWh)" in text
    assert result.token[-4:] in text
    assert not dialog.action_button.isEnabled()  # the meter is replaced once
    grab(dialog, "replace-done")

    stored_old, stored_new = meter(world, old), meter(world, new)
    assert (stored_old.stock_status, stored_old.condition, stored_old.customer_id) == (
        StockStatus.IN_STOCK, MeterCondition.SCRAP, None,
    )  # fmt: skip
    assert (stored_new.stock_status, stored_new.customer_id) == (StockStatus.INSTALLED, customer)
    with world.database.reading() as session:
        (row,) = session.scalars(select(MeterReplacement)).all()
        assert (row.bill_number, row.remainder_kwh) == (result.bill_number, Decimal("12.3"))


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
