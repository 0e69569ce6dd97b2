"""A push's sales booked together (``sale_batch``) give exactly what booking them step by
step (``sale_projection``, the reference) gives: the same vends, charges, tokens, meters
and flags, on a real PostgreSQL store, for pushes that meet every conflict rule."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, canonical_json
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium, VendState
from starpos.db.models import Customer, Meter, Terminal, Vend, VendCharge, VendToken
from starpos.server import sale_batch
from starpos.server.findings import Flag
from starpos.server.projections import TerminalEvent, projector_for
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import enrol, entries, push, verdicts

pytestmark = pytest.mark.postgres

SOLD_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
RES = ["RES-STEP", "2026-01-01T00:00:00"]
#: Priced with the version COM-FLAT replaced on 2026-07-01: a stale tariff.
OLD_COM = ["COM-FLAT", "2026-01-01T00:00:00"]
#: The first dated version of a record (decision BO-23): RES's VAT, SVC's terms.
FIRST = "1970-01-01T00:00:00"


def pending_facts(bill: str, meter: str, customer: str, tid: int, **changes: Any) -> dict[str, Any]:
    """A token sale's PENDING entry as a counter writes it (``changes`` override)."""
    facts = {
        "step": "pending", "meter": meter, "customer": customer, "tid": tid,
        "request_id": str(uuid.uuid5(uuid.NAMESPACE_URL, bill)), "medium": "keypad",
        "payment": "CASH", "tariff": RES, "tendered": "40.00", "change": "0.00",
        "net_amount": "40.00", "amount": "38.00", "amount_rounding": "0.00",
        "taxed_charges": "2.00", "untaxed_charges": "0.00", "vat_rate": "0", "vat": "0.00",
        "debt_repayment": "0.00", "debt_after": "0.00", "preinstalled": "0.00",
        "prearrange": "0.00", "energy_kwh": "100.0", "fbe_kwh": "0.0", "token_kwh": "100.0",
        "first_purchase": False, "module": "30000001", "request_digest": "0badcafe",
        "key_ref": "1,02,07,123456,01,1,255,2", "module_sequence": tid,
        "module_balance": "20000.0",
        "vat_version": ["RES", FIRST],
        # SVC names the version that priced it; ZZZ is a line written before versions.
        "charges": [["SVC", "Service fee", "by_times", "2.00", True, FIRST], ["ZZZ", "Gone",
                    "by_times", "0.00", False]],
    }  # fmt: skip
    return {**facts, **changes}


def _issued(tid: int) -> dict[str, Any]:
    return {"step": "issued", "tid": tid, "token_kwh": "100.0", "token": f"{tid:020d}"}


class _Chain:
    def __init__(self, terminal_id: int) -> None:
        self.terminal_id = terminal_id
        self.seq = 0

    def event(self, kind: AuditKind, bill: str, details: dict[str, Any]) -> TerminalEvent:
        self.seq += 1
        return TerminalEvent(
            enrolment_id="bench", terminal_id=self.terminal_id, terminal_code="T01",
            sales_point_code="SP01", seq=self.seq, kind=kind.value, occurred_at=SOLD_AT,
            operator_code="CASH1", sales_point_claimed="SP01", subject=f"vend:{bill}",
            details=TerminalEvent.parse_details(canonical_json(details)),
        )  # fmt: skip


