"""``starpos demo card``: a customer's SUN card to try card mode with, in the vpcd reader.

The virtual card runs inside this command (its state in ``<data>/demo-card.json``, so the
same card comes back next time); Enter takes it out of the reader or puts it back, as a
person would. The demo utility's card master key is made on first use. The command says
what to do next in the window: issue the card to a card meter that has none yet, or sell
to the meter the card already belongs to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import CardState, Customer, IssuedCard, Meter
from starpos.demo.seed import is_seeded
from starpos.devices.card.errors import CardServiceError
from starpos.devices.card.keys import create_master_key, default_key_file
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.virtual_card import CardState as ChipState
from starpos.devices.card.virtual_card import VirtualCard
from starpos.devices.card.vpcd_link import DEFAULT_PORT, VpcdCardLink
from starpos.errors import ConfigError
from starpos.paths import data_dir

STATE_FILE = "demo-card.json"


class VirtualReaderMissingError(ConfigError):
    code = "demo.virtual_reader_missing"
    template = (
        "The virtual card reader {reader} is missing. Install vsmartcard-vpcd (scripts/setup.sh "
        "does) and restart the smart card service (pcscd)."
    )


class DemoNotSeededError(ConfigError):
    code = "demo.not_seeded"
    template = "There is no demo utility in this data folder yet. Run: starpos demo seed"


def vpcd_reader_name(port: int) -> str:
    """The PC/SC name pcscd gives the vpcd reader listening on ``port`` (vpcd's default
    configuration: one reader per port from 35963 up)."""
    return f"Virtual PCD 00 {port - DEFAULT_PORT:02d}"


@dataclass(frozen=True)
class DemoCard:
    serial: str
    reader: str
    key_created: Path | None  # the card master key file, when this run made it
    meter: str | None  # the card meter it belongs to (None: still blank)
    meter_to_issue: str | None  # a card meter without a card, for a blank card


def prepare_demo_card(database: Database, port: int) -> tuple[DemoCard, VpcdCardLink, Path]:
    """Everything but the insertion: the key, the reader check, the card and its meter."""
    reader = vpcd_reader_name(port)
    key_file, created = default_key_file(), None
    if not key_file.exists():
        create_master_key(key_file)
        created = key_file
    if reader not in _readers():
        raise VirtualReaderMissingError(reader=reader)
    state_path = data_dir() / STATE_FILE
    state = ChipState.load_or_create(state_path, None)
    serial = state.serial.hex().upper()
    meter, to_issue = _meters(database, serial)
    card = VirtualCard(state, on_change=lambda changed: changed.save(state_path))
    link = VpcdCardLink(card, port=port)
    return DemoCard(serial, reader, created, meter, to_issue), link, state_path


def _readers() -> list[str]:
    """The PC/SC readers; on a machine without a service manager (a container, CI) the demo
    starts pcscd itself when it may (root), as the tests do. CardServiceError otherwise."""
    try:
        return _list_readers()
    except CardServiceError:
        if os.geteuid() != 0 or shutil.which("pcscd") is None:
            raise
    subprocess.run(["pcscd"], check=False, timeout=10)  # it daemonizes
    deadline = time.monotonic() + 10
    while True:
        try:
            readers = _list_readers()
        except CardServiceError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
            continue
        if readers or time.monotonic() > deadline:
            return readers
        time.sleep(0.2)  # vpcd's readers appear a moment after the service


def _list_readers() -> list[str]:
    service = PcscReaders()
    try:
        return service.list_readers()
    finally:
        service.close()


def _meters(database: Database, serial: str) -> tuple[str | None, str | None]:
    if not is_seeded(database):
        raise DemoNotSeededError()
    with database.reading() as session:
        mine = session.scalar(
            select(Meter.number)
            .join(IssuedCard, IssuedCard.meter_id == Meter.id)
            .where(IssuedCard.serial == serial, IssuedCard.state == CardState.ACTIVE)
        )
        carded = select(IssuedCard.meter_id).where(IssuedCard.state == CardState.ACTIVE)
        free = session.scalar(
            select(Meter.number)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(
                Meter.medium == MeterMedium.CARD,
                Customer.status == CustomerStatus.ACTIVE,
                Meter.id.not_in(carded),
            )
            .order_by(Meter.id)
            .limit(1)
        )
    return mine, free


def hold_in_reader(
    link: VpcdCardLink, commands: Iterable[str], said: Callable[[bool], None]
) -> None:
    """Run the card in its reader until ``commands`` end or say ``q``; each empty line
    takes the card out or puts it back (``said(inserted)`` after each)."""
    worker = threading.Thread(target=link.run, name="vpcd-link", daemon=True)
    worker.start()
    inserted = True
    try:
        for line in commands:
            if line.strip().casefold() in ("q", "quit", "exit"):
                break
            inserted = not inserted
            if inserted:
                link.insert()
            else:
                link.remove()
            said(inserted)
    finally:
        link.stop()
        worker.join(5)
