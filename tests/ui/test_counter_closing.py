"""A counter window that closes takes the boxes it opened with it: a box is a window of its
own, and one left on screen stays modal over whatever opens next."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from starpos.ui.counter_app import CounterApp
from starpos.ui.counter_errors import PaidTooLittle
from tests.ui.counter_helpers import open_counter
from tests.ui.fake_services import FakeAuth, FakeCounter


def test_shutting_the_counter_down_closes_the_box_its_window_showed(
    qtbot: QtBot, fake_auth: FakeAuth, fake_counter: FakeCounter
) -> None:
    app = CounterApp(fake_auth, fake_counter)
    qtbot.addWidget(app.login_window)
    app.start()
    try:
        window = open_counter(qtbot, app)
        app.funnel.show_failure(PaidTooLittle(paid="ZAR 10.00", net="ZAR 20.00"), window)
        box = app.funnel.last_dialog
        assert box is not None
        qtbot.waitUntil(box.isVisible, timeout=20_000)
    finally:
        app.shut_down()
    assert not box.isVisible()
    assert not window.isVisible()
