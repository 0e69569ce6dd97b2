"""The sale rule on the real core (issue 11, items 1 and 2; docs/ui.md "The sale rule").

A sale happens only on an Enter given while the customer on screen, the amount and the
breakdown shown are the ones being sold. A new or cleared meter number, a failed look-up
or a refusal clears the amount, paid, change and any pending Enter; Enter in the meter
field moves to the amount. Refusals are said at look-up, under the number.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.counter.views import VendOutcome
from starpos.ui.pos.pos_window import PosWindow
from tests.integration.ui.counter_world import (
    UNKNOWN_METER,
    CounterWorld,
    close_dialogs,
    counter_world,
    mistyped,
    refusals,
)

__all__ = ["counter_world"]  # the fixture, imported for pytest

pytestmark = pytest.mark.slow

#: Long enough for a look-up and a quote of the real store to answer several times over.
SETTLE_S = 0.6


def type_number(qtbot: QtBot, window: PosWindow, number: str) -> None:
    """Type ``number`` over whatever the meter field holds; wait for its customer."""
    window.meter_field.edit.selectAll()
    with qtbot.waitSignal(
        window.customer_shown, timeout=10_000, check_params_cb=lambda card: card is not None
    ):
        qtbot.keyClicks(window.meter_field.edit, number)


def type_refused(qtbot: QtBot, window: PosWindow, number: str) -> None:
    """Type a number that cannot be sold to; wait for the reason under it."""
    window.meter_field.edit.selectAll()
    qtbot.keyClicks(window.meter_field.edit, number)
    qtbot.waitUntil(lambda: window.meter_field.refusal is not None, timeout=10_000)


def choose(qtbot: QtBot, window: PosWindow, key: Qt.Key) -> None:
    with qtbot.waitSignal(window.quote_shown, timeout=10_000):
        qtbot.keyClick(window.meter_field.edit, key)


def enter_sells(qtbot: QtBot, window: PosWindow) -> VendOutcome:
    with qtbot.waitSignal(window.vend_finished, timeout=30_000) as finished:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    outcome: VendOutcome | None = finished.args[0]
    assert outcome is not None, "the vend was refused"
    return outcome


def settle(qtbot: QtBot) -> None:
    """Give any answer in flight (a look-up, a quote, a vend) time to arrive."""
    qtbot.wait(int(SETTLE_S * 1000))


def back_to_the_window(qtbot: QtBot, world: CounterWorld, window: PosWindow) -> None:
    """The box answered with Enter, the counter active again (no window manager here)."""
    close_dialogs(world.app)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_an_enter_on_an_unknown_number_never_sells_to_the_next_customer(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    """The walk's first sale nobody asked for: an unknown number, an amount, Enter; then
    another customer's number, and nothing more."""
    world = counter_world
    window = world.log_in(qtbot)
    other = world.sellable()[0]
    qtbot.keyClicks(window.meter_field.edit, UNKNOWN_METER)
    settle(qtbot)  # the look-up has refused it
    back_to_the_window(qtbot, world, window)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    back_to_the_window(qtbot, world, window)
    window.meter_field.edit.selectAll()
    qtbot.keyClicks(window.meter_field.edit, other)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    settle(qtbot)
    assert world.vend_count() == 0  # sold to nobody without its own Enter
    assert window.amount_panel.net_field.text() == ""
    assert not window.vending


def test_an_unknown_number_is_said_under_it_and_takes_no_amount(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    type_refused(qtbot, window, UNKNOWN_METER)
    # Said at look-up, under the number, before any amount: no box to close, no amount.
    assert "No meter 9999999999" in window.meter_field.status.text()
    assert window.customer_panel.values["name"].text() == ""
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    assert window.amount_panel.net_field.text() == ""
    with qtbot.waitSignal(world.app.funnel.shown, timeout=5000) as shown:
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)  # visible: the reason
    assert shown.args[0] == "vend.unknown_meter"
    assert window.meter_field.edit.selectedText() == UNKNOWN_METER  # the next one replaces it


def test_an_amount_chosen_for_one_customer_is_never_sold_to_the_next(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    """The walk's second: F2 for a blacklisted customer, then another number and Enter."""
    world = counter_world
    marked = refusals(world)
    window = world.log_in(qtbot)
    first, second = world.sellable(without_debt=True)[:2]
    qtbot.keyClicks(window.meter_field.edit, marked.blacklisted)
    settle(qtbot)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)
    window.meter_field.edit.selectAll()
    qtbot.keyClicks(window.meter_field.edit, first)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)  # moves to the amount
    settle(qtbot)
    back_to_the_window(qtbot, world, window)
    assert world.vend_count() == 0
    assert window.amount_panel.net_field.text() == ""
    assert window.amount_panel.net_field.hasFocus()
    # An amount chosen for one customer goes when the number changes ...
    choose(qtbot, window, Qt.Key.Key_F2)
    type_number(qtbot, window, second)
    assert window.amount_panel.net_field.text() == ""
    assert window.breakdown_panel.quote is None
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert world.vend_count() == 0
    # ... or when the field is cleared: nothing carries over to the number typed after.
    type_number(qtbot, window, first)
    choose(qtbot, window, Qt.Key.Key_F3)
    window.meter_field.edit.clear()
    assert window.amount_panel.net_field.text() == ""
    type_number(qtbot, window, second)
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)  # no amount: no sale
    back_to_the_window(qtbot, world, window)
    settle(qtbot)
    assert world.vend_count() == 0
    # The customer on screen, the amount and its breakdown, then Enter: that, and only that.
    choose(qtbot, window, Qt.Key.Key_F1)
    outcome = enter_sells(qtbot, window)
    assert (outcome.meter_number, outcome.net) == (second, Decimal("5.00"))
    assert world.vends() == [(second, "5.00")]


