"""Terminals' meter replacements (manual 4.6) into the head office's meters, stock and
``meter_replacements``, as the counter booked them (docs/sync.md, "Projection"; SYN-30).

The facts come from the ``master_data_change`` entry with subject ``meter_replacement:<bill>``
(``starpos.tokenops.meter_replace``): both meters' numbers, the reason's code, the old
meter's condition, the charges and remainder, and what moved to the new meter (customer,
tariff, debt, install date, contract). The head office does what
``masterdata.meter_stock.replace_meter`` did at the counter: the new meter installed with the
customer's contract, the old one back in stock at its branch, its stock movement, and the
remainder token's PLANNED row (its ``token_operation`` entries follow and move it), and how
it was paid (:mod:`starpos.server.replacement_payment`). An entry
written before it carried what moved (SYN-30) is booked with the old meter's values here,
which is what the counter copied. Never refused: an unknown meter, reason or customer is an
``unknown_reference`` finding and the entry stays in the chain.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.db.enums import (
    ContractStatus,
    MeterCondition,
    StockMovementKind,
    StockStatus,
    TokenOperationKind,
    TokenOperationState,
)
from starpos.db.models import (
    Customer,
    Meter,
    MeterReplacement,
    ReplacementReason,
    StockMovement,
    TariffScheme,
    TokenOperation,
)
from starpos.server.findings import FindingKind, Flag
from starpos.server.replacement_payment import book_payment
from starpos.server.sale_owner import sent_by_another
from starpos.server.shift_projection import operator_id

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

PREFIX = "meter_replacement:"


def replaced(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    bill = event.subject.removeprefix(PREFIX)
    if session.scalar(select(MeterReplacement.id).where(MeterReplacement.bill_number == bill)):
        subject = literal(PREFIX + bill)
        kind = AuditKind.MASTER_DATA_CHANGE.value
        if session.scalar(select(sent_by_another(kind, subject, event.enrolment_id))):
            # A terminal set up again numbers afresh: the bill is its old store's record.
            return [Flag(FindingKind.BILL_NUMBER_TAKEN, {"replacement": bill})]
        return []  # booked already (bill numbers carry their terminal: SYN-22)
    old, new = (
        session.scalars(
            select(Meter).where(Meter.number == facts.get(key)).with_for_update()
        ).first()
        for key in ("old_meter", "new_meter")
    )
    reason = session.scalar(
        select(ReplacementReason.id).where(ReplacementReason.code == facts.get("reason"))
    )
    customer = _customer(session, facts, old)
    who = operator_id(session, event.operator_code)
    found = (("old_meter", old), ("new_meter", new), ("reason", reason), ("customer", customer))
    missing = [name for name, value in found if value is None]
    if old is None or new is None or reason is None or customer is None:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"replacement": bill, "missing": missing})]
    _move_meters(session, facts, old, new, customer, event)
    condition = MeterCondition(facts.get("condition", MeterCondition.MAINTENANCE.value))
    old.condition = condition
    if old.branch_id is not None:
        session.add(
            StockMovement(
                bill_number=bill, kind=StockMovementKind.IN_REPLACED, meter_id=old.id,
                branch_id=old.branch_id, operator_id=who, moved_at=event.occurred_at,
                origin_bill_number=bill, condition=condition,
            )
        )  # fmt: skip
    row = MeterReplacement(
        bill_number=bill, customer_id=customer, old_meter_id=old.id, new_meter_id=new.id,
        reason_id=reason, operator_id=who, replaced_at=event.occurred_at,
        remainder_kwh=Decimal(str(facts.get("remainder_kwh", "0.0"))),
        charges=Decimal(str(facts.get("charges", "0"))),
        operation_id=_remainder_row(session, facts, new, who, event),
    )  # fmt: skip
    session.add(row)
    session.flush()
    return book_payment(session, event, row)


def _customer(session: Session, facts: dict[str, Any], old: Meter | None) -> int | None:
    if "customer" in facts:
        return session.scalar(select(Customer.id).where(Customer.code == facts["customer"]))
    return old.customer_id if old is not None else None


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def _move_meters(
    session: Session,
    facts: dict[str, Any],
    old: Meter,
    new: Meter,
    customer: int,
    event: TerminalEvent,
) -> None:
    """As ``replace_meter`` at the counter: the contract moves, the old meter goes to stock."""
    tariff = old.tariff_scheme_id
    if facts.get("tariff") is not None:
        tariff = (
            session.scalar(select(TariffScheme.id).where(TariffScheme.code == facts["tariff"]))
            or tariff
        )
    new.customer_id, new.tariff_scheme_id = customer, tariff
    debt = facts.get("debt")
    new.outstanding_debt = old.outstanding_debt if debt is None else Decimal(str(debt))
    old.outstanding_debt = Decimal(0)
    new.install_date = _date(facts.get("install_date")) or event.occurred_at.date()
    new.contract_status = ContractStatus.ACTIVE
    if "contract_start" in facts:
        new.contract_start = _date(facts["contract_start"])
        new.contract_end = _date(facts.get("contract_end"))
    else:
        new.contract_start, new.contract_end = old.contract_start, old.contract_end
    new.stock_status = StockStatus.INSTALLED
    old.customer_id = None
    old.contract_status = ContractStatus.NONE
    old.stock_status = StockStatus.IN_STOCK


def _remainder_row(
    session: Session, facts: dict[str, Any], new: Meter, who: int | None, event: TerminalEvent
) -> int | None:
    """The remainder token's row, PLANNED as the counter made it in the same commit."""
    reference = facts.get("operation")
    if not reference or who is None:
        return None
    row = session.scalars(
        select(TokenOperation).where(TokenOperation.request_id == reference)
    ).first()
    if row is None:
        remainder = Decimal(str(facts.get("remainder_kwh", "0.0")))
        row = TokenOperation(
            request_id=reference, batch_id=facts.get("batch") or reference, position=1,
            kind=TokenOperationKind.REMAINDER_CREDIT, state=TokenOperationState.PLANNED,
            meter_id=new.id, operator_id=who, terminal_id=event.terminal_id,
            value=str(remainder), energy_kwh=remainder, print_count=0,
            created_at=event.occurred_at,
        )  # fmt: skip
        session.add(row)
        session.flush()
    return row.id
