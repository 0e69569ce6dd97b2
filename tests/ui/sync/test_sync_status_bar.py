"""The head office in the counter's status bar, fed by a background sync on a worker of its
own: a real sync station on a real store, whose head office is a port nobody listens on
(the network failing for real, not a fake answer)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStatusBar
from pytestqt.qtbot import QtBot

from starpos.db import Database
from starpos.db.models import SyncState
from starpos.sync.keys import new_key, save_key
from starpos.sync.station import CardGaveWay, SyncStation, SyncView
from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from starpos.ui.widgets.sync_status import (
    PROBLEM_STYLE,
    SYNC_WORKER,
    SyncStatusLabel,
    SyncWatch,
)
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import FakeAuth, FakeCounter


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _enrol(database: Database) -> None:
    save_key(new_key())  # in the test's data folder
    with database.unit_of_work() as uow:
        uow.session.add(
            SyncState(
                id=1,
                server_url=f"http://127.0.0.1:{_closed_port()}",
                key_id="-",
                terminal_code="T01",
                sales_point_code="SP01",
                enrolled_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
            )
        )
        uow.commit()


@pytest.fixture
def watch(qtbot: QtBot, demo_database: Database) -> Iterator[SyncWatch]:
    switch_language("en")
    made = SyncWatch(SyncStation(demo_database))
    made.timer.stop()  # the test says when
    yield made
    made.stop()


def _synced(qtbot: QtBot, watch: SyncWatch) -> None:
    watch.sync_now()
    qtbot.waitUntil(lambda: watch.last is not None and not watch.worker.busy, timeout=15_000)


def test_a_counter_without_a_head_office_shows_nothing(
    qtbot: QtBot, watch: SyncWatch, demo_database: Database
) -> None:
    bar = _bar(qtbot)
    label = watch.show_in(bar)
    _synced(qtbot, watch)
    assert watch.last is not None and not watch.last.enrolled
    assert not label.isVisibleTo(bar)


def test_an_unreachable_head_office_shows_offline_since_and_what_waits(
    qtbot: QtBot, watch: SyncWatch, demo_database: Database
) -> None:
    _enrol(demo_database)
    bar = _bar(qtbot)
    label = watch.show_in(bar, "Africa/Lagos")
    _synced(qtbot, watch)
    view = watch.last
    assert view is not None and view.enrolled and not view.online
    assert view.offline_since == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # never reached
    assert view.waiting > 0  # the demo's audit entries, never sent
    assert label.isVisibleTo(bar)
    assert label.text().startswith("Head office: offline since 2026-12-01 09:00")
    assert f"{view.waiting} waiting" in label.text()
    assert "cannot be reached" in label.toolTip()
    assert watch.worker.name == SYNC_WORKER  # run there: SyncOnWorker refuses any other


def test_the_counter_window_shows_the_sync_state(
    qtbot: QtBot, demo_database: Database, fake_auth: FakeAuth, fake_counter: FakeCounter
) -> None:
    _enrol(demo_database)
    switch_language("en")
    app = CounterApp(fake_auth, fake_counter, sync=SyncStation(demo_database))
    qtbot.addWidget(app.login_window)
    try:
        app.start()
        window = log_in(qtbot, app, "SUP", "pw-sup")
        assert app.sync_watch is not None
        _synced(qtbot, app.sync_watch)
        label = window.statusBar().findChild(SyncStatusLabel, "statusSync")
        assert label is not None
        qtbot.waitUntil(lambda: "offline since" in label.text(), timeout=5000)
    finally:
        app.shut_down()


def _bar(qtbot: QtBot) -> QStatusBar:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


class _GaveWayOnce:
    """A station whose first sync ended a card of the counter's (SYN-47), and whose later
    ones end nothing more."""

    def __init__(self) -> None:
        self.runs = 0

    def run(self) -> SyncView:
        self.runs += 1
        gave_way = (CardGaveWay("0047100000117", 2),) if self.runs == 1 else ()
        return SyncView(enrolled=True, online=True, last_sync=datetime.now(UTC), gave_way=gave_way)


def test_a_card_that_gave_way_stays_in_the_label_and_is_told_once_to_an_open_window(
    qtbot: QtBot,
) -> None:
    switch_language("en")
    watch = SyncWatch(_GaveWayOnce())
    watch.timer.stop()
    try:
        shown, hidden = QMainWindow(), QMainWindow()  # a window logged out of is hidden
        for window in (shown, hidden):
            qtbot.addWidget(window)
        shown.show()
        label = watch.show_in(shown.statusBar())
        unseen = watch.show_in(hidden.statusBar())
        _synced(qtbot, watch)
        assert "⚠ 1 card no longer valid" in label.text()
        assert "Meter 0047100000117: the card of issue 2" in label.toolTip()
        assert label.styleSheet() == PROBLEM_STYLE  # online, and still red
        box = shown.findChild(QMessageBox, "cardsGaveWay")
        assert box is not None and box.isVisible() and not box.isModal()
        assert hidden.findChild(QMessageBox, "cardsGaveWay") is None
        assert "1 card no longer valid" in unseen.text()  # said once it is shown
        before = watch.last
        watch.sync_now()
        qtbot.waitUntil(lambda: watch.last is not before and not watch.worker.busy, timeout=20_000)
        assert "⚠ 1 card no longer valid" in label.text()
        assert len(shown.findChildren(QMessageBox, "cardsGaveWay")) == 1
        opened_after = QMainWindow()
        qtbot.addWidget(opened_after)
        later = watch.show_in(opened_after.statusBar())
        assert "1 card no longer valid" in later.text()
    finally:
        watch.stop()


def test_credit_blocks_waiting_for_the_module_are_said_in_the_label_and_tooltip(
    qtbot: QtBot,
) -> None:
    """A sale was using the module, so the sync left the blocks for the next one (SYN-57):
    said, in the language of the window, and not as a problem."""
    switch_language("en")
    label = SyncStatusLabel()
    bar = _bar(qtbot)
    bar.addPermanentWidget(label)
    now = datetime.now(UTC)
    label.show_view(SyncView(enrolled=True, online=True, last_sync=now, credit_waiting=2))
    try:
        assert "credit block waiting" in label.text()
        assert label.styleSheet() != PROBLEM_STYLE
        assert "2 credit blocks from the head office wait" in label.toolTip()
        switch_language("fr")
        qtbot.waitUntil(lambda: "bloc de crédit en attente" in label.text(), timeout=20_000)
        assert "2 blocs de crédit du siège attendent" in label.toolTip()
        switch_language("zh_CN")
        qtbot.waitUntil(lambda: "额度块等待中" in label.text(), timeout=20_000)
        assert "2 个总部额度块在等待" in label.toolTip()
    finally:
        switch_language("en")
