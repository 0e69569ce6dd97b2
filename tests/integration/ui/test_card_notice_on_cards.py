"""The notice of card sales left in doubt, and a card inserted during a token vend, on the
real stack: pcscd + vpcd + ``starpos card virtual``, the module emulator, the real store
and card sales core.

The sale left in doubt is made the way a crash makes it: ``starpos card vend`` killed
(SIGKILL) after it wrote the card and before it booked the sale ISSUED.
"""

from __future__ import annotations

import importlib
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.bootstrap.counter import counter_cards, counter_on
from starpos.card_sales import card_vend
from starpos.db import Database
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import Vend
from starpos.devices.printer.virtual.launcher import stop_virtual_printer
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from starpos.ui.core_services import cards_on_workers, on_workers
from starpos.ui.counter_app import CounterApp
from tests.integration.ui.card_counter import card_meter, insert, issued_card, log_in
from tests.support.data_files import SAMPLE_TABLES
from tests.support.virtual_cards import READER_1, VirtualCardProcess

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]


def vend_world() -> Any:
    """The vend tests' world (emulator with demo keys and credit, sellable meters)."""
    return importlib.import_module("tests.integration.vend.vend_world")


@pytest.fixture
def counter_with_cards(
    qtbot: QtBot,
    demo_database: Database,
    key_file: Path,
    pcscd: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CounterApp]:
    """The counter with its card reader and a module emulator (for token vends)."""
    monkeypatch.setenv("STARPOS_CARD_KEY_FILE", str(key_file))
    emulator = vend_world().start_module(tmp_path, SAMPLE_TABLES)
    vend_world().use_module(emulator.url)
    settings = Settings()
    settings.set("card.reader", READER_1)
    auth, counter = on_workers(*counter_on(demo_database, settings))
    app = CounterApp(
        auth, counter, cards=cards_on_workers(counter_cards(demo_database, auth.core, settings))
    )
    qtbot.addWidget(app.login_window)
    app.start()
    try:
        yield app
    finally:
        app.shut_down()
        emulator.stop()
        stop_embedded()
        stop_virtual_printer()


def vend_row(database: Database, bill: str | None = None) -> Vend:
    with database.reading() as session:
        query = select(Vend).order_by(Vend.id.desc())
        if bill is not None:
            query = query.where(Vend.bill_number == bill)
        row = session.scalars(query).first()
        assert row is not None
        session.expunge(row)
        return row


def test_a_card_sale_left_in_doubt_shows_at_start_and_its_card_settles_it(
    qtbot: QtBot,
    counter_with_cards: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
    run_starpos: Any,
) -> None:
    number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, number)
    card.insert()
    killed = run_starpos(
        "card", "vend", "--amount", "30.00", "--key-file", str(key_file),
        "--reader", READER_1, "--operator", "CASH1", "--password-stdin", "--json",
        input="cash-demo\n", STARPOS_KILL_AT=card_vend.AFTER_CARD_WRITE,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    card.remove()
    doubt = vend_row(demo_database)
    assert VendState(doubt.state) is VendState.PENDING

    window = log_in(qtbot, counter_with_cards)
    notice = window.pending_notice
    qtbot.waitUntil(lambda: bool(notice.sales), timeout=20_000)
    (sale,) = notice.sales
    assert (sale.bill_number, sale.meter_number, sale.card_serial) == (
        doubt.bill_number,
        number,
        card.serial,
    )
    assert sale.energy_kwh == doubt.token_kwh
    assert notice.isVisible()
    assert (
        f"Ask the customer to bring card {card.serial} of meter {number}; inserting it "
        "finishes or cancels the sale."
    ) in notice.rows.text()
    assert doubt.bill_number in notice.rows.text() and sale.customer_name in notice.rows.text()

    # The customer comes back with the card: its read settles the sale, the notice empties.
    with qtbot.waitSignal(
        notice.sales_shown, timeout=20_000, check_params_cb=lambda sales: sales == ()
    ):
        reading = insert(qtbot, window, card)
    assert not notice.isVisible()
    assert VendState(vend_row(demo_database, doubt.bill_number).state) is VendState.ISSUED
    # The killed sale's credit was on the card: it now waits there for the meter.
    assert reading.credit_pending and reading.pending_bill == doubt.bill_number


def test_a_card_inserted_during_a_token_vend_enters_card_mode_after_the_token(
    qtbot: QtBot,
    counter_with_cards: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    card_number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, card_number)
    keypad = vend_world().sellable_meters(demo_database)[0].number
    window = log_in(qtbot, counter_with_cards)
    mode = window.card_mode
    assert mode is not None
    with qtbot.waitSignal(window.customer_shown, timeout=20_000):
        qtbot.keyClicks(window.meter_field.edit, keypad)
    with qtbot.waitSignal(window.quote_shown, timeout=20_000):
        qtbot.keyClick(window.meter_field.edit, Qt.Key.Key_F2)

    # The module worker finishes a job ahead of the vend, so the vend is surely in flight
    # when the card goes in (a real module answers in a fraction of a second).
    ahead = threading.Event()
    window.workers.module.submit(ahead.wait, 60)
    with qtbot.waitSignal(window.vend_started, timeout=5000):
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    card.insert()
    qtbot.waitUntil(lambda: mode.waiting == READER_1, timeout=20_000)
    assert window.vending and not mode.active
    assert window.meter_field.digits == keypad  # the customer was not swapped
    assert "A card was inserted" in window.busy_label.text()

    answers: list[str] = []
    window.vend_finished.connect(lambda outcome: answers.append(outcome.token))
    with qtbot.waitSignal(
        mode.card_read, timeout=30_000, check_params_cb=lambda r: r.serial == card.serial
    ) as read:
        ahead.set()
    (token,) = answers  # the token came first, then the card was read
    assert len(token) == 20 and token.isdigit()
    assert window.token_panel.outcome is not None and window.token_panel.outcome.token == token
    assert read.args[0].meter_number == card_number and read.args[0].sellable
    assert mode.active and window.card_panel.isVisible()
    qtbot.waitUntil(lambda: window.meter_field.digits == card_number, timeout=10_000)
    sold = vend_row(demo_database)
    assert MeterMedium(sold.medium) is MeterMedium.KEYPAD
    assert VendState(sold.state) in (VendState.ISSUED, VendState.PRINTED)
