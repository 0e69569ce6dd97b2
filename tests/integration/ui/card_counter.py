"""The counter with card mode on the real stack, for the card window tests: the app on a
seeded store with this counter's card reader (the second vpcd reader), cards issued and
inserted through pcscd + vpcd + ``starpos card virtual``, the cashier logged in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.card_sales import issue_card, vend_to_card
from starpos.counter.views import CardReading
from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import Customer, Meter
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from starpos.ui.counter_app import CounterApp
from starpos.ui.pos.pos_window import PosWindow
from starpos.vending import VendRequest
from tests.support.virtual_cards import READER_1, VirtualCardProcess

ADMIN = Actor("ADMIN1")  # issues cards
NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)


def card_meter(database: Database) -> str:
    with database.reading() as session:
        number = session.scalars(
            select(Meter.number)
            .join(Customer)
            .where(Meter.medium == MeterMedium.CARD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.id)
        ).first()
        assert number is not None
        return number


def with_card(key_file: Path, work: Callable[[SunCard], Any]) -> Any:
    """``work(card)`` on the card in the counter's reader, straight through PC/SC."""
    service = PcscReaders()
    try:
        with service.connect(READER_1) as connection:
            return work(SunCard(connection, load_master_key(key_file)))
    finally:
        service.close()


def issued_card(
    database: Database,
    key_file: Path,
    virtual_card: Callable[..., VirtualCardProcess],
    number: str,
    *extra: str,
) -> VirtualCardProcess:
    """A card issued to ``number``, out of the reader, in a process started with ``extra``."""
    first = virtual_card(reader=READER_1)
    with_card(key_file, lambda card: issue_card(database, card, number, ADMIN))
    first.stop()
    return virtual_card(*extra, reader=READER_1, state=first.state, inserted=False)


def sell_onto_card(database: Database, key_file: Path, number: str, net: str) -> Any:
    """A card sale of ``net`` to the card of ``number`` in the counter's reader (the core's
    own flow, as another counter would make it); its CardVendResult."""
    request = VendRequest(meter=number, net=Decimal(net), operator_code="CASH1")
    return with_card(key_file, lambda card: vend_to_card(database, card, request))


def log_in(
    qtbot: QtBot, app: CounterApp, code: str = "CASH1", password: str = "cash-demo"
) -> PosWindow:
    qtbot.keyClicks(app.login_window.code_field, code)
    qtbot.keyClicks(app.login_window.password_field, password)
    with qtbot.waitSignal(app.counter_opened, timeout=20_000) as opened:
        qtbot.keyClick(app.login_window.password_field, Qt.Key.Key_Return)
    window: PosWindow = opened.args[0]
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def insert(qtbot: QtBot, window: PosWindow, card: VirtualCardProcess) -> CardReading:
    assert window.card_mode is not None
    # The vpcd readers are shared by every test session on this machine: wait for the read
    # of this card (by serial), not for whatever card another session put in the reader.
    with qtbot.waitSignal(
        window.card_mode.card_read,
        timeout=20_000,
        check_params_cb=lambda reading: reading.serial == card.serial,
    ) as read:
        card.insert()
    reading: CardReading = read.args[0]
    return reading
