"""Card readings and the card register across counters at the head office (docs/sync.md,
"Projection"; SYN-36, SYN-37): a reading sent by a terminal is stored once, however often
and by however many terminals it comes, and the alarm and month reports (5.12, 5.13) run
there have it; a second card for one meter and one credit sequence sold twice are findings
of their own kind, and every sale stands. The entries carry the facts in the shape
``card_sales.readings`` and ``lifecycle`` write them (test_sync_card_counters.py sends real
ones from real counters)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from starpos.audit.log import AuditKind
from starpos.card_sales.readings import READ_STEP, record_digest
from starpos.db.enums import VendState
from starpos.db.models import CardReading, CardTamperEvent, IssuedCard, SyncFinding, Vend
from starpos.devices.card.records import ReturnRecord, TamperEvent, TamperKind
from starpos.server.findings import PROBLEMS
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import findings
from tests.integration.sync.sync_world import run_starpos
from tests.integration.sync.test_sync_card_register import (
    Written,
    _card_meter,
    _card_sale,
    _card_vends,
    _issued,
    _register,
)
from tests.integration.sync.test_sync_payment_settlement import booking  # noqa: F401 (the fixture: both ways of booking)
from tests.integration.sync.test_sync_projection import _send

pytestmark = pytest.mark.postgres

SERIAL = "00000000000000C3"
TAMPERED_AT = datetime(2026, 11, 28, 22, 15, tzinfo=UTC)


def _returned() -> ReturnRecord:
    """What a meter wrote back after loading sequence 1: a cover opened, one overload."""
    return ReturnRecord(
        last_loaded_sequence=1,
        remaining_kwh=Decimal("61.5"),
        cumulative_kwh=Decimal("38.5"),
        monthly_kwh=(Decimal("38.5"), *(Decimal("0") for _ in range(5))),
        relay_open=False,
        relay_open_count=0,
        power_cut_count=1,
        last_power_cut=None,
        tamper_count=1,
        tamper_events=(TamperEvent(TamperKind.COVER_OPEN, TAMPERED_AT),),
        overload_count=1,
        warning_level=0,
        overdraft_used_kwh=Decimal("0.0"),
        meter_clock=datetime(2026, 12, 1, 9, tzinfo=UTC),
    )


def _reading(meter: str, returned: ReturnRecord, read_at: str) -> Written:
    """A card read at a counter, as ``readings._audit_reading`` writes it."""
    details = {"step": READ_STEP, "meter": meter, "issue_number": 1, "read_at": read_at,
               "record": returned.encode().hex(), "record_digest": record_digest(returned),
               "last_loaded_sequence": returned.last_loaded_sequence,
               "remaining_kwh": str(returned.remaining_kwh),
               "cumulative_kwh": str(returned.cumulative_kwh), "tamper_count": 1,
               "overload_count": 1, "flagged": True}  # fmt: skip
    return [(AuditKind.CARD_ACTION, f"card:{SERIAL}", details)]


def _readings(office: HeadOffice) -> list[tuple[Any, ...]]:
    with office.transaction() as session:
        rows = session.execute(
            select(
                CardReading.card_serial, CardReading.card_id.is_not(None),
                CardReading.cumulative_kwh, CardReading.new_tampers, CardReading.new_overloads,
                CardReading.flagged, func.count(CardTamperEvent.position),
            )
            .outerjoin(CardTamperEvent, CardTamperEvent.reading_id == CardReading.id)
            .group_by(CardReading.id)
            .order_by(CardReading.id)
        )  # fmt: skip
        return [tuple(row) for row in rows]


def test_a_reading_is_stored_once_and_the_head_offices_reports_have_it(
    office: HeadOffice, head_office_store: tuple[Path, str], tmp_path: Path
) -> None:
    sold = _card_meter(office)
    read = _reading(sold.meter, _returned(), "2026-12-01T09:05:00+00:00")
    signer = _send(office, tmp_path / "t01", "T01", [*_issued(sold, SERIAL, 1), *read])
    once = [(SERIAL, True, Decimal("38.5"), 1, 1, True, 1)]
    assert _readings(office) == once
    # The whole chain again (a lost answer), and the same card read at another counter
    # before it went back into the meter: the same record, so the same reading.
    _send(office, tmp_path / "t01", "T01", [], signer)
    again = _reading(sold.meter, _returned(), "2026-12-01T11:00:00+00:00")
    _send(office, tmp_path / "t03", "T03", again)
    assert _readings(office) == once
    assert findings(office) == []

    folder, _ = head_office_store
    dates = ("--begin", "2026-11-01", "--end", "2026-12-31", "--json")
    alarms = run_starpos(folder, "report", "card-alarms", *dates)
    assert alarms.returncode == 0, alarms.stderr
    events = [(row["meter"], row["event"], row["count"]) for row in json.loads(alarms.stdout)]
    assert sorted(events) == [
        (sold.meter, "overload", 1),
        (sold.meter, "tamper:cover-open", 1),
    ]
    months = run_starpos(folder, "report", "monthly-consumption", *dates)
    assert months.returncode == 0, months.stderr
    rows = json.loads(months.stdout)
    used = [
        (r["meter"], r["month"], Decimal(str(r["energy_kwh"])))
        for r in rows
        if Decimal(str(r["energy_kwh"]))
    ]
    assert used == [(sold.meter, "2026-12", Decimal("38.5"))]


def test_a_reading_of_a_meter_the_head_office_lacks_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    unknown = _reading("99999999999", _returned(), "2026-12-01T09:05:00+00:00")
    _send(office, tmp_path / "t01", "T01", unknown)
    assert _readings(office) == []
    assert [kind for kind, _ in findings(office)] == ["unknown_reference"]


@pytest.mark.usefixtures("booking")
def test_two_counters_issuing_one_meters_card_is_a_second_active_card(
    office: HeadOffice, tmp_path: Path
) -> None:
    """T01 and T03 each issued the meter's first card while apart: the head office keeps the
    card it heard of first, raises the other by its own kind, and sales on either stand."""
    sold = _card_meter(office)
    first = [*_issued(sold, "00000000000000A1", 1), *_card_sale(sold, "V2612SP01T0100001", 1)]
    _send(office, tmp_path / "t01", "T01", first)
    signer = _send(office, tmp_path / "t03", "T03", _issued(sold, "00000000000000D4", 1))
    assert _register(office) == [("00000000000000A1", 1, "active", False, None, None, None)]
    assert [kind for kind, _ in findings(office)] == ["second_active_card"]
    # A first card under another issue number while the meter has an active card here.
    _send(office, tmp_path / "t03", "T03", _issued(sold, "00000000000000E5", 2), signer)
    assert [kind for kind, _ in findings(office)] == ["second_active_card"] * 2
    details = _finding_details(office, "second_active_card")
    assert (
        details[0]["kept_card"] == "00000000000000A1" and details[0]["card"] == "00000000000000D4"
    )
    assert [card[0] for card in _register(office)] == ["00000000000000A1"]


@pytest.mark.usefixtures("booking")
def test_one_credit_sequence_sold_at_two_counters_is_raised_and_both_sales_stand(
    office: HeadOffice, head_office_store: tuple[Path, str], tmp_path: Path
) -> None:
    """A copy of the card taken before T01's sale is sold to at T03, offline: both wrote
    sequence 2 and the meter will load only one. Both sales are booked; the second has no
    place on the card and is raised by its own kind, naming the first."""
    sold = _card_meter(office)
    _send(office, tmp_path / "t01", "T01",
          [*_issued(sold, SERIAL, 1), *_card_sale(sold, "V2612SP01T0100001", 1),
           *_card_sale(sold, "V2612SP01T0100002", 2)])  # fmt: skip
    signer = _send(office, tmp_path / "t03", "T03", _card_sale(sold, "V2612SP03T0300001", 2))
    _send(office, tmp_path / "t03", "T03", [], signer)  # sent again: raised once
    with office.transaction() as session:
        states = dict(session.execute(select(Vend.bill_number, Vend.state)).all())
    assert states == {bill: VendState.ISSUED for bill in
                      ("V2612SP01T0100001", "V2612SP01T0100002", "V2612SP03T0300001")}  # fmt: skip
    on_card = [("V2612SP01T0100001", SERIAL, 1), ("V2612SP01T0100002", SERIAL, 2)]
    assert _card_vends(office) == on_card
    assert [kind for kind, _ in findings(office)] == ["card_sequence_sold_twice"]
    (details,) = _finding_details(office, "card_sequence_sold_twice")
    assert (details["bill"], details["first_bill"], details["sequence"]) == (
        "V2612SP03T0300001", "V2612SP01T0100002", 2,
    )  # fmt: skip
    with office.transaction() as session:
        assert session.scalar(select(func.count()).select_from(IssuedCard)) == 1
    # The supervisor's list says what it means and what to do.
    listed = run_starpos(head_office_store[0], "server", "findings", "--json")
    assert listed.returncode == 0, listed.stderr
    (shown,) = json.loads(listed.stdout)
    assert shown["problem"] == PROBLEMS["card_sequence_sold_twice"]
    text = run_starpos(head_office_store[0], "server", "findings")
    assert PROBLEMS["card_sequence_sold_twice"] in text.stdout


def _finding_details(office: HeadOffice, kind: str) -> list[dict[str, Any]]:
    with office.transaction() as session:
        return [
            json.loads(text)
            for text in session.scalars(
                select(SyncFinding.details).where(SyncFinding.kind == kind).order_by(SyncFinding.id)
            )
        ]


def _sale_on(sold: Any, bill: str, sequence: int, serial: str, issue: int) -> Written:
    """A card sale whose PENDING entry names its card, as ``card_sales.ledger`` writes it."""
    (kind, subject, facts), issued = _card_sale(sold, bill, sequence)
    return [(kind, subject, {**facts, "card": serial, "issue_number": issue}), issued]


@pytest.mark.usefixtures("booking")
def test_sales_on_a_card_the_head_office_did_not_book_stand_apart_from_the_kept_card(
    office: HeadOffice, tmp_path: Path
) -> None:
    """T03 issued the meter a card while apart and sold on it: that card is not booked
    (``second_active_card``), and neither are its sales under the card kept: they stand
    without a card row, each marked by a finding naming the card sold on and the card kept
    (SYN-47). A sale naming the kept card is filed under it as before."""
    sold = _card_meter(office)
    _send(office, tmp_path / "t01", "T01",
          [*_issued(sold, "00000000000000A1", 1),
           *_sale_on(sold, "V2612SP01T0100001", 1, "00000000000000A1", 1)])  # fmt: skip
    _send(office, tmp_path / "t03", "T03",
          [*_issued(sold, "00000000000000D4", 1),
           *_sale_on(sold, "V2612SP03T0300001", 1, "00000000000000D4", 1),
           *_sale_on(sold, "V2612SP03T0300002", 2, "00000000000000D4", 1)])  # fmt: skip
    assert _card_vends(office) == [("V2612SP01T0100001", "00000000000000A1", 1)]
    with office.transaction() as session:
        states = dict(session.execute(select(Vend.bill_number, Vend.state)).all())
    assert set(states.values()) == {VendState.ISSUED} and len(states) == 3
    assert [kind for kind, _ in findings(office)] == ["second_active_card"] * 3
    on_card = [d for d in _finding_details(office, "second_active_card") if "bill" in d]
    assert [(d["bill"], d["card"], d["kept_card"]) for d in on_card] == [
        ("V2612SP03T0300001", "00000000000000D4", "00000000000000A1"),
        ("V2612SP03T0300002", "00000000000000D4", "00000000000000A1"),
    ]
