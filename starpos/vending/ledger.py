"""Every sale's row in the ledger: PENDING -> ISSUED -> PRINTED, or FAILED, whatever carries
the credit.

This is the one state machine of a sale. What carries the credit adds only its own: a
token sale (:mod:`starpos.vending.token_ledger`) its TID, the module's request and the
token; a card sale (:mod:`starpos.card_sales.ledger`) its card and credit sequence. The rest
is here, once: the bill number, the priced row and its charge lines, each move between
states with its chained audit entry, and the debt the sale repays, which comes off the
meter the moment the sale is ISSUED (never on a FAILED one).

``add_pending``, ``mark_issued`` and ``mark_failed`` run in the caller's writing transaction
(``BEGIN IMMEDIATE`` on SQLite, row locks elsewhere), so a carrier commits its own rows and
the move together; the ``record_*`` and print functions are one transaction each. The print
never undoes or repeats a sale: printing only moves ISSUED to PRINTED, a failed print leaves
it ISSUED (the credit stands), and a reprint counts and audits.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, NoReturn, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import ISSUING_STEPS, Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import Meter, Vend, VendCharge
from starpos.masterdata import bill_numbers, credit_owed
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.payment_dues import settle_dues
from starpos.shifts.gate import confirm_still_open
from starpos.vending import errors, key_change_sale
from starpos.vending.sale import PricedSale
from starpos.vending.sale_rows import charge_rows, priced_columns, sale_facts

# The PENDING and ISSUED moves run once per sale: plain Core statements, built once
# (SQLAlchemy caches their compiled form), skip the ORM's loads, identity map and flushes.
_VENDS = cast(Table, Vend.__table__)
_INSERT_VEND = insert(_VENDS).returning(_VENDS.c.id)
_INSERT_CHARGES = insert(cast(Table, VendCharge.__table__))
_ISSUE = (
    update(_VENDS)
    .where(_VENDS.c.id == bindparam("vend_id"), _VENDS.c.state == VendState.PENDING)
    .values(state=VendState.ISSUED, issued_at=bindparam("issued_at"))
    .returning(
        _VENDS.c.bill_number,
        _VENDS.c.medium,
        _VENDS.c.tid,
        _VENDS.c.token_kwh,
        _VENDS.c.module_id,
        _VENDS.c.meter_id,
        _VENDS.c.debt_repayment,
        _VENDS.c.prearrange,
    )
)
_ANY_PENDING = select(_VENDS.c.id).where(_VENDS.c.state == VendState.PENDING).limit(1)


@dataclass(frozen=True)
class PendingRow:
    """A PENDING row just added: its id and bill number."""

    vend_id: int
    bill_number: str


@dataclass(frozen=True)
class IssuedRow:
    """A row just moved to ISSUED (``tid``: its token's, None for a card sale)."""

    vend_id: int
    bill_number: str
    tid: int | None


def add_pending(
    session: Session,
    sale: PricedSale,
    *,
    when: datetime,
    columns: Mapping[str, Any],
    details: Mapping[str, Any],
    request_id: str | None = None,
) -> PendingRow:
    """In the caller's transaction: allocate the bill number (numbered at ``when``, the
    utility's wall clock) and add the PENDING row, its charge lines and its audit entry.

    ``columns`` are the carrier's own ``vends`` columns (a card sale's ``medium``, a token
    sale's TID and module); ``details`` what its audit entry adds (the module's request,
    the credit sequence). The entry also carries the sale's facts, so it travels to the head
    office complete (:func:`~starpos.vending.sale_rows.sale_facts`, docs/sync.md).
    """
    breakdown = sale.breakdown
    request_id = request_id or str(uuid.uuid4())
    if sale.shift is not None:
        # Checked again where it is written: a supervisor may have closed it meanwhile.
        confirm_still_open(session, sale.shift.shift_id, sale.actor.operator_code or "", sale.till)
    medium = MeterMedium(columns.get("medium", MeterMedium.KEYPAD))
    bill = bill_numbers.next_number(
        session,
        bill_numbers.VEND,
        NumberingContext(
            when=when,
            sales_point_code=sale.actor.sales_point_code or "",
            branch_code=sale.branch_code,
            terminal_code=sale.actor.terminal_code or "",
        ),
    )
    connection = session.connection()
    vend_id = connection.execute(
        _INSERT_VEND,
        {
            "request_id": request_id,
            "bill_number": bill,
            "state": VendState.PENDING,
            "meter_id": sale.meter_id,
            "customer_id": sale.customer_id,
            "operator_id": sale.operator_id,
            "sales_point_id": sale.sales_point_id,
            "terminal_id": sale.terminal_id,
            "shift_id": sale.shift.shift_id if sale.shift else None,
            "payment_term_id": sale.payment_term_id,
            "tariff_version_id": sale.tariff_version_id,
            "vat_version_id": sale.sale.customer_type.vat_version,
            "tendered": sale.tendered,
            "change": sale.change,
            **priced_columns(sale.sale, breakdown),
            **columns,
        },
    ).scalar_one()
    charges = charge_rows(session, sale.sale, breakdown)
    if charges:
        connection.execute(_INSERT_CHARGES, [{**row, "vend_id": vend_id} for row in charges])
    carrier = _carrier(medium, columns.get("tid"), columns.get("module_id"))
    append(
        session,
        AuditKind.VEND,
        subject=f"vend:{bill}",
        details={
            "step": "pending",
            "meter": sale.meter_number,
            "customer": sale.customer_code,
            "net": breakdown.net,
            "token_kwh": breakdown.token_kwh,
            **carrier,
            **details,
            **sale_facts(session, sale, request_id=request_id, medium=medium.value),
            "shift": sale.shift.request_id if sale.shift else None,
        },
        actor=sale.actor,
    )
    return PendingRow(vend_id, bill)


def mark_issued(
    session: Session,
    vend_id: int,
    actor: Actor,
    *,
    step: str,
    details: Mapping[str, Any] | None = None,
) -> IssuedRow:
    """In the caller's transaction: PENDING -> ISSUED, the meter's debt settled, audited
    (``step`` names how: ``issued``, ``recovered``, ``settled`` ...; ``details``: what the
    carrier's entry adds, a token sale its token)."""
    if step not in ISSUING_STEPS:
        raise ValueError(f"unknown issuing step {step!r}")  # a programming error, not the user's
    now = utc_now()
    row = session.connection().execute(_ISSUE, {"vend_id": vend_id, "issued_at": now})
    issued = row.first()
    if issued is None:
        _refuse_state(session, vend_id, "issued")
    bill, medium, tid, token_kwh, module_id, meter_id, debt_repayment, prearrange = issued
    _forget_loaded(session, vend_id)
    _settle_debt(session, meter_id, debt_repayment, prearrange)
    settle_dues(session, meter_id, vend_id, prearrange)
    returned = credit_owed.settle_owed(session, meter_id, vend_id, actor.terminal_code, bill, now)
    key_change_sale.on_issued(session, vend_id)
    append(
        session,
        AuditKind.VEND,
        subject=f"vend:{bill}",
        details={
            "step": step,
            "token_kwh": token_kwh,
            **_carrier(medium, tid, module_id),
            **(details or {}),
            # The credits owed this sale returned, for the head office to settle (SYN-53).
            **({credit_owed.DETAILS_KEY: returned} if returned else {}),
        },
        actor=actor,
    )
    return IssuedRow(vend_id, bill, tid)


def mark_failed(
    session: Session,
    vend_id: int,
    reason_code: str,
    actor: Actor,
    *,
    step: str,
    recovered: bool = False,
) -> None:
    """In the caller's transaction: PENDING -> FAILED, the credit certainly never made
    (``reason_code`` says why; ``recovered``: decided by start-up recovery)."""
    vend = _locked(session, vend_id)
    if vend.state is not VendState.PENDING:
        raise errors.VendStateError(bill=vend.bill_number, state=str(vend.state), action="failed")
    vend.state = VendState.FAILED
    vend.failed_at = utc_now()
    vend.failure_reason = reason_code
    key_change_sale.on_failed(session, vend_id)
    append(
        session,
        AuditKind.VEND_FAILED,
        subject=f"vend:{vend.bill_number}",
        details={
            "step": step,
            "reason": reason_code,
            "recovered": recovered,
            **_carrier(vend.medium, vend.tid, vend.module_id),
        },
        actor=actor,
    )


def record_issued(database: Database, vend_id: int, actor: Actor) -> None:
    """PENDING -> ISSUED in its own commit: the credit is where it belongs."""
    with database.unit_of_work() as uow:
        mark_issued(uow.session, vend_id, actor, step="issued")
        uow.commit()


def record_failed(
    database: Database, vend_id: int, reason_code: str, actor: Actor, *, recovered: bool = False
) -> None:
    """PENDING -> FAILED in its own commit: the credit was certainly never made."""
    with database.unit_of_work() as uow:
        mark_failed(uow.session, vend_id, reason_code, actor, step="failed", recovered=recovered)
        uow.commit()


def _settle_debt(
    session: Session, meter_id: int, debt_repayment: Decimal, prearrange: Decimal
) -> None:
    """What an ISSUED sale repaid comes off the meter (never more than it owes), and a
    prearranged amount it carried is no longer due."""
    if debt_repayment <= 0 and prearrange <= 0:
        return
    meter = session.get(Meter, meter_id, with_for_update=True)
    assert meter is not None
    meter.outstanding_debt -= min(meter.outstanding_debt, debt_repayment)
    if prearrange > 0:
        meter.prearrange_due = False


def _carrier(medium: MeterMedium, tid: int | None, module_id: str | None) -> dict[str, Any]:
    """What an audit entry names of what carries the credit: the card, or the token's TID
    and the module that made it."""
    if medium == MeterMedium.CARD:
        return {"medium": "card"}
    return {"tid": tid, "module": module_id}


def _forget_loaded(session: Session, vend_id: int) -> None:
    """The ISSUED move goes past the ORM: a row the session already holds (the card flows
    load the sales they settle) has what it changed expired, so it is read as it now is."""
    loaded = session.identity_map.get(session.identity_key(Vend, vend_id))
    if loaded is not None:
        session.expire(loaded, ["state", "issued_at"])


def _refuse_state(session: Session, vend_id: int, action: str) -> NoReturn:
    """The sale is not PENDING (or does not exist): say which."""
    vend = _locked(session, vend_id)
    raise errors.VendStateError(bill=vend.bill_number, state=str(vend.state), action=action)


def mark_printed(database: Database, bill_number: str, actor: Actor) -> None:
    """The voucher came out the first time: ISSUED -> PRINTED, print count 1.

    Later prints are reprints (:func:`record_reprint`).
    """
    with database.unit_of_work() as uow:
        vend = _by_bill(uow.session, bill_number)
        if vend.state is not VendState.ISSUED:
            raise errors.VendStateError(bill=bill_number, state=str(vend.state), action="printed")
        vend.state = VendState.PRINTED
        vend.print_count += 1
        vend.printed_at = utc_now()
        append(
            uow.session,
            AuditKind.VEND,
            subject=f"vend:{bill_number}",
            details={"step": "printed", "print_count": vend.print_count},
            actor=actor,
        )
        uow.commit()


def mark_print_failed(database: Database, bill_number: str, actor: Actor, reason: str) -> None:
    """The printer failed: the sale stays as it is (its credit stands); only audited."""
    with database.unit_of_work() as uow:
        vend = _by_bill(uow.session, bill_number)
        if vend.state not in (VendState.ISSUED, VendState.PRINTED):
            raise errors.VendStateError(bill=bill_number, state=str(vend.state), action="printed")
        append(
            uow.session,
            AuditKind.VEND,
            subject=f"vend:{bill_number}",
            details={"step": "print_failed", "reason": reason[:200]},
            actor=actor,
        )
        uow.commit()


def record_reprint(database: Database, bill_number: str, actor: Actor) -> int:
    """A reprint of an issued or printed voucher: counted and audited; the new count."""
    with database.unit_of_work() as uow:
        vend = _by_bill(uow.session, bill_number)
        if vend.state not in (VendState.ISSUED, VendState.PRINTED):
            raise errors.VendStateError(bill=bill_number, state=str(vend.state), action="reprinted")
        vend.print_count += 1
        if vend.state is VendState.ISSUED:
            vend.state = VendState.PRINTED
            vend.printed_at = utc_now()
        append(
            uow.session,
            AuditKind.REPRINT,
            subject=f"vend:{bill_number}",
            details={"print_count": vend.print_count},
            actor=actor,
        )
        uow.commit()
        return vend.print_count


def any_pending(session: Session) -> bool:
    """Whether any sale is PENDING (one indexed lookup, no ORM load)."""
    return session.connection().execute(_ANY_PENDING).first() is not None


def pending_vends(session: Session, module_id: str | None = None) -> list[Vend]:
    """PENDING rows, oldest first (of one module when ``module_id`` is given)."""
    query = select(Vend).where(Vend.state == VendState.PENDING).order_by(Vend.id)
    if module_id is not None:
        query = query.where(Vend.module_id == module_id)
    return list(session.scalars(query))


def _locked(session: Session, vend_id: int) -> Vend:
    vend = session.get(Vend, vend_id, with_for_update=True)
    if vend is None:
        raise errors.UnknownVendError(bill=str(vend_id))
    return vend


def _by_bill(session: Session, bill_number: str) -> Vend:
    vend = session.scalars(
        select(Vend).where(Vend.bill_number == bill_number).with_for_update()
    ).first()
    if vend is None:
        raise errors.UnknownVendError(bill=bill_number)
    return vend
