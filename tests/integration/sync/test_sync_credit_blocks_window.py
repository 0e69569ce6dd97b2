"""The counter window's background sync applies the head office's credit blocks (SYN-57)
with the module the sales use, borrowed between them: a sale using the module wins and the
block waits for the next sync; a sale that starts while a block is applied waits for it and
then sells on the credited module; a module that is gone fails the block, not the sync.

Real processes: PostgreSQL, ``starpos server run``, the counter's module emulator on its
pty; in this process the counter's own core (its module link, kept open and claimed as the
app keeps it) and the sync station the window runs, on the window's sync worker.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_on
from starpos.counter import Counter as CounterCore
from starpos.counter.views import VendOutcome
from starpos.db.enums import CreditUpdateState
from starpos.db.models import ModuleCreditUpdate
from starpos.devices.sm.driver import SecureModule
from starpos.settings import Settings
from starpos.sync.station import SyncStation
from starpos.ui.translator import switch_language
from starpos.ui.widgets.sync_status import PROBLEM_STYLE, SyncStatusLabel, SyncWatch
from starpos.vending import VendRequest
from starpos.vending.errors import ModuleOfflineError
from starpos.vending.reconcile import reconcile
from tests.integration.sync.sync_world import Counter, HeadOffice, set_setting
from tests.integration.sync.test_sync_credit_blocks import block_states, issue, sync

pytestmark = pytest.mark.postgres

MODULE = "30000000"


@pytest.fixture
def counter(
    head_office: HeadOffice,
    make_counters: Callable[..., list[Counter]],
    monkeypatch: pytest.MonkeyPatch,
) -> Counter:
    """An enrolled counter whose module serves its store, known to the head office."""
    (made,) = make_counters(1)
    made.enrol(head_office)
    sold = made.sell(made.meters[0], "20")
    assert sold.returncode == 0, sold.stderr
    sync(made)
    set_setting(made.folder, "terminal.code", made.terminal)
    monkeypatch.setenv("STARPOS_DATA_DIR", str(made.folder))  # its key, its settings
    return made


def _issued(head_office: HeadOffice, counter: Counter, kwh: str) -> str:
    made = issue(head_office, counter, "--module", MODULE, "--add", kwh)
    assert made.returncode == 0, made.stderr
    digest: str = json.loads(made.stdout)["block_digest"]
    return digest


def balance(core: CounterCore) -> Decimal:
    """The module's own balance, asked through the counter's link (it holds the port)."""
    found = core.module.state().balance_kwh
    assert found is not None
    return found


def _applied(core: CounterCore, digest: str) -> list[CreditUpdateState]:
    with core.database.reading() as session:
        return list(
            session.scalars(
                select(ModuleCreditUpdate.state).where(ModuleCreditUpdate.block_digest == digest)
            )
        )


class Sale(threading.Thread):
    """A sale on its own thread, as the window's module worker runs one."""

    def __init__(self, core: CounterCore, counter: Counter, net: str) -> None:
        super().__init__(name="module-worker")
        self.core, self.counter, self.net = core, counter, net
        self.inside = threading.Event()  # the sale holds the module
        self.go_on = threading.Event()
        self.go_on.set()
        self.outcome: VendOutcome | BaseException | None = None

    def run(self) -> None:
        try:
            operator = self.core.auth.login(self.counter.operator, "cash-demo")
            request = VendRequest(self.counter.meters[1].number, Decimal(self.net), "")
            with self.core.module.access().exclusive():  # the sale's turn, as sell takes it
                self.inside.set()
                self.go_on.wait(120)
                self.outcome = self.core.vend(request, operator)
        except BaseException as error:  # said by the test, on its own thread
            self.outcome = error
            self.inside.set()


