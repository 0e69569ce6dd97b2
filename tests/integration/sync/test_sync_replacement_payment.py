"""How a terminal's meter replacement was paid is booked at the head office as the counter
booked it (docs/sync.md, "Projection"; SYN-33): the bill's lines as taken, paid and change,
and the link to the paid-in its shift entry brought; sent twice, once. An entry written
before it carried its lines is booked with the reason's lines when they add up to its
charges, and linked to the paid-in by the reason the counter wrote on it. The entries carry
the facts in the shape the counter writes them (test_sync_counter_day.py sends real ones)."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind
from starpos.db.enums import StockStatus
from starpos.db.models import (
    Bank,
    CashMovement,
    ChargeItem,
    ChargeItemVersion,
    Meter,
    MeterReplacement,
    MeterReplacementCharge,
    PaymentTerm,
    Shift,
)
from starpos.db.parameters import utility_now
from starpos.masterdata.dated_terms import date_change
from starpos.server.store import HeadOffice
from starpos.shifts.paid_charges import charges_by_payment
from starpos.tokenops.meter_replace_charges import CASH_REASON, charges_due
from tests.integration.sync.sync_requests import enrol, entries, findings, push, verdicts
from tests.integration.sync.test_sync_projection import Sold, _meters, _send

pytestmark = pytest.mark.postgres

Written = list[tuple[AuditKind, str, dict[str, Any]]]
REASON = "TAMPER"  # the demo's reason with a charge (RPL, taxed)


def _spare(office: HeadOffice) -> str:
    with office.transaction() as session:
        number = session.scalars(
            select(Meter.number)
            .where(Meter.stock_status == StockStatus.IN_STOCK)
            .order_by(Meter.number)
        ).first()
    assert number is not None
    return number


def _due(office: HeadOffice, old_meter: str) -> list[tuple[str, str, Decimal, bool]]:
    """The lines the counter takes for the reason (its own function, on the same master data)."""
    with office.transaction() as session:
        due = charges_due(session, REASON, old_meter)
        return [(line.code, line.name, line.amount, line.item_id is not None) for line in due.lines]


def _replaced(
    sold: Sold, spare: str, bill: str, lines: list[Any], paid: str, **facts: Any
) -> Written:
    """The shift's opening and paid-in entries, then the replacement's, as the counter
    writes them in that order (``book_cash`` audits the cash first)."""
    shift, movement = str(uuid.uuid4()), str(uuid.uuid4())
    charges = sum((Decimal(line[2]) for line in lines), Decimal("0.00"))
    reason = CASH_REASON.format(bill=bill)
    cash = {"step": "cash", "shift": shift, "till": "T01", "movement": movement,
            "kind": "paid_in", "amount": str(charges), "reason": reason}  # fmt: skip
    replaced = {"step": "replaced", "old_meter": sold.meter, "new_meter": spare,
                "reason": REASON, "condition": "maintenance", "charges": str(charges),
                "paid": paid, "change": str(Decimal(paid) - charges), "cash_movement": 7,
                "remainder_kwh": "0.0", "batch": None, "customer": sold.customer,
                "lines": [[code, name, str(amount), item] for code, name, amount, item in lines],
                "movement": movement, **facts}  # fmt: skip
    return [
        (AuditKind.SHIFT, f"shift:{shift}",
         {"step": "opened", "shift": shift, "till": "T01", "opening_float": "0.00",
          "opening_count": {}}),
        (AuditKind.SHIFT, f"shift:{shift}", cash),
        (AuditKind.MASTER_DATA_CHANGE, f"meter_replacement:{bill}", replaced),
    ]  # fmt: skip


def _booked(office: HeadOffice, bill: str) -> tuple[Any, ...]:
    with office.transaction() as session:
        row = session.scalars(
            select(MeterReplacement).where(MeterReplacement.bill_number == bill)
        ).one()
        lines = [
            (line.code, line.name, line.amount, line.charge_item_id is not None)
            for line in session.scalars(
                select(MeterReplacementCharge)
                .where(MeterReplacementCharge.replacement_id == row.id)
                .order_by(MeterReplacementCharge.position)
            )
        ]
        cash = session.get(CashMovement, row.cash_movement_id) if row.cash_movement_id else None
        paid_in = (cash.kind.value, cash.amount, cash.reason) if cash is not None else None
        return row.charges, row.paid, row.change_given, lines, paid_in


def test_the_bill_lines_payment_and_paid_in_are_the_counters(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    lines = _due(office, sold.meter)
    assert lines and any(not item for *_, item in lines)  # RPL and its VAT line
    written = _replaced(sold, _spare(office), "R1", lines, "50.00")
    signer = _send(office, tmp_path / "t01", "T01", written)
    charges = sum((line[2] for line in lines), Decimal("0.00"))
    expected = (charges, Decimal("50.00"), Decimal("50.00") - charges, lines,
                ("paid_in", charges, CASH_REASON.format(bill="R1")))  # fmt: skip
    assert _booked(office, "R1") == expected
    # The whole chain again (a lost answer): nothing booked twice.
    _send(office, tmp_path / "t01", "T01", [], signer)
    assert _booked(office, "R1") == expected
    with office.transaction() as session:
        assert len(session.scalars(select(MeterReplacementCharge)).all()) == len(lines)
    assert findings(office) == []


def test_an_entry_written_before_it_carried_its_lines_is_booked_from_the_reason(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    lines = _due(office, sold.meter)
    written = _replaced(sold, _spare(office), "R2", lines, "40.00")
    del written[-1][2]["lines"], written[-1][2]["movement"]
    _send(office, tmp_path / "t01", "T01", written)
    charges, paid, change, booked, paid_in = _booked(office, "R2")
    assert (booked, paid, change) == (lines, Decimal("40.00"), Decimal("40.00") - charges)
    assert paid_in == ("paid_in", charges, CASH_REASON.format(bill="R2"))
    assert findings(office) == []


def test_a_paid_in_the_head_office_does_not_have_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    written = _replaced(sold, _spare(office), "R3", _due(office, sold.meter), "50.00")
    _send(office, tmp_path / "t01", "T01", written[-1:])  # its shift's entries never came
    assert _booked(office, "R3")[4] is None
    assert [kind for kind, _ in findings(office)] == ["unknown_reference"]


def test_a_cheque_s_term_bank_number_and_shift_are_the_counters(
    office: HeadOffice, tmp_path: Path
) -> None:
    """The head office keeps how the charges were paid (TOK-30): the term, the bank, the
    cheque number and the shift that took them, so its X/Z counts them under the cheque."""
    sold, other = _meters(office, 2)
    lines = _due(office, sold.meter)
    charges = sum((line[2] for line in lines), Decimal("0.00"))
    written = _replaced(sold, _spare(office), "R4", lines, str(charges))
    shift = written[0][2]["shift"]
    del written[1]  # by cheque: no paid-in
    written[-1][2].update(payment="CHQ", bank="FCB", cheque_number="0004711", shift=shift,
                          movement=None, cash_movement=None)  # fmt: skip
    _send(office, tmp_path / "t01", "T01", written)
    with office.transaction() as session:
        row = session.scalars(
            select(MeterReplacement).where(MeterReplacement.bill_number == "R4")
        ).one()
        term = session.get(PaymentTerm, row.payment_term_id)
        bank = session.get(Bank, row.bank_id)
        booked_shift = session.get(Shift, row.shift_id)
        assert (term.code if term else None, bank.code if bank else None) == ("CHQ", "FCB")
        assert row.cheque_number == "0004711" and row.cash_movement_id is None
        assert booked_shift is not None and booked_shift.request_id == shift
        assert charges_by_payment(session, booked_shift.id) == {"CHQ": (1, charges)}
    assert findings(office) == []

    # A bank the head office does not know is raised; the bill is booked without it.
    written = _replaced(other, _spare(office), "R5", lines, str(charges))
    written[-1][2].update(payment="CHQ", bank="NOPE", cheque_number="1")
    _send(office, tmp_path / "t03", "T03", written)
    with office.transaction() as session:
        row = session.scalars(
            select(MeterReplacement).where(MeterReplacement.bill_number == "R5")
        ).one()
        assert row.bank_id is None and row.shift_id is not None  # by its paid-in's shift
    assert [kind for kind, _ in findings(office)] == ["unknown_reference"]


def test_an_entry_is_priced_as_at_its_own_time_not_the_head_offices_now(
    office: HeadOffice, tmp_path: Path
) -> None:
    """Decision BO-29: an entry from before SYN-33 is re-priced with the versions in force
    at the bill's local time, as the counter priced it; a change the head office dated
    after the replacement does not make its lines disappear, and each line names its version."""
    (sold,) = _meters(office, 1)
    lines = _due(office, sold.meter)
    written = _replaced(sold, _spare(office), "R4", lines, "60.00")
    del written[-1][2]["lines"], written[-1][2]["movement"]
    key_id, key = enrol(office, "T01")
    actor = Actor("CASH1", None, "T01")
    chain = entries(
        tmp_path / "t01", [(kind, subject, facts, actor) for kind, subject, facts in written]
    )
    # The counter has replaced the meter; then the head office changes the charge from a
    # moment after that, which is in force by the time the entry arrives.
    with office.transaction() as session:
        item = session.scalars(select(ChargeItem).where(ChargeItem.code == "RPL")).one()
        old_version = session.scalars(
            select(ChargeItemVersion.id).where(ChargeItemVersion.charge_item_id == item.id)
        ).one()
        since = utility_now(session).replace(microsecond=0) + timedelta(seconds=1)
        date_change(session, item, "charge item", {"amount": Decimal("99.00")}, since,
                    utility_now(session))  # fmt: skip
    deadline = time.monotonic() + 20
    while True:  # a bound on the wait, not a speed target
        with office.transaction() as session:
            if utility_now(session) > since:
                break
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert all(
        verdict != "rejected" for _, verdict, _ in verdicts(push(office, key_id, key, chain))
    )
    booked = _booked(office, "R4")
    assert booked[3] == lines and booked[1] == Decimal("60.00")
    with office.transaction() as session:
        row = session.scalars(
            select(MeterReplacement).where(MeterReplacement.bill_number == "R4")
        ).one()
        named = [
            (line.code, line.charge_version_id, line.vat_version_id is not None)
            for line in session.scalars(
                select(MeterReplacementCharge)
                .where(MeterReplacementCharge.replacement_id == row.id)
                .order_by(MeterReplacementCharge.position)
            )
        ]
    assert named == [("RPL", old_version, False), ("VAT", None, True)]
    assert findings(office) == []
