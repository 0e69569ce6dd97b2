"""A counter's token cancels, payment changes and meter replacements are booked at the head
office as the counter booked them, and what they disagree with is raised, never refused
(docs/sync.md, "Projection"; decisions SYN-29, SYN-30). The entries carry the facts in the
shape the counter's code writes them (the scenario in test_sync_counter_day.py sends real
ones from a real counter)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.enums import (
    ContractStatus,
    PaymentChangeState,
    StockStatus,
    TokenCancelState,
    TokenOperationState,
    VendState,
)
from starpos.db.models import (
    Customer,
    Meter,
    MeterReplacement,
    PaymentChange,
    ReplacementReason,
    StockMovement,
    TokenCancel,
    TokenOperation,
    Vend,
)
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import findings
from tests.integration.sync.test_sync_projection import _meters, _sale, _send

pytestmark = pytest.mark.postgres

Written = list[tuple[AuditKind, str, dict[str, Any]]]


def _cancel(meter: str, sale_bill: str, cancel_bill: str, *, done: bool = True) -> Written:
    """A cancel's entries as the counter writes them: PENDING, the zero token's steps, then
    the decision."""
    batch, operation = str(uuid.uuid4()), str(uuid.uuid4())
    subject, token_subject = f"vend:{sale_bill}", f"token_operation:{operation}"
    facts = {"batch": batch, "position": 1, "kind": "token_cancel", "meter": meter,
             "value": "0", "energy_kwh": "0.0"}  # fmt: skip
    last = (
        {"step": "cancelled", "cancel_bill": cancel_bill, "refund": "38.00",
         "token": "11112222333344445555", "tid": 9_000_100}
        if done
        else {"step": "cancel_failed", "cancel_bill": cancel_bill, "refund": "38.00",
              "reason": "sm.refused"}
    )  # fmt: skip
    return [
        (AuditKind.VEND_CANCELLED, subject, {
            "step": "pending", "cancel_bill": cancel_bill, "request_id": batch, "batch": batch,
            "reason": "wrong meter", "amount": "40.00", "charge": "2.00", "refund": "38.00",
            "operation": operation, "meter": meter,
        }),
        (AuditKind.TOKEN_OPERATION, token_subject, {"step": "pending", **facts, "tid": 9_000_100,
                                                    "module": "30000001"}),
        (AuditKind.TOKEN_OPERATION, token_subject, {"step": "issued", **facts,
                                                    "tokens": ["11112222333344445555"]}),
        (AuditKind.VEND_CANCELLED, subject, last),
    ]  # fmt: skip


def test_a_cancel_in_the_push_of_its_sale_cancels_it_with_the_counters_refund(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    written = [*_sale(sold, "V2612SP01T0100001", tid=9_000_001),
               *_cancel(sold.meter, "V2612SP01T0100001", "C2612SP01T0100001")]  # fmt: skip
    _send(office, tmp_path / "t01", "T01", written)
    with office.transaction() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == "V2612SP01T0100001")).one()
        cancel = session.scalars(select(TokenCancel)).one()
        operation = session.get(TokenOperation, cancel.operation_id)
        assert vend.state is VendState.CANCELLED and vend.cancelled_at is not None
        assert (cancel.bill_number, cancel.state, cancel.vend_id) == (
            "C2612SP01T0100001", TokenCancelState.DONE, vend.id
        )  # fmt: skip
        assert (cancel.amount, cancel.charge, cancel.refund) == (
            Decimal("40.00"), Decimal("2.00"), Decimal("38.00")
        )  # fmt: skip
        assert cancel.completed_at is not None and cancel.terminal_id == vend.terminal_id
        assert operation is not None and operation.state is TokenOperationState.ISSUED
        assert operation.tokens == "11112222333344445555"
    assert findings(office) == []


def test_a_failed_cancel_leaves_the_sale_standing(office: HeadOffice, tmp_path: Path) -> None:
    (sold,) = _meters(office, 1)
    signer = _send(office, tmp_path / "t01", "T01", _sale(sold, "V2612SP01T0100002", tid=9_000_002))
    # The cancel arrives in a later push than its sale.
    failed = _cancel(sold.meter, "V2612SP01T0100002", "C2612SP01T0100002", done=False)
    _send(office, tmp_path / "t01", "T01", [failed[0], failed[-1]], signer)
    with office.transaction() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == "V2612SP01T0100002")).one()
        cancel = session.scalars(select(TokenCancel)).one()
        assert vend.state is VendState.ISSUED
        assert (cancel.state, cancel.failure_reason) == (TokenCancelState.FAILED, "sm.refused")


def test_a_cancel_of_a_sale_the_head_office_never_received_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    _send(office, tmp_path / "t01", "T01", _cancel(sold.meter, "V2612SP01T0199999", "C1"))
    with office.transaction() as session:
        assert session.scalars(select(TokenCancel)).first() is None
    assert [kind for kind, _ in findings(office)] == ["sale_not_found", "sale_not_found"]


def test_a_payment_change_is_booked_and_a_later_one_carries_it(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    first = {"step": "payment_changed", "meter": sold.meter, "customer": sold.customer,
             "from": "prepaid", "to": "postpaid", "prearrange": "0.00", "receivable": "0.00",
             "remain": "12.50", "remark": "moved to billing", "carried": None}  # fmt: skip
    second = {**first, "from": "postpaid", "to": "prepaid", "prearrange": "20.00",
              "receivable": "30.00", "remain": "12.50", "carried": "P1"}  # fmt: skip
    written: Written = [
        (AuditKind.MASTER_DATA_CHANGE, "payment_change:P1", first),
        (AuditKind.MASTER_DATA_CHANGE, "payment_change:P2", second),
        (AuditKind.MASTER_DATA_CHANGE, "customer:C0000001", {"step": "edited"}),
    ]
    _send(office, tmp_path / "t01", "T01", written)
    with office.transaction() as session:
        rows = {c.bill_number: c for c in session.scalars(select(PaymentChange))}
        meter = session.scalars(select(Meter).where(Meter.number == sold.meter)).one()
        assert rows["P1"].state is PaymentChangeState.CARRIED
        assert rows["P1"].remain == Decimal("12.50")
        assert rows["P2"].state is PaymentChangeState.DUE
        assert (rows["P2"].prearrange, rows["P2"].receivable) == (
            Decimal("20.00"), Decimal("30.00")
        )  # fmt: skip
        assert rows["P2"].to_mode.value == "prepaid" and meter.prearrange_due
    assert findings(office) == []


def test_a_meter_replacement_moves_the_contract_and_books_the_remainder_token(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    with office.transaction() as session:
        old = session.scalars(select(Meter).where(Meter.number == sold.meter)).one()
        old.outstanding_debt = Decimal("15.00")
        spare = session.scalars(
            select(Meter.number)
            .where(Meter.stock_status == StockStatus.IN_STOCK, Meter.medium == old.medium)
            .order_by(Meter.number)
        ).first()
        reason = session.scalars(select(ReplacementReason.code)).first()
        contract_start = old.contract_start
    assert spare is not None and reason is not None
    operation, batch = str(uuid.uuid4()), str(uuid.uuid4())
    facts = {"step": "replaced", "old_meter": sold.meter, "new_meter": spare,
             "reason": reason, "condition": "scrap", "charges": "25.00",
             "remainder_kwh": "12.5", "batch": batch, "customer": sold.customer,
             "tariff": sold.tariff[0], "debt": "15.00", "install_date": "2026-12-03",
             "contract_start": contract_start.isoformat() if contract_start else None,
             "contract_end": None, "operation": operation}  # fmt: skip
    token = {"batch": batch, "position": 1, "kind": "remainder_credit", "meter": spare,
             "value": "12.5", "energy_kwh": "12.5"}  # fmt: skip
    written: Written = [
        (AuditKind.MASTER_DATA_CHANGE, "meter_replacement:R1", facts),
        (AuditKind.TOKEN_OPERATION, f"token_operation:{operation}",
         {"step": "pending", **token, "tid": 9_000_200, "module": "30000001"}),
        (AuditKind.TOKEN_OPERATION, f"token_operation:{operation}",
         {"step": "issued", **token, "tokens": ["55556666777788889999"]}),
    ]  # fmt: skip
    _send(office, tmp_path / "t01", "T01", written)
    with office.transaction() as session:
        old = session.scalars(select(Meter).where(Meter.number == sold.meter)).one()
        new = session.scalars(select(Meter).where(Meter.number == spare)).one()
        customer = session.scalars(select(Customer).where(Customer.code == sold.customer)).one()
        row = session.scalars(select(MeterReplacement)).one()
        operations = session.scalars(select(TokenOperation)).all()
        moved = session.scalars(select(StockMovement).where(StockMovement.bill_number == "R1"))
        assert (old.stock_status, old.contract_status, old.customer_id, old.condition.value) == (
            StockStatus.IN_STOCK, ContractStatus.NONE, None, "scrap"
        )  # fmt: skip
        assert old.outstanding_debt == Decimal("0.00")
        assert (new.stock_status, new.contract_status, new.customer_id) == (
            StockStatus.INSTALLED, ContractStatus.ACTIVE, customer.id
        )  # fmt: skip
        assert new.outstanding_debt == Decimal("15.00") and new.contract_start == contract_start
        assert str(new.install_date) == "2026-12-03"
        assert (row.charges, row.remainder_kwh) == (Decimal("25.00"), Decimal("12.5"))
        assert [o.id for o in operations] == [row.operation_id]
        assert operations[0].state is TokenOperationState.ISSUED
        assert [m.meter_id for m in moved] == [old.id]
    assert findings(office) == []


def test_a_replacement_of_a_meter_the_head_office_does_not_know_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    facts = {"step": "replaced", "old_meter": "99999999999", "new_meter": "99999999998",
             "reason": "NOPE", "condition": "maintenance", "charges": "0",
             "remainder_kwh": "0.0", "batch": None}  # fmt: skip
    written: Written = [(AuditKind.MASTER_DATA_CHANGE, "meter_replacement:R9", facts)]
    _send(office, tmp_path / "t01", "T01", written)
    assert [kind for kind, _ in findings(office)] == ["unknown_reference"]