def test_the_window_sync_credits_the_module_between_sales_and_never_stops_for_it(
    qtbot: QtBot, head_office: HeadOffice, counter: Counter, tmp_path: Path
) -> None:
    switch_language("en")
    database = counter.database()
    _auth, core = counter_on(database, Settings())
    station = SyncStation(database, open_module=core.module.lent)
    try:
        start = balance(core)
        # 1. A sale holds the module while the sync wants it: the sale wins, the block waits,
        # the rest of the sync goes through; neither is lost.
        first = _issued(head_office, counter, "500")
        sale = Sale(core, counter, "20")
        sale.go_on.clear()
        sale.start()
        assert sale.inside.wait(120)
        view = station.run()
        assert view.credit_waiting == 1 and view.credited == () and view.credit_failed == ()
        assert view.online and view.problem is None
        assert _applied(core, first) == []
        sale.go_on.set()
        sale.join(120)
        sold = sale.outcome
        assert isinstance(sold, VendOutcome), sold
        after_sale = balance(core)
        assert after_sale == start - sold.energy_kwh
        view = station.run()  # the next sync, between sales
        (credit,) = view.credited
        assert credit.operator == "INST1" and credit.module_id == MODULE
        assert credit.balance_kwh == after_sale + 500 == balance(core)
        assert _applied(core, first) == [CreditUpdateState.APPLIED]
        assert view.waiting == 0  # pushed: the head office saw it applied
        assert dict(block_states(head_office))[first] == "applied"

        # 2. A sale that starts while a block is applied waits for it, then sells on the
        # credited module (its credit check sees the new balance); through the window's
        # sync worker and label.
        second = _issued(head_office, counter, "300")
        late = Sale(core, counter, "30")

        @contextmanager
        def lent_then_a_sale() -> Iterator[SecureModule]:
            with core.module.lent() as module:
                if late.ident is None:  # the block's turn (the reconcile after lends again)
                    late.start()
                    assert late.inside.wait(0.5) is False  # it waits for the block's turn
                yield module

        station.open_module = lent_then_a_sale
        watch = SyncWatch(station)
        watch.timer.stop()  # the test says when
        window = QMainWindow()
        qtbot.addWidget(window)
        label = watch.show_in(window.statusBar())
        window.show()
        watch.sync_now()
        qtbot.waitUntil(lambda: watch.last is not None and not watch.worker.busy, timeout=120_000)
        late.join(120)
        sold_late = late.outcome
        assert isinstance(sold_late, VendOutcome), sold_late
        assert watch.last is not None
        (credit,) = watch.last.credited
        assert credit.balance_kwh == after_sale + 500 + 300
        assert balance(core) == credit.balance_kwh - sold_late.energy_kwh
        assert _applied(core, second) == [CreditUpdateState.APPLIED]
        assert "credit received" in label.text() and label.styleSheet() != PROBLEM_STYLE
        assert f"module {MODULE} has {credit.balance_kwh} kWh" in label.toolTip()
        with core.module.access().exclusive() as module:  # the books agree with the module
            assert reconcile(database, module).agrees
        _screens(window, label, "sync-credit-received")

        # 3. The module is gone: the block fails and says why; pushed, pulled all the same.
        third = _issued(head_office, counter, "100")
        station.open_module = core.module.lent
        core.module.drop()
        assert counter.module is not None
        counter.module.stop()
        before = watch.last
        watch.sync_now()
        qtbot.waitUntil(lambda: watch.last is not before and not watch.worker.busy, timeout=120_000)
        view = watch.last
        assert view is not None and view.online and view.waiting == 0
        (failed,) = view.credit_failed
        assert isinstance(failed.params["reason"], ModuleOfflineError)
        assert _applied(core, third) == []  # as it was: not even a pending row
        assert dict(block_states(head_office))[third] != "applied"
        assert "credit block not applied" in label.text()
        assert label.styleSheet() == PROBLEM_STYLE
        assert third in label.toolTip() and "does not answer" in label.toolTip()
        assert "credit received" in label.text()  # the earlier credit is still said
        _screens(window, label, "sync-credit-failed")
        switch_language("fr")
        qtbot.waitUntil(lambda: "bloc de crédit non appliqué" in label.text(), timeout=20_000)
        assert "ne répond pas" in label.toolTip()
        watch.stop()
    finally:
        switch_language("en")
        core.module.close()
        database.close()


def _screens(window: QMainWindow, label: SyncStatusLabel, name: str) -> None:
    if not os.environ.get("STARPOS_SCREENS_DIR"):
        return
    from tests.ui.screenshots import save

    folder = Path(os.environ["STARPOS_SCREENS_DIR"])
    window.resize(1100, 120)
    save(window, folder, name)
    tip = QLabel()
    tip.setText(label.toolTip())  # the tooltip's text as the cashier reads it
    tip.setStyleSheet("background: #ffffdc; border: 1px solid #888; padding: 4px;")
    tip.setWordWrap(True)
    tip.resize(760, tip.heightForWidth(760))
    save(tip, folder, f"{name}-tooltip")
