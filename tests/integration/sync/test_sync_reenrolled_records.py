"""A terminal set up again (a new store, a new enrolment) numbers its other records afresh
too: a payment change or a meter replacement of the new store can carry the bill of one its
old store sent (SYN-46, after SYN-42 for sales). The old store's record stays as it was; the
new store's is raised as ``bill_number_taken``, never dropped as "booked already", and a
later change of the new store that carries its own earlier change leaves the old store's
alone. Token operations are named by their own request id, so the two stores' rows never
meet. The entries carry the facts in the shape the counter writes them."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.enums import StockStatus
from starpos.db.models import (
    Meter,
    MeterReplacement,
    PaymentChange,
    ReplacementReason,
    TokenOperation,
)
from starpos.server.store import HeadOffice
from tests.integration.sync.test_sync_payment_settlement import _change
from tests.integration.sync.test_sync_projection import Sold, _meters, _send
from tests.integration.sync.test_sync_reenrolled_sales import _findings

pytestmark = pytest.mark.postgres

Written = list[tuple[AuditKind, str, dict[str, Any]]]


def _payment_changes(office: HeadOffice) -> dict[str, tuple[str, Decimal, Decimal]]:
    with office.transaction() as session:
        return {
            c.bill_number: (c.state.value, c.remain, c.receivable)
            for c in session.scalars(select(PaymentChange))
        }


def test_a_re_enrolled_terminals_payment_change_leaves_its_old_stores_change_alone(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    old = _send(office, tmp_path / "t01", "T01", _change(sold, "P1", remain="12.50"))
    before = _payment_changes(office)
    assert before == {"P1": ("due", Decimal("12.50"), Decimal("0.00"))}
    # The new store's own first change is its P1 too; its second carries that P1 over.
    mine = _change(sold, "P1", receivable="7.00")
    (kind, subject, facts) = _change(sold, "P2", remain="3.00")[0]
    new = _send(office, tmp_path / "t01-new", "T01",
                [*mine, (kind, subject, {**facts, "carried": "P1"})])  # fmt: skip
    assert _payment_changes(office) == {**before, "P2": ("due", Decimal("3.00"), Decimal("0.00"))}
    assert _findings(office, new[0]) == [("bill_number_taken", "payment_change:P1", None)]
    # The old store's own next change still carries its P1 (the first heard is its own).
    (kind, subject, facts) = _change(sold, "P3", remain="12.50")[0]
    _send(office, tmp_path / "t01", "T01", [(kind, subject, {**facts, "carried": "P1"})], old)
    assert _payment_changes(office)["P1"][0] == "carried"
    assert _findings(office, old[0]) == []


def _replacement(office: HeadOffice, sold: Sold, spare: str, bill: str) -> Written:
    with office.transaction() as session:
        reason = session.scalars(select(ReplacementReason.code)).first()
    facts = {"step": "replaced", "old_meter": sold.meter, "new_meter": spare,
             "reason": reason, "condition": "maintenance", "charges": "0.00",
             "remainder_kwh": "0.0", "batch": None, "customer": sold.customer,
             "tariff": sold.tariff[0], "debt": "0.00", "install_date": "2026-12-03",
             "contract_start": None, "contract_end": None, "operation": None}  # fmt: skip
    return [(AuditKind.MASTER_DATA_CHANGE, f"meter_replacement:{bill}", facts)]


def _spares(office: HeadOffice, count: int) -> list[str]:
    with office.transaction() as session:
        medium = session.scalars(select(Meter.medium).where(Meter.number.is_not(None))).first()
        return list(
            session.scalars(
                select(Meter.number)
                .where(Meter.stock_status == StockStatus.IN_STOCK, Meter.medium == medium)
                .order_by(Meter.number)
                .limit(count)
            )
        )


def _meter_states(office: HeadOffice, numbers: list[str]) -> dict[str, tuple[Any, ...]]:
    with office.transaction() as session:
        return {
            m.number: (m.stock_status, m.customer_id)
            for m in session.scalars(select(Meter).where(Meter.number.in_(numbers)))
        }


def test_a_re_enrolled_terminals_meter_replacement_is_raised_not_dropped(
    office: HeadOffice, tmp_path: Path
) -> None:
    first, second = _meters(office, 2)
    spare_one, spare_two = _spares(office, 2)
    old = _send(office, tmp_path / "t01", "T01", _replacement(office, first, spare_one, "R1"))
    with office.transaction() as session:
        booked = [(r.bill_number, r.old_meter_id, r.new_meter_id)
                  for r in session.scalars(select(MeterReplacement))]  # fmt: skip
    numbers = [first.meter, second.meter, spare_one, spare_two]
    meters = _meter_states(office, numbers)
    new = _send(office, tmp_path / "t01-new", "T01", _replacement(office, second, spare_two, "R1"))
    with office.transaction() as session:
        after = [(r.bill_number, r.old_meter_id, r.new_meter_id)
                 for r in session.scalars(select(MeterReplacement))]  # fmt: skip
    assert after == booked and _meter_states(office, numbers) == meters
    assert _findings(office, new[0]) == [("bill_number_taken", "meter_replacement:R1", None)]
    assert _findings(office, old[0]) == []


def test_a_re_enrolled_terminals_token_operations_never_meet_its_old_stores(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)

    def operation(request_id: str, tid: int, token: str) -> Written:
        facts = {"batch": str(uuid.uuid4()), "position": 1, "kind": "clear_tamper",
                 "meter": sold.meter, "value": "", "energy_kwh": "0.0"}  # fmt: skip
        subject = f"token_operation:{request_id}"
        return [
            (AuditKind.TOKEN_OPERATION, subject,
             {"step": "pending", **facts, "tid": tid, "module": "30000001"}),
            (AuditKind.TOKEN_OPERATION, subject, {"step": "issued", **facts, "tokens": [token]}),
            (AuditKind.TOKEN_OPERATION, subject, {"step": "printed", "print_count": 1}),
        ]  # fmt: skip

    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    old = _send(office, tmp_path / "t01", "T01", operation(first, 9_000_301, "1" * 20))
    new = _send(office, tmp_path / "t01-new", "T01", operation(second, 9_000_302, "2" * 20))
    with office.transaction() as session:
        rows = {
            o.request_id: (o.state.value, o.tokens, o.tid, o.print_count)
            for o in session.scalars(select(TokenOperation))
        }
    assert rows == {
        first: ("issued", "1" * 20, 9_000_301, 1),
        second: ("issued", "2" * 20, 9_000_302, 1),
    }
    assert _findings(office, old[0]) == [] and _findings(office, new[0]) == []