def test_a_blacklisted_customer_is_said_at_look_up_and_takes_no_amount(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    marked = refusals(world)
    window = world.log_in(qtbot)
    type_refused(qtbot, window, marked.blacklisted)
    assert "meter tampered, case 4471" in window.meter_field.status.text()
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)
    assert window.amount_panel.net_field.text() == ""


def test_an_enter_before_the_breakdown_shows_sells_nothing_and_waits_for_no_one(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    world = counter_world
    window = world.log_in(qtbot)
    first, second = world.sellable()[:2]
    window.meter_field.edit.setText(first)  # a scanner: the number at once, then Enter
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_F2)
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)  # the customer is not in
    assert "Nothing was sold" in window.busy_label.text()
    qtbot.waitUntil(lambda: window.quote is not None, timeout=10_000)
    settle(qtbot)
    assert world.vend_count() == 0  # the early Enter was not kept for later
    assert window.busy_label.text() == ""  # and the hint goes once the sale is ready
    type_number(qtbot, window, second)
    settle(qtbot)
    assert world.vend_count() == 0


@pytest.mark.parametrize("kind", ["postpaid", "card", "unknown"])
def test_a_meter_that_cannot_be_sold_to_is_said_at_look_up(
    qtbot: QtBot, counter_world: CounterWorld, kind: str
) -> None:
    world = counter_world
    number = getattr(refusals(world), kind)
    window = world.log_in(qtbot)
    shown: list[str] = []
    world.app.funnel.shown.connect(lambda code, _text: shown.append(code))
    type_refused(qtbot, window, number)
    expected = {
        "postpaid": "is a postpaid meter",
        "card": "is a smart card meter",
        "unknown": "is registered here",
    }[kind]
    assert expected in window.meter_field.status.text()
    assert "Check digit correct" not in window.meter_field.status.text()
    assert shown == []  # inline, not a box to close
    assert not window.amount_panel.net_field.isEnabled()
    assert not window.vend_button.isEnabled()
    assert window.breakdown_panel.quote is None
    if kind != "unknown":  # the customer shows, with the refusal
        assert window.customer_panel.values["name"].text() != ""
        status = window.customer_panel.values["status"].text()
        assert "no credit can be sold" in status


def test_a_hundred_keyboard_sales_with_refusals_mixed_in(
    qtbot: QtBot, counter_world: CounterWorld
) -> None:
    """100 sales from the keyboard, each on its own Enter, with every refusal between them:
    the ledger holds exactly the sales Enter was pressed for, and the window has not moved."""
    world = counter_world
    marked = refusals(world)
    window = world.log_in(qtbot)
    size = window.size()
    energy_points = window.breakdown_panel.energy_value.font().pointSize()
    meters = world.sellable(without_debt=True)
    assert not set(meters) & {marked.blacklisted, marked.postpaid, marked.card}
    # Amounts above what the first sale of the year owes in charges (no pricing refusal).
    keys = (Qt.Key.Key_F4, Qt.Key.Key_F5)
    amounts = {Qt.Key.Key_F4: "50.00", Qt.Key.Key_F5: "100.00"}
    refused = (marked.unknown, marked.blacklisted, marked.postpaid, marked.card)
    expected: list[tuple[str, str]] = []
    started = time.perf_counter()
    for sale in range(100):
        number, key = meters[sale % len(meters)], keys[sale % len(keys)]
        if sale % 5 == 1:  # a refusal first, then the right customer
            wrong = refused[(sale // 5) % len(refused)]
            type_refused(qtbot, window, wrong)
            qtbot.keyClick(window.meter_field.edit, key)  # no amount for them
            qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
            close_dialogs(world.app)
        elif sale % 5 == 3:  # a digit wrong, then the number read again
            window.meter_field.edit.selectAll()
            qtbot.keyClicks(window.meter_field.edit, mistyped(number))
            qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
            close_dialogs(world.app)
        type_number(qtbot, window, number)
        if sale % 7 == 0:  # an amount chosen, then the number typed again: it goes
            choose(qtbot, window, Qt.Key.Key_F4)
            window.meter_field.edit.clear()
            type_number(qtbot, window, number)
            assert window.amount_panel.net_field.text() == ""
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)  # to the amount
        choose(qtbot, window, key)
        outcome = enter_sells(qtbot, window)
        expected.append((number, amounts[key]))
        assert outcome.meter_number == number
        assert window.meter_field.edit.hasFocus()
    elapsed = time.perf_counter() - started
    QApplication.processEvents()
    assert world.vends() == expected  # one sale per Enter, to the customer on screen
    assert window.size() == size
    assert window.breakdown_panel.energy_value.font().pointSize() == energy_points
    assert not window.scroll_area.horizontalScrollBar().isVisible()
    print(f"100 sales with refusals: {elapsed:.1f} s")
