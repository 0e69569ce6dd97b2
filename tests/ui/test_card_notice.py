"""The notice of card sales left in doubt, and a card inserted during a token vend, on the
window with in-memory services (the card service of tests/ui/fake_cards.py)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.counter.views import CardReading, DeviceState
from starpos.db.unit_of_work import DatabaseBusyError
from starpos.ui.cards.readings_dialog import MeterReadingsDialog
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.ui.translator import switch_language
from tests.ui.counter_helpers import log_in, open_counter
from tests.ui.fake_cards import (
    READER,
    SERIAL_A,
    SERIAL_B,
    FakeCards,
    card,
    flagged_reading,
    pending_sale,
)
from tests.ui.fake_services import GOOD_METER, OTHER_METER, FakeCounter


def insert(qtbot: QtBot, window: PosWindow, cards: FakeCards, reading: CardReading) -> None:
    notice = window.pending_notice
    assert window.card_mode is not None
    # The notice asks again after every card read.
    with qtbot.waitSignals([window.card_mode.card_read, notice.sales_shown], timeout=5000):
        cards.insert(reading)


def test_no_notice_when_no_card_sale_is_in_doubt(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    window = open_counter(qtbot, card_counter_app)
    assert window.pending_notice.sales == ()
    assert not window.pending_notice.isVisible()
    assert fake_cards.threads["pending_sales"] == {"database"}  # never the card reader's


def test_the_notice_lists_each_sale_and_empties_as_their_cards_come_back(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    fake_cards.pending = [
        pending_sale(1, OTHER_METER, SERIAL_A, "Pieter van Wyk"),
        pending_sale(2, GOOD_METER, SERIAL_B),
    ]
    window = open_counter(qtbot, card_counter_app)
    notice = window.pending_notice
    assert notice.isVisible()
    title, rows = notice.title.text(), notice.rows.text()
    assert title.startswith("Card sales left unfinished: 2.")
    assert "do not refund" in title
    first, second = rows.split("\n• ")
    assert "Bill V2611SP0100001" in first and f"meter {OTHER_METER}" in first
    assert "Pieter van Wyk" in first and "55.3 kWh" in first
    assert "started 2026-11-21 16:41" in first
    assert (
        f"Ask the customer to bring card {SERIAL_A} of meter {OTHER_METER}; inserting it "
        "finishes or cancels the sale."
    ) in first
    assert "V2611SP0100002" in second and SERIAL_B in second and "Thandi Mokoena" in second

    # The counter keeps working under the notice: nothing waits for an answer.
    assert window.meter_field.edit.hasFocus() or not window.isActiveWindow()
    assert card_counter_app.funnel.last_dialog is None

    insert(qtbot, window, fake_cards, card(SERIAL_A))  # the read settles sale 1
    assert [sale.bill_number for sale in notice.sales] == ["V2611SP0100002"]
    assert notice.title.text().startswith("Card sales left unfinished: 1.")
    assert "V2611SP0100001" not in notice.rows.text()
    with qtbot.waitSignal(window.card_mode.left, timeout=5000):  # type: ignore[union-attr]
        fake_cards.remove()

    insert(qtbot, window, fake_cards, card(SERIAL_B, GOOD_METER))
    assert notice.sales == ()
    assert not notice.isVisible()


def test_many_sales_are_summed_up_and_the_notice_speaks_french(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    fake_cards.pending = [pending_sale(n, OTHER_METER, f"SUN00000000000{n:02d}") for n in range(5)]
    window = open_counter(qtbot, card_counter_app)
    rows = window.pending_notice.rows.text()
    assert rows.count("• ") == 3
    assert rows.endswith("… and 2 more (the oldest are listed first).")
    switch_language("fr")
    qtbot.waitUntil(
        lambda: window.pending_notice.title.text().startswith("Ventes sur carte inachevées : 5."),
        timeout=3000,
    )
    assert "Demandez au client d’apporter la carte SUN0000000000000" in (
        window.pending_notice.rows.text()
    )


def _start_held_token_vend(qtbot: QtBot, window: PosWindow, counter: FakeCounter) -> None:
    counter.vend_gate = threading.Event()
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F1)
    with qtbot.waitSignal(window.vend_started, timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert window.vending


def test_a_card_inserted_during_a_token_vend_is_read_after_the_token_shows(
    qtbot: QtBot, card_counter_app: CounterApp, fake_counter: FakeCounter, fake_cards: FakeCards
) -> None:
    window = open_counter(qtbot, card_counter_app)
    mode = window.card_mode
    assert mode is not None
    _start_held_token_vend(qtbot, window, fake_counter)

    fake_cards.insert(card(SERIAL_A))
    qtbot.waitUntil(lambda: mode.waiting == READER, timeout=5000)
    assert not mode.active and fake_cards.reads == []  # the customer is not swapped
    assert window.meter_field.digits == GOOD_METER
    assert "A card was inserted: it is read once this sale is done." in window.busy_label.text()

    order: list[str] = []
    window.vend_finished.connect(lambda outcome: order.append("token"))
    mode.card_read.connect(lambda reading: order.append("card"))
    with qtbot.waitSignal(mode.card_read, timeout=5000) as read:
        assert fake_counter.vend_gate is not None
        fake_counter.vend_gate.set()
    assert order == ["token", "card"]
    assert read.args[0].serial == SERIAL_A
    assert mode.active and window.card_panel.isVisible()
    assert window.token_panel.outcome is not None
    assert window.token_panel.outcome.meter_number == GOOD_METER  # the token stays shown
    assert len(fake_counter.vends) == 1
    qtbot.waitUntil(lambda: window.meter_field.digits == OTHER_METER, timeout=5000)


def test_a_card_in_and_out_during_a_token_vend_is_forgotten(
    qtbot: QtBot, card_counter_app: CounterApp, fake_counter: FakeCounter, fake_cards: FakeCards
) -> None:
    window = open_counter(qtbot, card_counter_app)
    mode = window.card_mode
    assert mode is not None
    _start_held_token_vend(qtbot, window, fake_counter)
    fake_cards.insert(card(SERIAL_A))
    qtbot.waitUntil(lambda: mode.waiting == READER, timeout=5000)
    fake_cards.remove()
    qtbot.waitUntil(lambda: mode.waiting is None, timeout=5000)
    assert "A card was inserted" not in window.busy_label.text()

    with qtbot.waitSignal(window.vend_finished, timeout=5000):
        assert fake_counter.vend_gate is not None
        fake_counter.vend_gate.set()
    qtbot.wait(100)
    assert not mode.active and fake_cards.reads == []
    assert window.meter_field.digits == ""  # ready for the next customer, as after any vend


def test_the_status_bar_shows_the_card_reader_and_says_when_it_is_missing(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    window = open_counter(qtbot, card_counter_app)
    label = window.status.card_reader_label
    qtbot.waitUntil(lambda: label.text() == "Card reader: ready", timeout=5000)
    assert fake_cards.threads["reader_state"] == {"card"}  # asked on the card worker

    fake_cards.reader = DeviceState(
        online=False, detail="{reader} not connected", params={"reader": "ACS ACR38U 00 00"}
    )
    window.refresh_devices()
    qtbot.waitUntil(
        lambda: label.text() == "Card reader: ACS ACR38U 00 00 not connected", timeout=5000
    )
    assert "font-weight: bold" in label.styleSheet()
    switch_language("fr")
    qtbot.waitUntil(
        lambda: label.text() == "Lecteur de cartes : ACS ACR38U 00 00 non connecté", timeout=5000
    )


def test_a_store_that_cannot_answer_is_said_once_not_at_every_card(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    window = open_counter(qtbot, card_counter_app)
    notice = window.pending_notice
    fake_cards.pending_error = DatabaseBusyError()
    shown: list[str] = []
    card_counter_app.funnel.shown.connect(lambda code, _text: shown.append(code))
    with qtbot.waitSignal(card_counter_app.funnel.shown, timeout=5000):
        notice.refresh()
    card_counter_app.funnel.last_dialog.close()  # type: ignore[union-attr]
    notice.refresh()
    qtbot.waitUntil(lambda: not card_counter_app.workers.database.busy, timeout=5000)
    qtbot.wait(50)  # the second failure's answer reaches the GUI thread
    assert shown == [DatabaseBusyError.code]

    fake_cards.pending_error = None
    fake_cards.pending = [pending_sale(1, GOOD_METER, SERIAL_A)]
    with qtbot.waitSignal(notice.sales_shown, timeout=5000):
        notice.refresh()
    assert notice.isVisible()
    fake_cards.pending_error = DatabaseBusyError()  # failing again after an answer: said again
    with qtbot.waitSignal(card_counter_app.funnel.shown, timeout=5000):
        notice.refresh()
    assert shown == [DatabaseBusyError.code, DatabaseBusyError.code]


def test_the_supervisor_sees_this_weeks_flagged_meter_data_and_a_cashier_does_not(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    fake_cards.flagged = [
        flagged_reading(1, GOOD_METER, days_ago=1),
        flagged_reading(2, GOOD_METER, days_ago=3),
        flagged_reading(3, OTHER_METER, days_ago=2),
        flagged_reading(4, OTHER_METER, days_ago=30),  # reviewed long ago: not counted
    ]
    window = open_counter(qtbot, card_counter_app)  # SUP: may view reports
    hint = window.flagged_hint
    qtbot.waitUntil(hint.isVisible, timeout=5000)
    assert hint.text() == "⚑ Flagged meter data: 3 this week  ·  Ctrl+Shift+M or click to review"
    assert hint.toolTip().startswith("3 card reading(s) from 2 meter(s) with new tamper events")
    assert fake_cards.threads["flagged_readings"] == {"database"}
    hint.click()  # opens the meter data on the flagged readings of every meter
    dialog = window.menus.cards.dialog
    assert isinstance(dialog, MeterReadingsDialog) and dialog.flagged_only.isChecked()
    dialog.close()
    switch_language("zh_CN")
    qtbot.waitUntil(lambda: hint.text().startswith("⚑ 本周被标记的电表数据：3 条"), timeout=5000)


def test_a_cashier_is_not_shown_flagged_meter_data(
    qtbot: QtBot, card_counter_app: CounterApp, fake_cards: FakeCards
) -> None:
    fake_cards.flagged = [flagged_reading(1, GOOD_METER, days_ago=1)]
    window = log_in(qtbot, card_counter_app, "ANN", "pw-ann")
    qtbot.waitUntil(lambda: not card_counter_app.workers.database.busy, timeout=5000)
    assert not window.flagged_hint.isVisible()
    assert "flagged_readings" not in fake_cards.threads  # not even asked