def sellable_meters(session: Session, count: int) -> list[Any]:
    """(id, number, customer code) of the first ``count`` keypad meters a sale may go to."""
    return list(
        session.execute(
            select(Meter.id, Meter.number, Customer.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(
                Customer.status == CustomerStatus.ACTIVE,
                Meter.contract_status != ContractStatus.CANCELLED,
                Meter.medium == MeterMedium.KEYPAD,
            )
            .order_by(Meter.number)
            .limit(count)
        )
    )


def _pushes(session: Session) -> list[list[TerminalEvent]]:
    meters = sellable_meters(session, 3)
    (_, m1, c1), (m2_id, m2, c2), (_, m3, c3) = meters
    session.execute(update(Meter).where(Meter.id == m2_id).values(outstanding_debt=5))
    terminal = session.scalar(select(Terminal.id).where(Terminal.code == "T01"))
    assert terminal is not None
    chain = _Chain(terminal)
    vend, failed, reprint = AuditKind.VEND, AuditKind.VEND_FAILED, AuditKind.REPRINT
    first = [
        chain.event(vend, "B-A", pending_facts("B-A", m1, c1, 100)),
        chain.event(vend, "B-A", _issued(100)),
        chain.event(vend, "B-A", {"step": "printed", "print_count": 1}),
        chain.event(vend, "B-P", pending_facts("B-P", m3, c3, 300)),  # issued in the next push
        chain.event(vend, "B-C", pending_facts("B-C", m2, c2, 200, debt_repayment="10.00",
                                          prearrange="1.00")),
        chain.event(vend, "B-C", _issued(200)),
    ]  # fmt: skip
    second = [
        chain.event(vend, "B-B", pending_facts("B-B", m1, c1, 100)),  # the TID of B-A again
        chain.event(vend, "B-B", _issued(100)),
        chain.event(vend, "B-D", pending_facts("B-D", "99999999999", c1, 400)),  # unknown meter
        chain.event(vend, "B-D", _issued(400)),
        chain.event(vend, "B-A", pending_facts("B-A", m1, c1, 101)),  # the bill number again
        chain.event(vend, "B-F", pending_facts("B-F", m3, c3, 301)),
        chain.event(failed, "B-F", {"reason": "module offline"}),
        chain.event(vend, "B-P", _issued(300)),
        chain.event(vend, "B-P", {"step": "printed", "print_count": 1}),
        chain.event(reprint, "B-P", {"print_count": 2}),
        chain.event(vend, "B-S", pending_facts("B-S", m3, c3, 302, tariff=OLD_COM)),
        chain.event(vend, "B-S", {"step": "recovered", "tid": 302, "token": "1" * 20}),
        chain.event(vend, "B-S", {"step": "cancel_requested"}),  # not booked: no flag
        # A VAT version the head office does not know: flagged, not booked.
        chain.event(vend, "B-V", pending_facts("B-V", m3, c3, 303,
                                          vat_version=["RES", "2001-01-01T00:00:00"])),
    ]  # fmt: skip
    return [first, second]


def _step_by_step(session: Session, events: list[TerminalEvent]) -> dict[int, list[Flag]]:
    flags: dict[int, list[Flag]] = {}
    for event in events:
        projector = projector_for(event.kind)
        assert projector is not None
        with session.begin_nested():
            flags[event.seq] = projector(session, event)
    return {seq: found for seq, found in flags.items() if found}


def _together(session: Session, events: list[TerminalEvent]) -> dict[int, list[Flag]]:
    with session.begin_nested():
        flags = sale_batch.project(session, events)
    return {seq: found for seq, found in flags.items() if found}


def _booked(session: Session, book: Callable[..., dict[int, list[Flag]]]) -> dict[str, Any]:
    flags: dict[int, list[Flag]] = {}
    for events in _pushes(session):
        flags.update(book(session, events))
        session.expire_all()
    vends = session.execute(
        select(
            Vend.bill_number, Vend.state, Vend.tid, Vend.print_count, Vend.issued_at,
            Vend.printed_at, Vend.failed_at, Vend.failure_reason, Vend.tariff_version_id,
            Vend.net_amount, Vend.meter_id, Vend.request_id, Vend.created_at,
            Vend.vat_version_id,
        ).order_by(Vend.bill_number)
    ).all()  # fmt: skip
    charges = session.execute(
        select(Vend.bill_number, VendCharge.position, VendCharge.code, VendCharge.charge_item_id,
               VendCharge.amount, VendCharge.taxed, VendCharge.charge_version_id)
        .join(Vend, Vend.id == VendCharge.vend_id).order_by(Vend.bill_number, VendCharge.position)
    ).all()  # fmt: skip
    tokens = session.execute(
        select(Vend.bill_number, VendToken.token, VendToken.tid, VendToken.created_at)
        .join(Vend, Vend.id == VendToken.vend_id)
        .order_by(Vend.bill_number)
    ).all()
    meters = session.execute(
        select(Meter.number, Meter.last_tid, Meter.outstanding_debt, Meter.prearrange_due)
        .where(Meter.id.in_({row.meter_id for row in vends}))
        .order_by(Meter.number)
    ).all()
    return {
        "vends": vends,
        "charges": charges,
        "tokens": tokens,
        "meters": meters,
        "flags": {seq: [(f.kind, canonical_json(f.details)) for f in found] for seq, found in
                  flags.items()},
    }  # fmt: skip


def booked_from_one_start(
    office: HeadOffice, runs: Iterable[Callable[[Session], dict[str, Any]]]
) -> list[dict[str, Any]]:
    """What each run booked, each in a transaction of its own rolled back after: every run
    starts from the same head office."""
    outcomes = []
    for run in runs:
        session = office._sessions()
        try:
            outcomes.append(run(session))
        finally:
            session.rollback()
            session.close()
    return outcomes


def test_a_push_booked_together_is_booked_as_step_by_step(office: HeadOffice) -> None:
    step_by_step, together = booked_from_one_start(
        office, [partial(_booked, book=book) for book in (_step_by_step, _together)]
    )
    kinds = sorted(kind for found in step_by_step["flags"].values() for kind, _ in found)
    assert kinds == [
        "bill_number_taken", "debt_overpaid", "sale_not_found", "stale_tariff",
        "tid_collision", "unknown_reference", "unknown_reference",
    ]  # fmt: skip
    assert together == step_by_step
    # The versions the sale named are the head office's rows; a line without names none.
    assert all(vend.vat_version_id is not None for vend in together["vends"])
    versions = {(c.code, c.charge_version_id is not None) for c in together["charges"]}
    assert versions == {("SVC", True), ("ZZZ", False)}


def test_a_push_books_its_sales_together(
    office: HeadOffice, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key_id, key = enrol(office)
    with office.transaction() as session:
        meter, customer = session.execute(
            select(Meter.number, Customer.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.KEYPAD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.number)
            .limit(1)
        ).one()
    actor = Actor("CASH1", "SP01", "T01")
    written = [
        (AuditKind.VEND, f"vend:B-{n}", details, actor)
        for n in range(3)
        for details in (pending_facts(f"B-{n}", meter, customer, 500 + n), _issued(500 + n))
    ]
    with caplog.at_level(logging.INFO, logger="starpos.server.uplink"):
        reply = push(office, key_id, key, entries(tmp_path / "counter", written))
    assert {verdict for _, verdict, _ in verdicts(reply)} == {"applied"}
    assert "sales not booked together" not in caplog.text
    with office.transaction() as session:
        booked = session.scalars(select(Vend.bill_number).order_by(Vend.bill_number)).all()
    assert booked == ["B-0", "B-1", "B-2"]


def test_booking_a_sale_does_not_wait_for_another_push_selling_to_the_same_meter(
    office: HeadOffice, head_office_store: tuple[Path, str]
) -> None:
    # Another push inserting a vend of the meter holds KEY SHARE on its row (the foreign
    # key). Locking the meter FOR UPDATE would wait for it (and two such pushes deadlock).
    session = office._sessions()
    try:
        chain = _Chain(session.scalar(select(Terminal.id).where(Terminal.code == "T01")) or 0)
        meter_id, meter, customer = session.execute(
            select(Meter.id, Meter.number, Customer.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.KEYPAD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.number)
            .limit(1)
        ).one()
        session.rollback()
        dsn = head_office_store[1].replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn) as other:
            other.execute("SELECT id FROM meters WHERE id = %s FOR KEY SHARE", (meter_id,))
            session.execute(text("SET LOCAL lock_timeout = '2s'"))
            events = [
                chain.event(AuditKind.VEND, "B-K", pending_facts("B-K", meter, customer, 700)),
                chain.event(AuditKind.VEND, "B-K", _issued(700)),
            ]
            flags = sale_batch.project(session, events)
            assert [flag for found in flags.values() for flag in found] == []
            other.rollback()
    finally:
        session.rollback()
        session.close()


@pytest.mark.parametrize("step", ["settled", "settled_by_replacement"])
def test_a_card_sale_settled_after_a_doubt_is_booked_as_sold(
    office: HeadOffice, tmp_path: Path, step: str
) -> None:
    # A card sale in doubt is settled at the next card read ("settled") or when its card is
    # replaced ("settled_by_replacement"): either way the customer has the credit.
    key_id, key = enrol(office)
    with office.transaction() as session:
        meter, customer = session.execute(
            select(Meter.number, Customer.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.CARD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.number)
            .limit(1)
        ).one()
    pending = {
        **pending_facts("B-CARD", meter, customer, 0, medium="card", module=None, key_ref=None,
                   module_sequence=None, module_balance=None),
        "tid": None,
    }  # fmt: skip
    written = [
        (AuditKind.VEND, "vend:B-CARD", pending, Actor("CASH1", "SP01", "T01")),
        (AuditKind.VEND, "vend:B-CARD", {"step": step, "token_kwh": "100.0", "medium": "card"},
         Actor("CASH1", "SP01", "T01")),
    ]  # fmt: skip
    reply = push(office, key_id, key, entries(tmp_path / "counter", written))
    assert {verdict for _, verdict, _ in verdicts(reply)} == {"applied"}
    with office.transaction() as session:
        state = session.scalar(select(Vend.state).where(Vend.bill_number == "B-CARD"))
    assert state is VendState.ISSUED
