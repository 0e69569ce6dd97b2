"""Pictures of the card sales notice and of a card waiting for a token vend, rendered with
real fonts (docs/screens/20-*.png ... 23-*.png; how to refresh them: docs/ui.md)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from tests.ui.counter_helpers import open_counter
from tests.ui.fake_cards import FakeCards, card, flagged_reading, pending_sale
from tests.ui.fake_services import GOOD_METER, OTHER_METER, FakeCounter
from tests.ui.screenshots import app_look, save  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow


def test_card_notice_screens(
    qtbot: QtBot,
    card_counter_app: CounterApp,
    fake_counter: FakeCounter,
    fake_cards: FakeCards,
    screens_dir: object,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
) -> None:
    fake_cards.pending = [
        pending_sale(1, OTHER_METER, "SUN0000000000A17", "Pieter van Wyk"),
        pending_sale(2, GOOD_METER, "SUN0000000000B42"),
    ]
    fake_cards.flagged = [flagged_reading(1, OTHER_METER, days_ago=1)]  # SUP reviews them
    window = open_counter(qtbot, card_counter_app)
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F3)
    assert window.pending_notice.isVisible()
    qtbot.waitUntil(window.flagged_hint.isVisible, timeout=5000)
    save(window, screens_dir, "20-card-notice")  # type: ignore[arg-type]
    switch_language("fr")
    qtbot.waitUntil(lambda: "Ventes sur carte" in window.pending_notice.title.text())
    save(window, screens_dir, "21-card-notice-french")  # type: ignore[arg-type]
    switch_language("zh_CN")
    qtbot.waitUntil(lambda: "未完成" in window.pending_notice.title.text())
    save(window, screens_dir, "22-card-notice-chinese")  # type: ignore[arg-type]
    switch_language("en")

    # A card goes in while the token vend waits for the module.
    fake_counter.vend_gate = threading.Event()
    with qtbot.waitSignal(window.vend_started, timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert window.card_mode is not None
    fake_cards.insert(card("SUN0000000000A17"))
    qtbot.waitUntil(lambda: window.card_mode is not None and window.card_mode.waiting is not None)
    save(window, screens_dir, "23-card-waiting-for-the-vend")  # type: ignore[arg-type]
    fake_counter.vend_gate.set()
    qtbot.waitUntil(lambda: window.card_mode is not None and window.card_mode.active)
