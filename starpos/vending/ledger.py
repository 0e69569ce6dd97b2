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
from typing import NoReturn, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import VendState
from starpos.db.models import Meter, Vend, VendCharge, VendToken
from starpos.devices.sm.frames import Request
from starpos.devices.sm.messages import IssuedToken, MeterKeyRef, credit_token_params
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.parameters import utility_now_core
from starpos.vending import errors
from starpos.vending.crash_points import BEFORE_TOKEN_COMMIT, crash_point
from starpos.vending.sale import ELECTRICITY, PreparedVend
from starpos.vending.sale_rows import charge_rows, priced_columns, sale_facts
from starpos.vending.tids import TidUnavailable, next_tid

CREDIT_TOKEN = "credit"

# The PENDING and token commits run once per vend: plain Core statements, built once
# (SQLAlchemy caches their compiled form), skip the ORM's loads, identity map and flushes.
_VENDS = cast(Table, Vend.__table__)
_ISSUE = (
    update(_VENDS)
    .where(_VENDS.c.id == bindparam("vend_id"), _VENDS.c.state == VendState.PENDING)
    .values(state=VendState.ISSUED, issued_at=bindparam("issued_at"))
    .returning(
        _VENDS.c.bill_number,
        _VENDS.c.tid,
        _VENDS.c.token_kwh,
        _VENDS.c.module_id,
        _VENDS.c.meter_id,
        _VENDS.c.debt_repayment,
        _VENDS.c.prearrange,
    )
)
_INSERT_TOKEN = insert(cast(Table, VendToken.__table__))
_METERS = cast(Table, Meter.__table__)
_READ_METER = (
    select(_METERS.c.number, _METERS.c.tid_base_year, _METERS.c.last_tid, _METERS.c.ken)
    .where(_METERS.c.id == bindparam("meter_id"))
    .with_for_update()
)
_SET_LAST_TID = (
    update(_METERS)
    .where(_METERS.c.id == bindparam("b_meter_id"))
    .values(last_tid=bindparam("b_last_tid"))
)
_INSERT_VEND = insert(_VENDS).returning(_VENDS.c.id)
_INSERT_CHARGES = insert(cast(Table, VendCharge.__table__))


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
        connection = session.connection()
        meter = connection.execute(_READ_METER, {"meter_id": prepared.meter_id}).one()
        local = utility_now_core(session)
        try:
            tid = next_tid(local, meter.tid_base_year, meter.last_tid, meter.ken)
        except TidUnavailable as error:
            raise errors.KeyExpiredError(number=meter.number, ken=meter.ken) from error
        connection.execute(_SET_LAST_TID, {"b_meter_id": prepared.meter_id, "b_last_tid": tid})
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
        digest = request.digest()
        request_id = request_id or str(uuid.uuid4())
        vend_id = connection.execute(
            _INSERT_VEND,
            {
                "request_id": request_id,
                "bill_number": bill,
                "state": VendState.PENDING,
                "meter_id": prepared.meter_id,
                "customer_id": prepared.customer_id,
                "operator_id": prepared.operator_id,
                "sales_point_id": prepared.sales_point_id,
                "terminal_id": prepared.terminal_id,
                "payment_term_id": prepared.payment_term_id,
                "tariff_version_id": prepared.tariff_version_id,
                "tendered": prepared.tendered,
                "change": prepared.change,
                **priced_columns(prepared.sale, breakdown),
                "tid": tid,
                "module_id": prepared.module.module_id,
                "module_key_ref": prepared.key_ref.params(),
                "module_request_digest": digest,
                "module_sequence": prepared.module.sequence,
                "module_balance_before": prepared.module.balance,
            },
        ).scalar_one()
        charges = charge_rows(session, breakdown)
        if charges:
            connection.execute(_INSERT_CHARGES, [{**row, "vend_id": vend_id} for row in charges])
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
                "request_digest": digest,
                "key_ref": prepared.key_ref.params(),
                "module_sequence": prepared.module.sequence,
                "module_balance": prepared.module.balance,
                **sale_facts(session, prepared, request_id=request_id, medium="keypad"),
            },
            actor=prepared.actor,
        )
        uow.commit()
        return PendingVend(vend_id, bill, tid, prepared.key_ref, prepared.amount_tenths, digest)


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
        connection = session.connection()
        issued_row = connection.execute(
            _ISSUE, {"vend_id": vend_id, "issued_at": utc_now()}
        ).first()
        if issued_row is None:
            _refuse_state(session, vend_id, "issued")
        bill, tid, token_kwh, module_id, meter_id, debt_repayment, prearrange = issued_row
        connection.execute(
            _INSERT_TOKEN,
            {
                "vend_id": vend_id,
                "position": 1,
                "kind": CREDIT_TOKEN,
                "token": issued.token,
                "tid": tid,
            },
        )
        if debt_repayment > 0 or prearrange > 0:
            meter = session.get(Meter, meter_id, with_for_update=True)
            assert meter is not None
            repaid = min(meter.outstanding_debt, debt_repayment)
            meter.outstanding_debt -= repaid
            if prearrange > 0:
                meter.prearrange_due = False
        append(
            session,
            AuditKind.VEND,
            subject=f"vend:{bill}",
            details={
                "step": "recovered" if recovered else "issued",
                "token_kwh": token_kwh,
                "tid": tid,
                "module": module_id,
                "token": issued.token,
            },
            actor=actor,
        )
        session.flush()
        crash_point(BEFORE_TOKEN_COMMIT)
        uow.commit()


def _refuse_state(session: Session, vend_id: int, action: str) -> NoReturn:
    """The vend is not PENDING (or does not exist): say which."""
    vend = _locked(session, vend_id)
    raise errors.VendStateError(bill=vend.bill_number, state=str(vend.state), action=action)


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


_ANY_PENDING = select(_VENDS.c.id).where(_VENDS.c.state == VendState.PENDING).limit(1)


def any_pending(session: Session) -> bool:
    """Whether any vend is PENDING (one indexed lookup, no ORM load)."""
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
