"""A card sale's row in the vend ledger, one committed step at a time, like a token vend
(:mod:`starpos.vending.ledger`): PENDING before the card is written, ISSUED once the credit
is on the card, FAILED when it certainly is not. The row has ``medium = card``, no TID and
no token; its ``card_vends`` row names the card and the credit sequence."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import CardVend, Meter, Vend
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.vending import errors
from starpos.vending.sale import PricedSale
from starpos.vending.sale_rows import charge_lines, priced_columns, sale_facts


@dataclass(frozen=True)
class PendingCardVend:
    """A committed PENDING card sale: what goes onto the card."""

    vend_id: int
    bill_number: str
    sequence: int
    energy_kwh: Decimal


def open_pending(
    database: Database,
    sale: PricedSale,
    *,
    card_id: int,
    sequence: int,
    reading_id: int | None,
) -> PendingCardVend:
    """Allocate the bill number and commit the PENDING row, before the card is written."""
    breakdown = sale.breakdown
    request_id = str(uuid.uuid4())
    with database.unit_of_work() as uow:
        session = uow.session
        bill = bill_numbers.next_number(
            session,
            bill_numbers.VEND,
            NumberingContext(
                when=sale.local_time,
                sales_point_code=sale.actor.sales_point_code or "",
                branch_code=sale.branch_code,
                terminal_code=sale.actor.terminal_code or "",
            ),
        )
        vend = Vend(
            request_id=request_id,
            bill_number=bill,
            state=VendState.PENDING,
            medium=MeterMedium.CARD,
            meter_id=sale.meter_id,
            customer_id=sale.customer_id,
            operator_id=sale.operator_id,
            sales_point_id=sale.sales_point_id,
            terminal_id=sale.terminal_id,
            payment_term_id=sale.payment_term_id,
            tariff_version_id=sale.tariff_version_id,
            tendered=sale.tendered,
            change=sale.change,
            # The same figures and charge lines as every writer of the ledger.
            **priced_columns(sale.sale, breakdown),
        )
        vend.charges = charge_lines(session, breakdown)
        session.add(vend)
        session.flush()
        session.add(
            CardVend(
                vend_id=vend.id,
                card_id=card_id,
                meter_id=sale.meter_id,
                sequence=sequence,
                reading_id=reading_id,
            )
        )
        append(
            session,
            AuditKind.VEND,
            subject=f"vend:{bill}",
            details={
                "step": "pending",
                "medium": "card",
                "meter": sale.meter_number,
                "customer": sale.customer_code,
                "net": breakdown.net,
                "token_kwh": breakdown.token_kwh,
                "sequence": sequence,
                **sale_facts(session, sale, request_id=request_id, medium="card"),
            },
            actor=sale.actor,
        )
        uow.commit()
        return PendingCardVend(vend.id, bill, sequence, breakdown.token_kwh)


def record_issued(database: Database, vend_id: int, actor: Actor) -> None:
    """PENDING -> ISSUED: the credit was written and read back from the card."""
    with database.unit_of_work() as uow:
        mark_issued(uow.session, vend_id, actor, step="issued")
        uow.commit()


def record_failed(database: Database, vend_id: int, reason_code: str, actor: Actor) -> None:
    """PENDING -> FAILED: the credit is certainly not on the card."""
    with database.unit_of_work() as uow:
        mark_failed(uow.session, vend_id, reason_code, actor, step="failed")
        uow.commit()


def mark_issued(session: Session, vend_id: int, actor: Actor, *, step: str) -> Vend:
    """In the caller's transaction: ISSUED, the meter's debt settled (as a token vend)."""
    vend = _pending(session, vend_id, "issued")
    vend.state = VendState.ISSUED
    vend.issued_at = utc_now()
    meter = session.get(Meter, vend.meter_id, with_for_update=True)
    assert meter is not None
    meter.outstanding_debt = max(Decimal(0), meter.outstanding_debt - vend.debt_repayment)
    if vend.prearrange > 0:
        meter.prearrange_due = False
    append(
        session,
        AuditKind.VEND,
        subject=f"vend:{vend.bill_number}",
        details={"step": step, "medium": "card", "token_kwh": vend.token_kwh},
        actor=actor,
    )
    return vend


def mark_failed(
    session: Session, vend_id: int, reason_code: str, actor: Actor, *, step: str
) -> Vend:
    vend = _pending(session, vend_id, "failed")
    vend.state = VendState.FAILED
    vend.failed_at = utc_now()
    vend.failure_reason = reason_code
    append(
        session,
        AuditKind.VEND_FAILED,
        subject=f"vend:{vend.bill_number}",
        details={"step": step, "medium": "card", "reason": reason_code},
        actor=actor,
    )
    return vend


def _pending(session: Session, vend_id: int, action: str) -> Vend:
    vend = session.get(Vend, vend_id, with_for_update=True)
    if vend is None:
        raise errors.UnknownVendError(bill=str(vend_id))
    if vend.state is not VendState.PENDING:
        raise errors.VendStateError(bill=vend.bill_number, state=str(vend.state), action=action)
    return vend
