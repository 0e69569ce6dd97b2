"""A card the counter issued that the head office did not book gives way on the pull
(SYN-47), and the people at the counter are told: ``starpos sync pull`` says it in a line
of its own, and the counter window's background sync in its status bar and in one box that
blocks nothing (SYN-50). A real head office (the server process on PostgreSQL), a real
counter store, the real commands and sync station."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.db.enums import MeterMedium
from starpos.db.models import Meter
from starpos.server.store import HeadOffice
from starpos.sync.station import CardGaveWay, SyncStation
from starpos.ui.counter_app import CounterApp
from starpos.ui.translator import switch_language
from starpos.ui.widgets.sync_status import SyncStatusLabel
from tests.integration.sync.sync_world import Counter
from tests.integration.sync.sync_world import HeadOffice as HeadOfficeProcesses
from tests.integration.sync.test_sync_card_downlink import _cards, _issue, counter_issued_its_own
from tests.ui.counter_helpers import log_in
from tests.ui.fake_services import FakeAuth, FakeCounter

pytestmark = pytest.mark.postgres

#: The card another counter issued that the head office booked (issue 1).
KEPT_CARD = "00000000000000A1"


@pytest.fixture
def gave_way(
    head_office: HeadOfficeProcesses,
    office: HeadOffice,
    make_counters: Callable[..., list[Counter]],
) -> tuple[Counter, str]:
    """An enrolled counter, in step with the head office, that issued a card meter a card
    the head office never heard of, while the head office booked another counter's card
    for that meter: the counter's next pull ends its card. The counter and the meter."""
    (counter,) = make_counters(1, modules=False)
    counter.enrol(head_office)
    assert counter.push().returncode == 0
    counter.pull()
    assert counter.status().waiting == 0  # acknowledged: the head office's cards win
    with office.transaction() as session:
        number = session.scalar(
            select(Meter.number).where(Meter.medium == MeterMedium.CARD).order_by(Meter.number)
        )
    assert number is not None
    with counter.database() as database:
        counter_issued_its_own(database, number)  # its issue 2 active
    _issue(office, number, KEPT_CARD, 1)
    return counter, number


def test_sync_pull_says_which_card_gave_way_in_a_line_of_its_own(
    gave_way: tuple[Counter, str],
) -> None:
    counter, number = gave_way
    pulled = counter.run("sync", "pull")
    assert pulled.returncode == 0, pulled.stderr
    said = [line for line in pulled.stdout.splitlines() if line.startswith("Ended here")]
    assert said == [
        "Ended here because the head office kept another one (its findings say why; meter "
        f"and issue number for a card): cards {number} 2"
    ]
    with counter.database() as database:
        assert _cards(database, number) == [(KEPT_CARD, 1, "active", False)]
    again = counter.run("sync", "pull")  # said once: nothing more gives way
    assert again.returncode == 0 and "Ended here" not in again.stdout, again.stdout


def test_the_counter_window_says_the_card_no_longer_counts_without_stopping_the_sale(
    qtbot: QtBot, gave_way: tuple[Counter, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    counter, number = gave_way
    monkeypatch.setenv("STARPOS_DATA_DIR", str(counter.folder))  # its key, its settings
    switch_language("en")
    with counter.database() as database:
        app = CounterApp(FakeAuth(), FakeCounter(), sync=SyncStation(database))
        qtbot.addWidget(app.login_window)
        try:
            app.start()
            watch = app.sync_watch
            assert watch is not None
            watch.timer.stop()  # the test says when
            window = log_in(qtbot, app, "SUP", "pw-sup")
            window.activateWindow()  # no window manager here to do it
            qtbot.waitUntil(window.isActiveWindow, timeout=20_000)
            window.meter_field.edit.setFocus()
            with qtbot.waitSignal(watch.cards_gave_way, timeout=60_000) as told:
                watch.sync_now()
            assert told.args[0] == (CardGaveWay(number, 2),)
            label = window.statusBar().findChild(SyncStatusLabel, "statusSync")
            assert label is not None
            qtbot.waitUntil(lambda: "1 card no longer valid" in label.text(), timeout=20_000)
            assert f"Meter {number}: the card of issue 2" in label.toolTip()
            box = window.findChild(QMessageBox, "cardsGaveWay")
            assert box is not None and box.isVisible()
            assert f"Meter {number}: the card of issue 2" in box.informativeText()
            # Nothing waits on it: no modal box, the cursor where the cashier types.
            assert not box.isModal() and QApplication.activeModalWidget() is None
            assert window.meter_field.edit.hasFocus()
            if os.environ.get("STARPOS_SCREENS_DIR"):  # docs/screens: the window and its box
                from tests.ui.screenshots import save

                window.resize(1366, 768)
                save(window, Path(os.environ["STARPOS_SCREENS_DIR"]), "sync-card-gave-way")
                save(box, Path(os.environ["STARPOS_SCREENS_DIR"]), "sync-card-gave-way-box")
            # Said once: the next sync keeps the label, opens no second box.
            before = watch.last
            watch.sync_now()
            qtbot.waitUntil(
                lambda: watch.last is not before and not watch.worker.busy, timeout=60_000
            )
            assert watch.gave_way == [CardGaveWay(number, 2)]
            assert len(window.findChildren(QMessageBox, "cardsGaveWay")) == 1
            assert "1 card no longer valid" in label.text()
            switch_language("fr")
            qtbot.waitUntil(lambda: "1 carte n'est plus valable" in label.text(), timeout=20_000)
        finally:
            switch_language("en")
            app.shut_down()
