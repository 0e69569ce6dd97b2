"""The cashier's day on the window, driven from the keyboard like a cashier would."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import BLACKLISTED_METER, GOOD_METER, OTHER_METER, FakeCounter


def type_meter(qtbot: QtBot, window, number: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, number)


def test_quick_vend_from_the_keyboard_only(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    type_meter(qtbot, window, GOOD_METER)
    assert window.customer_panel.values["name"].text().startswith("Thandi Mokoena")
    assert "12 Acacia Road" in window.customer_panel.values["address"].text()
    assert "35.00" in window.customer_panel.values["debt"].text()

    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)  # the 50.00 button
    assert window.amount_panel.net_field.text() == "50.00"
    with qtbot.waitSignal(window.voucher_printed, timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)

    assert len(fake_counter.vends) == 1
    vend = fake_counter.vends[0]
    assert vend.net == Decimal("50.00")
    shown = window.token_panel.token_label.text()
    assert shown == " ".join(vend.token[i : i + 4] for i in range(0, 20, 4))
    assert window.token_panel.voucher_state.text() == "Voucher printed."
    # Ready for the next customer: the number is gone, the cursor is back in its field.
    assert window.meter_field.edit.text() == ""
    assert window.meter_field.edit.hasFocus()
    # The next customer's number greys the token out: nobody reads it to the wrong person.
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, OTHER_METER)
    assert window.token_panel.title() == "Previous sale"
    assert "9e9e9e" in window.token_panel.token_label.styleSheet()


def test_manual_amount_with_change(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    type_meter(qtbot, window, GOOD_METER)
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)  # Enter moves to the amount
    assert window.amount_panel.net_field.hasFocus()
    with qtbot.waitSignal(window.quote_shown, timeout=5000) as quoted:
        qtbot.keyClicks(window.amount_panel.net_field, "73.50")
    quote = quoted.args[0]
    assert quote.net == Decimal("73.50")
    assert sum(line.amount for line in quote.lines) + quote.amount == quote.net
    assert window.breakdown_panel.energy_value.text() == f"{quote.energy_kwh} kWh"
    qtbot.keyClicks(window.amount_panel.paid_field, "100")
    assert window.amount_panel.change_value.text() == "ZAR\u00a026.50"  # never split
    with qtbot.waitSignal(window.vend_finished, timeout=5000) as finished:
        qtbot.keyClick(window.amount_panel.paid_field, Qt.Key.Key_Return)
    outcome = finished.args[0]
    assert outcome.change == Decimal("26.50")
    assert outcome.paid == Decimal("100.00")
    assert fake_counter.vends[0].net == Decimal("73.50")


def test_too_many_decimals_are_refused_before_pricing(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    type_meter(qtbot, window, GOOD_METER)
    qtbot.keyClicks(window.amount_panel.net_field, "12.345")
    assert "at most 2 decimals" in window.amount_panel.problem.text()
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=2000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert shown.args[0] == "ui.amount_not_valid"
    assert fake_counter.vends == []


def test_wrong_check_digit_is_refused_as_you_type(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    wrong = GOOD_METER[:-1] + str((int(GOOD_METER[-1]) + 1) % 10)
    qtbot.keyClicks(window.meter_field.edit, wrong)
    assert not window.meter_field.is_confirmed
    assert "probably mistyped" in window.meter_field.status.text()
    assert "should be" not in window.meter_field.status.text()  # no hint to "fix" it
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    assert window.amount_panel.net_field.text() == ""  # no amount before a valid number
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=2000) as shown:
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    assert shown.args[0] == "ui.meter_mistyped"
    assert fake_counter.vends == []
    assert window.customer_panel.card is None


def test_blacklisted_customer_is_refused_with_the_reason(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    type_meter(qtbot, window, BLACKLISTED_METER)
    assert "meter tampered, case 4471" in window.customer_panel.values["status"].text()
    assert "meter tampered, case 4471" in window.meter_field.status.text()  # said at look-up
    qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    assert window.amount_panel.net_field.text() == ""  # no amount for a refused customer
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(counter_app.funnel.shown, timeout=2000) as shown:
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_Return)
    assert shown.args[0] == "ui.customer_blacklisted"
    assert "meter tampered, case 4471" in shown.args[1]
    assert fake_counter.vends == []


def test_a_second_enter_during_a_vend_starts_nothing(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    import threading

    fake_counter.vend_gate = threading.Event()
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    type_meter(qtbot, window, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    with qtbot.waitSignal(window.vend_started, timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert window.vending
    assert not window.vend_button.isEnabled()
    assert "Vending" in window.busy_label.text()
    for _ in range(3):
        window.start_vend()
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.vend_finished, timeout=5000):
        fake_counter.vend_gate.set()
    QApplication.processEvents()
    assert len(fake_counter.vends) == 1
    assert not window.vending


def test_above_the_warn_amount_the_cashier_must_confirm(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    type_meter(qtbot, window, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClicks(window.amount_panel.net_field, "1500")
    assert "more than the usual amount" in window.breakdown_panel.note.text()
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    box = window.warn_box
    assert box is not None and box.isVisible()
    assert "ZAR\u00a01,500.00" in box.text() and "Thandi Mokoena" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter alone answers No
    assert fake_counter.vends == []
    qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    box = window.warn_box
    with qtbot.waitSignal(window.vend_finished, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert [vend.net for vend in fake_counter.vends] == [Decimal("1500.00")]
