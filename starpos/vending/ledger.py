"""The vend row's life, one committed step at a time: PENDING -> ISSUED -> PRINTED, or FAILED.

Each function is one writing transaction (``BEGIN IMMEDIATE`` on SQLite, a row lock on the
meter elsewhere) with its chained audit entry in the same commit, so the ledger and the
audit log never disagree. The print never undoes or repeats a vend: printing only moves
ISSUED to PRINTED, a failed print leaves the vend ISSUED (the token stands), and a reprint
counts and audits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos import bill_numbers
from starpos.audit import Actor, AuditKind, append
from starpos.bill_numbers import NumberingContext
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import ChargeMethod, VendState
from starpos.db.models import Meter, Vend, VendCharge, VendToken
from starpos.devices.sm.frames import Request
from starpos.devices.sm.messages import IssuedToken, MeterKeyRef, credit_token_params
from starpos.master_data import system_parameters, to_local
from starpos.vending import errors
from starpos.vending.kill_switch import BEFORE_TOKEN_COMMIT, kill_point
from starpos.vending.sale import ELECTRICITY, PreparedVend
from starpos.vending.tids import TidUnavailable, next_tid

CREDIT_TOKEN = "credit"


@dataclass(frozen=True)
class PendingVend:
    """A committed PENDING row and the exact module request it stands for."""

    vend_id: int
    bill_number: str
    tid: int
    key_ref: MeterKeyRef
    amount_tenths: int
    request_digest: str


def credit_request(key_ref: MeterKeyRef, tid: int, amount_tenths: int) -> Request:
    """The ``SM?TC`` frame the driver sends for this token (its digest is what GL?RR echoes)."""
    return Request("SM", "TC", credit_token_params(key_ref, ELECTRICITY, tid, amount_tenths))


def open_pending(
    database: Database, prepared: PreparedVend, request_id: str | None = None
) -> PendingVend:
    """Allocate the bill number and TID and commit the PENDING row, before the module acts."""
    breakdown = prepared.breakdown
    with database.unit_of_work() as uow:
        session = uow.session
        parameters = system_parameters(session)  # held: later reads hit the identity map
        meter = session.get(Meter, prepared.meter_id, with_for_update=True)
        assert meter is not None
        local = to_local(session, utc_now())
        try:
            tid = next_tid(local, meter.tid_base_year, meter.last_tid, meter.ken)
        except TidUnavailable as error:
            raise errors.KeyExpiredError(number=meter.number, ken=meter.ken) from error
        meter.last_tid = tid
        bill = bill_numbers.next_number(
            session,
            bill_numbers.VEND,
            NumberingContext(
                when=local,
                sales_point_code=prepared.actor.sales_point_code or "",
                branch_code=prepared.branch_code,
                terminal_code=prepared.actor.terminal_code or "",
            ),
        )
        request = credit_request(prepared.key_ref, tid, prepared.amount_tenths)
        vend = Vend(
            request_id=request_id or str(uuid.uuid4()),
            bill_number=bill,
            state=VendState.PENDING,
            meter_id=prepared.meter_id,
            customer_id=prepared.customer_id,
            operator_id=prepared.operator_id,
            sales_point_id=prepared.sales_point_id,
            terminal_id=prepared.terminal_id,
            payment_term_id=prepared.payment_term_id,
            tariff_version_id=prepared.tariff_version_id,
            tendered=prepared.tendered,
            change=prepared.change,
            net_amount=breakdown.net,
            amount=breakdown.amount,
            taxed_charges=breakdown.taxed_total,
            untaxed_charges=breakdown.untaxed_total,
            vat_rate=breakdown.vat_rate,
            vat=breakdown.vat,
            debt_repayment=breakdown.debt_repayment,
            debt_after=breakdown.debt_after,
            preinstalled=breakdown.preinstalled,
            prearrange=breakdown.prearrange,
            amount_rounding=breakdown.amount_rounding,
            energy_kwh=breakdown.energy_kwh,
            fbe_kwh=breakdown.fbe_kwh,
            token_kwh=breakdown.token_kwh,
            first_purchase=breakdown.preinstalled > 0,
            tid=tid,
            module_id=prepared.module.module_id,
            module_key_ref=prepared.key_ref.params(),
            module_request_digest=request.digest(),
            module_sequence=prepared.module.sequence,
            module_balance_before=prepared.module.balance,
        )
        vend.charges = [
            VendCharge(
                position=position,
                method=ChargeMethod[line.method.name],
                code=line.code,
                name=line.name,
                amount=line.amount,
                taxed=line.taxed,
            )
            for position, line in enumerate(breakdown.charges, start=1)
        ]
        session.add(vend)
        session.flush()
        append(
            session,
            AuditKind.VEND,
            subject=f"vend:{bill}",
            details={
                "step": "pending",
                "meter": prepared.meter_number,
                "customer": prepared.customer_code,
                "net": breakdown.net,
                "token_kwh": breakdown.token_kwh,
                "tid": tid,
                "module": prepared.module.module_id,
                "request_digest": vend.module_request_digest,
            },
            actor=prepared.actor,
        )
        uow.commit()
        del parameters
        return PendingVend(
            vend.id, bill, tid, prepared.key_ref, prepared.amount_tenths, request.digest()
        )


def record_token(
    database: Database,
    vend_id: int,
    issued: IssuedToken,
    actor: Actor,
    *,
    recovered: bool = False,
) -> None:
    """PENDING -> ISSUED with its token, the meter's debt settled, in one commit."""
    with database.unit_of_work() as uow:
        session = uow.session
        vend = _locked(session, vend_id)
        if vend.state is not VendState.PENDING:
            raise errors.VendStateError(
                bill=vend.bill_number, state=str(vend.state), action="issued"
            )
        vend.state = VendState.ISSUED
        vend.issued_at = utc_now()
        # Added beside the row rather than through vend.tokens: no load of the collection.
        session.add(
            VendToken(
                vend_id=vend.id, position=1, kind=CREDIT_TOKEN, token=issued.token, tid=vend.tid
            )
        )
        if vend.debt_repayment > 0 or vend.prearrange > 0:
            meter = session.get(Meter, vend.meter_id, with_for_update=True)
            assert meter is not None
            repaid = min(meter.outstanding_debt, vend.debt_repayment)
            meter.outstanding_debt -= repaid
            if vend.prearrange > 0:
                meter.prearrange_due = False
        append(
            session,
            AuditKind.VEND,
            subject=f"vend:{vend.bill_number}",
            details={
                "step": "recovered" if recovered else "issued",
                "token_kwh": vend.token_kwh,
                "tid": vend.tid,
                "module": vend.module_id,
            },
            actor=actor,
        )
        session.flush()
        kill_point(BEFORE_TOKEN_COMMIT)
        uow.commit()


def record_failure(
    database: Database, vend_id: int, reason_code: str, actor: Actor, *, recovered: bool = False
) -> None:
    """PENDING -> FAILED: the module made no token for it (``reason_code`` says why)."""
    with database.unit_of_work() as uow:
        session = uow.session
        vend = _locked(session, vend_id)
        if vend.state is not VendState.PENDING:
            raise errors.VendStateError(
                bill=vend.bill_number, state=str(vend.state), action="failed"
            )
        vend.state = VendState.FAILED
        vend.failed_at = utc_now()
        vend.failure_reason = reason_code
        append(
            session,
            AuditKind.VEND_FAILED,
            subject=f"vend:{vend.bill_number}",
            details={"reason": reason_code, "recovered": recovered, "module": vend.module_id},
            actor=actor,
        )
        uow.commit()


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
    """The printer failed: the vend stays as it is (its token stands); only audited."""
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
