"""Card mode at the counter, through pcscd + vpcd + ``starpos card virtual``, on the real
store, card sales core, module emulator and virtual printer.

The window is driven from the keyboard; the card is inserted and taken out by the virtual
card process (as a person would), and checked afterwards through PC/SC and the ledger.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import Meter, Vend
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.records import TamperKind
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from tests.integration.ui.card_counter import (
    NOW,
    card_meter,
    insert,
    issued_card,
    log_in,
    sell_onto_card,
    with_card,
)
from tests.support.virtual_cards import VirtualCardProcess

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]


def vend_with_keys(qtbot: QtBot, window: PosWindow, key: Qt.Key) -> Any:
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)  # the customer shows
    with qtbot.waitSignal(window.quote_shown, timeout=10_000):
        qtbot.keyClick(window.amount_panel.net_field, key)
    with qtbot.waitSignal(window.vend_finished, timeout=30_000) as finished:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    return finished.args[0]


def test_a_card_is_read_shown_and_sold_to_from_the_keyboard(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, number)
    window = log_in(qtbot, card_app)
    assert not window.card_panel.isVisible()

    reading = insert(qtbot, window, card)
    assert reading.problem == ""
    assert (reading.meter_number, reading.serial, reading.sellable) == (number, card.serial, True)
    assert window.card_panel.isVisible()
    assert window.meter_field.edit.isReadOnly() and window.meter_field.digits == number
    assert window.meter_title.text() == "Meter number (from the card)"
    assert window.card_panel.values["state"].text() == "Ready: sell with Enter"

    outcome = vend_with_keys(qtbot, window, Qt.Key.Key_F2)  # 10.00, as for a token
    assert outcome is not None and outcome.card_serial == card.serial
    assert outcome.net == Decimal("10.00") and outcome.energy_kwh > 0
    assert window.token_panel.token_label.text() == f"Credit on card {card.serial}"
    qtbot.waitUntil(lambda: window.token_panel.print_state == "printed", timeout=20_000)
    with demo_database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == outcome.bill_number)).one()
        assert VendState(vend.state) in (VendState.ISSUED, VendState.PRINTED)
        assert MeterMedium(vend.medium) is MeterMedium.CARD
        assert vend.token_kwh == outcome.energy_kwh

    # The card is read again after the sale: its credit waits for the meter, in amber,
    # and a second sale onto it is refused before anything is dispatched.
    mode = window.card_mode
    assert mode is not None
    qtbot.waitUntil(
        lambda: mode.reading is not None and mode.reading.credit_pending, timeout=20_000
    )
    assert "pending" in window.card_panel.highlighted()
    assert outcome.bill_number in window.card_panel.values["pending"].text()
    credit = with_card(key_file, lambda sun: sun.read().credit)  # the window is done with it
    assert (credit.vend_id, credit.energy_kwh) == (outcome.bill_number, outcome.energy_kwh)
    with qtbot.waitSignal(card_app.funnel.shown, timeout=10_000) as shown:
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_F2)
        qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
    assert shown.args[0] == "ui.card_not_sellable"
    assert "insert the card in the meter" in shown.args[1].lower()

    with qtbot.waitSignal(mode.left, timeout=10_000):
        card.remove()
    assert not window.card_panel.isVisible()
    assert not window.meter_field.edit.isReadOnly() and window.meter_field.digits == ""


def test_the_meters_data_comes_back_with_tamper_and_overload_highlighted(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, number)
    card.insert()
    sold = sell_onto_card(demo_database, key_file, number, "40.00")
    with demo_database.reading() as session:
        sgc = session.scalars(select(Meter.sgc).where(Meter.number == number)).one()
    meter = VirtualMeter(
        MeterState(number, int(sgc), 1, load_master_key(key_file).hex(), int(NOW.timestamp()))
    )
    with_card(key_file, lambda sun: meter.load_card(sun, commit=lambda: None))
    meter.advance(days=3, load_kw=Decimal("0.5"))
    meter.tamper(TamperKind.COVER_OPEN)
    meter.overload()
    with_card(key_file, lambda sun: meter.load_card(sun, commit=lambda: None))
    card.remove()

    screens = os.environ.get("STARPOS_SCREENS_DIR")
    if screens:  # the picture in the app's font, set before the window is made
        from tests.ui.screenshots import app_font

        QApplication.setFont(app_font())
    window = log_in(qtbot, card_app)
    reading = insert(qtbot, window, card)
    assert reading.has_meter_data and not reading.credit_pending and reading.sellable
    assert reading.remaining_kwh == Decimal(meter.state.credit_tenths) / 10
    assert reading.tamper_count == 1 and reading.overload_count == 1
    assert reading.flagged  # new events since the previous reading: flagged for the supervisor
    assert {"tampers", "overloads"} <= window.card_panel.highlighted()
    assert "cover opened" in window.card_panel.values["tampers"].text()
    assert window.card_panel.values["pending"].text() == "none waiting: all credit loaded"
    assert sold.bill_number  # the first sale, now loaded by the meter

    if screens:  # docs/screens/14-card-mode.png under Xvfb (docs/ui.md)
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
        with qtbot.waitSignal(window.quote_shown, timeout=10_000):
            qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_F2)
        for _ in range(5):
            QApplication.processEvents()
            qtbot.wait(20)
        assert window.grab().save(str(Path(screens) / "14-card-mode.png"))


def test_a_card_pulled_out_during_the_write_fails_the_sale_with_a_clear_message(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    number = card_meter(demo_database)
    # The credit write is three UPDATEs; the card drops out during the second one.
    card = issued_card(demo_database, key_file, virtual_card, number, "--tear-at", "2")
    window = log_in(qtbot, card_app)
    insert(qtbot, window, card)
    mode = window.card_mode
    assert mode is not None
    with qtbot.waitSignal(card_app.funnel.shown, timeout=30_000) as shown:
        outcome = vend_with_keys(qtbot, window, Qt.Key.Key_F2)
    assert outcome is None
    assert shown.args[0] == "card_sale.failed"
    assert "give" in shown.args[1].lower() and "back" in shown.args[1].lower()
    # What happened to the sale first, then what to do; the reader's codes only in details.
    assert shown.args[1].startswith("No sale was made. Do not take the money.")
    assert "Nothing was put on the card" in shown.args[1]
    box = card_app.funnel.last_dialog
    assert isinstance(box, QMessageBox)
    assert "0x" not in box.text() + box.informativeText()
    assert "press Enter to sell again" in box.informativeText()
    qtbot.waitUntil(lambda: not mode.active, timeout=10_000)  # the card is gone
    assert not window.card_panel.isVisible()
    with demo_database.reading() as session:
        (vend,) = session.scalars(select(Vend)).all()
        assert VendState(vend.state) is VendState.FAILED  # nothing sold, the money goes back


@pytest.mark.bench
def test_card_mode_timings(
    qtbot: QtBot,
    card_app: CounterApp,
    demo_database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
) -> None:
    """Insertion to card data shown, and Enter to card sale shown, through the window
    (``-m bench -s``; numbers for docs/benchmarks.md). The meter loads the credit between
    sales, as the customer would, so every sale is accepted."""
    number = card_meter(demo_database)
    card = issued_card(demo_database, key_file, virtual_card, number)
    with demo_database.reading() as session:
        sgc = session.scalars(select(Meter.sgc).where(Meter.number == number)).one()
    meter = VirtualMeter(
        MeterState(number, int(sgc), 1, load_master_key(key_file).hex(), int(NOW.timestamp()))
    )
    window = log_in(qtbot, card_app)
    mode = window.card_mode
    assert mode is not None
    shown_ms: list[float] = []
    sold_ms: list[float] = []
    for _ in range(8):
        started = time.perf_counter()
        insert(qtbot, window, card)
        shown_ms.append((time.perf_counter() - started) * 1000)
        qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
        with qtbot.waitSignal(window.quote_shown, timeout=10_000):
            qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_F1)
        started = time.perf_counter()
        with qtbot.waitSignal(window.vend_finished, timeout=30_000) as finished:
            qtbot.keyClick(window.amount_panel.net_field, Qt.Key.Key_Return)
        sold_ms.append((time.perf_counter() - started) * 1000)
        assert finished.args[0] is not None
        qtbot.waitUntil(
            lambda: mode.reading is not None and mode.reading.credit_pending, timeout=20_000
        )
        qtbot.waitUntil(lambda: window.token_panel.print_state == "printed", timeout=20_000)
        with qtbot.waitSignal(mode.left, timeout=10_000):
            card.remove()
        # The window sees this insertion too; it reads the card while the meter has it,
        # so wait for that read before the meter writes its return record.
        reading = insert(qtbot, window, card)
        assert reading.credit_pending
        with_card(key_file, lambda sun: meter.load_card(sun, commit=lambda: None))
        with qtbot.waitSignal(mode.left, timeout=10_000):
            card.remove()
    print(
        f"\ncard data shown after insertion: p50 {statistics.median(shown_ms):.0f} ms, "
        f"max {max(shown_ms):.0f} ms; Enter to card sale shown: "
        f"p50 {statistics.median(sold_ms):.0f} ms, max {max(sold_ms):.0f} ms"
    )
