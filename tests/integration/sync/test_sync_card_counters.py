"""A customer's SUN card walks between counters (issue 14; SYN-36, SYN-38), with real
processes: PostgreSQL, ``starpos server run``, two counters' ``starpos`` commands, and the
card through pcscd + vpcd (``starpos card virtual``) into a virtual meter.

Counter T01 issues the card and sells onto it; the meter loads it and sees its cover opened;
T01 syncs. Counter T03 pulls the meter's card, reads the card (its reading: the tamper) and
sells onto it; T03 syncs. The head office has both sales on the one card in order, the
reading T03 took, and its alarm report (5.12) shows the tamper.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.db.enums import MeterMedium
from starpos.db.models import CardReading, CardVend, IssuedCard, Meter, Vend
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.records import TamperKind
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from tests.integration.sync.sync_world import Counter, HeadOffice, run_starpos
from tests.support.virtual_cards import READER_0

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.pcsc]

PASSWORDS = {"ADMIN1": "admin-demo", "CASH1": "cash-demo", "CASH2": "cash-demo"}
START = datetime(2026, 11, 20, 8, tzinfo=UTC)


def _card(counter: Counter, key_file: Path, *args: str, operator: str) -> dict[str, Any]:
    """``starpos card ...`` at ``counter`` as ``operator``, which must succeed; its JSON."""
    done = run_starpos(
        counter.folder, "card", *args, "--reader", READER_0, "--key-file", str(key_file),
        "--operator", operator, "--password-stdin", "--terminal", counter.terminal, "--json",
        stdin=PASSWORDS[operator] + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def _sync(counter: Counter) -> None:
    pushed = counter.push()
    assert pushed.returncode == 0, pushed.stderr
    counter.pull()


def _contact(meter: VirtualMeter, key: bytes) -> str:
    """The card taken to the meter: it loads any new credit and writes its data back."""
    service = PcscReaders()
    try:
        with service.connect(READER_0) as connection:
            return meter.load_card(SunCard(connection, key), commit=lambda: None).status
    finally:
        service.close()


def _card_meter(counter: Counter) -> tuple[str, int]:
    with counter.database() as database, database.reading() as session:
        number, sgc = session.execute(
            select(Meter.number, Meter.sgc)
            .where(Meter.medium == MeterMedium.CARD, Meter.customer_id.is_not(None))
            .order_by(Meter.id)
            .limit(1)
        ).one()
    return str(number), int(sgc)


def _cards(url_or_counter: Any, number: str) -> list[tuple[str, int, str]]:
    with url_or_counter.database() as database, database.reading() as session:
        rows = session.execute(
            select(IssuedCard.serial, IssuedCard.issue_number, IssuedCard.state)
            .join(Meter, Meter.id == IssuedCard.meter_id)
            .where(Meter.number == number)
            .order_by(IssuedCard.issue_number)
        )
        return [(serial, issue, str(state)) for serial, issue, state in rows]


def test_a_card_issued_at_one_counter_sells_at_another_and_both_sales_reach_the_head_office(
    head_office: HeadOffice,
    make_counters: Callable[..., list[Counter]],
    virtual_card: Callable[..., Any],
    key_file: Path,
) -> None:
    first, second = make_counters(2, modules=False)
    for counter in (first, second):
        counter.enrol(head_office)
        shutil.copy(key_file, counter.folder / "card-master.key")
    number, sgc = _card_meter(first)
    key = load_master_key(key_file)
    meter = VirtualMeter(MeterState(number, sgc, 1, key.hex(), int(START.timestamp())))
    serial = virtual_card().serial

    _card(first, key_file, "issue", number, operator="ADMIN1")
    sold_first = _card(first, key_file, "vend", "--amount", "50.00", operator="CASH1")
    assert _contact(meter, key) == "loaded"
    meter.advance(3, Decimal("0.5"))
    meter.tamper(TamperKind.COVER_OPEN)
    assert _contact(meter, key) == "already-loaded"  # the customer checks the meter
    _sync(first)

    _sync(second)  # its own events first, then the head office's cards
    assert _cards(second, number) == [(serial, 1, "active")]
    sold_second = _card(second, key_file, "vend", "--amount", "30.00", operator="CASH2")
    assert (sold_first["sequence"], sold_second["sequence"]) == (1, 2)
    assert sold_second["reading_flagged"] is True
    _sync(second)

    with head_office.database() as database, database.reading() as session:
        on_card = session.execute(
            select(Vend.bill_number, IssuedCard.serial, CardVend.sequence)
            .join(Vend, Vend.id == CardVend.vend_id)
            .join(IssuedCard, IssuedCard.id == CardVend.card_id)
            .order_by(CardVend.sequence)
        ).all()
        readings = session.execute(
            select(CardReading.card_serial, CardReading.new_tampers, CardReading.cumulative_kwh)
        ).all()
    assert [tuple(row) for row in on_card] == [
        (sold_first["bill_number"], serial, 1),
        (sold_second["bill_number"], serial, 2),
    ]
    assert [(s, tampers) for s, tampers, _ in readings] == [(serial, 1)]
    assert _cards(head_office, number) == [(serial, 1, "active")]
    assert head_office.findings() == []

    alarms = run_starpos(
        head_office.folder, "report", "card-alarms", "--begin", "2026-01-01",
        "--end", "2027-12-31", "--json",
    )  # fmt: skip
    assert alarms.returncode == 0, alarms.stderr
    events = [(row["meter"], row["event"]) for row in json.loads(alarms.stdout)]
    assert events == [(number, "tamper:cover-open")]


def test_a_restored_copy_is_refused_at_a_second_counter_that_heard_of_the_later_sale(
    head_office: HeadOffice,
    make_counters: Callable[..., list[Counter]],
    virtual_card: Callable[..., Any],
    key_file: Path,
    tmp_path: Path,
) -> None:
    """The customer copies the card after its first sale, T01 sells onto it again and syncs;
    T03, online and pulled, is shown the old copy: the head office told it the meter's card
    credit has reached purchase 2 (SYN-45), so it refuses the copy as T01 would, not only
    the head office afterwards (``card_sequence_sold_twice``)."""
    first, second = make_counters(2, modules=False)
    for counter in (first, second):
        counter.enrol(head_office)
        shutil.copy(key_file, counter.folder / "card-master.key")
    number, sgc = _card_meter(first)
    key = load_master_key(key_file)
    meter = VirtualMeter(MeterState(number, sgc, 1, key.hex(), int(START.timestamp())))
    card = virtual_card()

    _card(first, key_file, "issue", number, operator="ADMIN1")
    _card(first, key_file, "vend", "--amount", "50.00", operator="CASH1")
    assert _contact(meter, key) == "loaded"
    card.stop()
    copy = tmp_path / "copy.json"
    shutil.copy(card.state, copy)  # the copy taken after the first sale was loaded
    card = virtual_card(state=card.state)
    _card(first, key_file, "vend", "--amount", "20.00", operator="CASH1")
    assert _contact(meter, key) == "loaded"
    _sync(first)
    _sync(second)

    card.stop()
    shutil.copy(copy, card.state)  # ... written back onto the card
    virtual_card(state=card.state)
    sales_before = _sales(second)
    refused = run_starpos(
        second.folder, "card", "vend", "--amount", "30.00", "--reader", READER_0,
        "--key-file", str(key_file), "--operator", "CASH2", "--password-stdin",
        "--terminal", second.terminal, stdin=PASSWORDS["CASH2"] + "\n",
    )  # fmt: skip
    assert refused.returncode != 0
    message = refused.stderr.strip()
    assert "purchase 1" in message and "purchase 2" in message, message
    assert "Traceback" not in refused.stderr and len(message.splitlines()) == 1
    assert _sales(second) == sales_before  # nothing sold


def _sales(counter: Counter) -> list[str]:
    with counter.database() as database, database.reading() as session:
        return list(session.scalars(select(Vend.bill_number).order_by(Vend.id)))
