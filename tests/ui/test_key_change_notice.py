"""The cashier's screen says, before the sale, that a meter flagged for a key change gets
its key change tokens first (docs/key-changes.md)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import GOOD_METER, KEY_CHANGE_METER, FakeCounter
from tests.ui.screenshots import SCREENS, save_screen


def test_a_flagged_meter_is_announced_before_the_sale(
    qtbot: QtBot, counter_app: CounterApp, fake_counter: FakeCounter, screens_dir: Path
) -> None:
    window = log_in(qtbot, counter_app, "ANN", "pw-ann")
    window.resize(*SCREENS["1366x768"])
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, KEY_CHANGE_METER)
    status = window.customer_panel.values["status"].text()
    assert "KEY CHANGE" in status
    assert "2 key change tokens before the credit token" in status
    save_screen(window, screens_dir, "30-key-change-announced")
    # Another meter: no such notice.
    window.meter_field.edit.clear()
    with qtbot.waitSignal(window.customer_shown, timeout=5000):
        qtbot.keyClicks(window.meter_field.edit, GOOD_METER)
    assert window.customer_panel.values["status"].text() == "Active"
