"""The counter fits the cashier's screen in card mode too: the customer, the card in the
reader and the token share the left column of a 1366x768 or 1024x768 screen, in every
language, without scrolling (issue 11, item 5)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from starpos.counter.views import CardReading, CardTamper
from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from tests.ui.counter_helpers import open_counter
from tests.ui.fake_cards import READER, FakeCards
from tests.ui.fake_services import OTHER_METER, FakeCounter
from tests.ui.screenshots import SCREENS, app_look, save  # noqa: F401 (fixture)
from tests.ui.test_card_notice import insert

pytestmark = pytest.mark.slow


def a_card_back_from_its_meter() -> CardReading:
    """A card with everything the panel can show: months, a tamper, an overload."""
    when = datetime(2026, 11, 23, 8, 0)
    return CardReading(
        reader=READER,
        serial="82F5E6EB546FECC4",
        meter_number=OTHER_METER,
        issue_number=1,
        sellable=True,
        has_meter_data=True,
        remaining_kwh=Decimal("250.2"),
        cumulative_kwh=Decimal("1000.0"),
        monthly_kwh=(Decimal("36.0"), Decimal("41.5"), Decimal("38.2")),
        meter_clock=when,
        tamper_count=1,
        tampers=(CardTamper("cover opened", when),),
        overload_count=1,
    )


def test_card_mode_fits_both_screens_in_every_language(
    qtbot: QtBot,
    screens_dir: Path,
    app_look: None,  # noqa: F811 (the app's font, before the window is made)
    card_counter_app: CounterApp,
    fake_counter: FakeCounter,
    fake_cards: FakeCards,
) -> None:
    window = open_counter(qtbot, card_counter_app)
    window.activateWindow()  # no window manager to do it
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    insert(qtbot, window, fake_cards, a_card_back_from_its_meter())
    qtbot.waitUntil(lambda: window.card is not None, timeout=5000)
    with qtbot.waitSignal(window.quote_shown, timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_F2)
    for language in ("en", "fr", "zh_CN"):
        switch_language(language)
        for screen, (width, height) in SCREENS.items():
            window.resize(width, height)
            QApplication.processEvents()
            chrome = window.menuBar().height() + window.status.height()
            needed = window.page.heightForWidth(width)
            assert needed <= height - chrome, (language, screen, needed)
            assert not window.scroll_area.verticalScrollBar().isVisible(), (language, screen)
            if (language, screen) == ("zh_CN", "1024x768"):  # the tallest of them
                save(window, screens_dir, "38-card-mode-1024x768-chinese")
    switch_language("en")
