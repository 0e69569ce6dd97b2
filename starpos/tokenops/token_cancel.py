"""Token cancel (manual 4.5, issue 16; docs/token-cancel.md).

A supervisor finds the sale (by its token, its bill or the meter's latest sale) and gives a
reason. The meter gets a zero-energy credit token with a later TID (the manual's "0 Energy
Token"): once entered, the meter refuses the cancelled token as older than the TIDs it
keeps. The customer gets back what the sale took less the customer type's token cancel
charge (manual 2.2, 2.3); the sale becomes CANCELLED, linked to the cancel bill.

Durable in three steps, each one commit:

1. checks, then the cancel row (PENDING, its bill number, amounts, reason) with the zero
   token's PLANNED ``token_operations`` row and the audit entry;
2. the zero token through the module as any token operation (``run_batch``: PENDING
   before the module is asked, recovery from its last answer after a crash);
3. the sale CANCELLED and the cancel DONE with its refund (or FAILED when the module refused
   the token: the sale stands), audited.

A crash between 2 and 3 is finished by :func:`settle_cancels`, which every recovery runs
after the token operations' own (registered by the composition root).

Refused, with nothing written but the refusal: no ``cancel_token`` permission, no reason, a
sale that is not an issued token sale, older than the allowed days, or followed by a later
token to the same meter (the zero token could no longer void it on its own), or a till
whose paying shift is counted and not closed (decision SHF-10).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import (
    ChargeOccasion,
    MeterMedium,
    TokenCancelState,
    TokenOperationState,
    VendState,
)
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.models import (
    ChargeItem,
    Customer,
    CustomerTypeCharge,
    Meter,
    Operator,
    SalesPoint,
    Terminal,
    TokenCancel,
    TokenOperation,
    Vend,
    VendToken,
)
from starpos.db.parameters import system_parameters, utility_now, utility_now_core
from starpos.devices.sm.driver import SecureModule
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.dated_terms import charge_terms
from starpos.operators import permissions
from starpos.operators.errors import UnknownOperatorError
from starpos.operators.session import OperatorSession
from starpos.pricing import ChargeMethod
from starpos.shifts.cancels import check_cancel_till
from starpos.shifts.gate import till_name
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors
from starpos.tokenops.batch import run_batch
from starpos.vending.module_access import ModuleAccess

CANCELLABLE = (VendState.ISSUED, VendState.PRINTED)


@dataclass(frozen=True)
class SaleQuery:
    """How the sale is found: exactly one of its bill number, one of its tokens, or the
    meter (its latest sale)."""

    bill: str | None = None
    token: str | None = None
    meter: str | None = None


@dataclass(frozen=True)
class CancelResult:
    bill_number: str
    sale_bill: str
    meter: str
    state: str
    amount: Decimal
    charge: Decimal
    refund: Decimal
    token: str | None
    tid: int | None
    failure_reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill_number": self.bill_number, "sale": self.sale_bill, "meter": self.meter,
            "state": self.state, "amount": self.amount, "charge": self.charge,
            "refund": self.refund, "token": self.token, "tid": self.tid,
            "failure_reason": self.failure_reason,
        }  # fmt: skip


def find_sale(session: Session, query: SaleQuery) -> Vend:
    """The sale ``query`` names; :class:`~starpos.tokenops.errors.SaleNotFoundError` if none."""
    found: Vend | None = None
    if query.bill:
        found = session.scalars(select(Vend).where(Vend.bill_number == query.bill)).first()
        by = query.bill
    elif query.token:
        digits = "".join(ch for ch in query.token if ch.isdigit())
        found = session.scalars(
            select(Vend)
            .join(VendToken, VendToken.vend_id == Vend.id)
            .where(VendToken.token == digits, VendToken.kind == "credit")
        ).first()
        by = query.token
    elif query.meter:
        number = parse_meter_number(query.meter).iain
        found = session.scalars(
            select(Vend)
            .join(Meter, Meter.id == Vend.meter_id)
            .where(Meter.number == number, Vend.state.in_(CANCELLABLE))
            .order_by(Vend.id.desc())
        ).first()
        by = number
    else:
        raise errors.SaleNotFoundError(by="-")
    if found is None:
        raise errors.SaleNotFoundError(by=by)
    return found


def cancel_charge(session: Session, vend: Vend) -> Decimal:
    """The customer type's token cancel charge on ``vend``: fixed amounts as they are, a
    percentage of what the sale took (manual 2.2 "by amount"), never more than it took; each
    item as its version in force at the cancel (decision BO-23)."""
    customer_type_id = session.scalar(
        select(Customer.customer_type_id).where(Customer.id == vend.customer_id)
    )
    item_ids = session.scalars(
        select(ChargeItem.id)
        .join(CustomerTypeCharge, CustomerTypeCharge.charge_item_id == ChargeItem.id)
        .where(
            CustomerTypeCharge.customer_type_id == customer_type_id,
            CustomerTypeCharge.occasion == ChargeOccasion.TOKEN_CANCEL,
            ChargeItem.active,
        )
        .order_by(ChargeItem.code)
    ).all()
    decimals = system_parameters(session).amount_decimals
    quantum = Decimal(1).scaleb(-decimals)
    total = Decimal(0)
    for item in charge_terms(session, item_ids, utility_now(session)):
        if item.method == ChargeMethod.BY_AMOUNT and item.percentage is not None:
            total += (vend.net_amount * item.percentage / 100).quantize(quantum, ROUND_HALF_UP)
        elif item.amount is not None:
            total += item.amount
    return min(total, vend.net_amount).quantize(quantum)


def check_cancellable(session: Session, vend: Vend, max_days: int, now: datetime) -> None:
    """Refuse a sale that may not be cancelled now (see the module's note)."""
    if vend.medium != MeterMedium.KEYPAD:
        raise errors.SaleNotCancellableError(bill=vend.bill_number, state="card")
    if vend.state not in CANCELLABLE:
        raise errors.SaleNotCancellableError(bill=vend.bill_number, state=vend.state.value)
    issued = vend.issued_at or vend.created_at
    if now - issued > timedelta(days=max_days):
        raise errors.CancelTooLateError(bill=vend.bill_number, days=max_days)
    meter = session.get(Meter, vend.meter_id)
    assert meter is not None
    later_sale = session.scalar(
        select(Vend.bill_number).where(
            Vend.meter_id == vend.meter_id, Vend.id > vend.id, Vend.state != VendState.FAILED
        )
    )
    later_operation = session.scalar(
        select(TokenOperation.id).where(
            TokenOperation.meter_id == vend.meter_id,
            TokenOperation.created_at > vend.created_at,
            TokenOperation.state.in_((TokenOperationState.PENDING, TokenOperationState.ISSUED)),
        )
    )
    if later_sale or later_operation or meter.last_tid != vend.tid:
        raise errors.LaterTokenError(bill=vend.bill_number, meter=meter.number)


def cancel_token(
    database: Database,
    access: ModuleAccess,
    operator: OperatorSession,
    query: SaleQuery,
    reason: str,
    *,
    max_days: int,
) -> CancelResult:
    """Cancel the sale ``query`` finds; raises a typed refusal and writes nothing but the
    refusal when it may not be (see the module's note)."""
    operator.require(permissions.CANCEL_TOKEN)
    if not reason.strip():
        raise errors.CancelReasonMissingError()
    cancel_id, batch_id = _open(database, operator, query, reason.strip(), max_days)
    run_batch(database, access, operator, batch_id)
    with database.unit_of_work() as uow:
        _complete(uow.session, cancel_id, operator.actor)
        uow.commit()
    return cancel_result(database, cancel_id)


def _open(
    database: Database, operator: OperatorSession, query: SaleQuery, reason: str, max_days: int
) -> tuple[int, str]:
    actor = operator.actor
    with database.unit_of_work() as uow:
        session = uow.session
        vend = find_sale(session, query)
        session.refresh(vend, with_for_update=True)
        begun = session.scalars(select(TokenCancel).where(TokenCancel.vend_id == vend.id)).first()
        if begun is not None and begun.state is TokenCancelState.PENDING:
            # A cancel a crash stopped before its zero token was made: take it up again
            # (its checks passed when it began; its row waits in its batch).
            return begun.id, begun.request_id
        if begun is not None:
            raise errors.SaleNotCancellableError(bill=vend.bill_number, state="cancelled")
        check_cancellable(session, vend, max_days, utc_now())
        operator_id = session.scalar(select(Operator.id).where(Operator.code == operator.code))
        if operator_id is None:
            raise UnknownOperatorError(operator=operator.code)
        point = session.scalars(
            select(SalesPoint).where(SalesPoint.code == actor.sales_point_code)
        ).first()
        terminal_id = session.scalar(
            select(Terminal.id).where(Terminal.code == actor.terminal_code)
        )
        # The till the refund leaves (as the shifts count it, SHF-08): a drawer counted but
        # not closed takes no refund, as it takes no sale (SHF-10).
        if terminal_id is not None:
            check_cancel_till(session, str(actor.terminal_code), operator_id, vend.shift_id)
        elif point is not None:
            check_cancel_till(session, till_name(None, point.code), operator_id, vend.shift_id)
        charge = cancel_charge(session, vend)
        refund = vend.net_amount - charge
        request_id, operation_request = str(uuid.uuid4()), str(uuid.uuid4())
        operation_id = session.connection().execute(
            insert(cast(Table, TokenOperation.__table__)).returning(TokenOperation.id),
            {
                "request_id": operation_request, "batch_id": request_id, "position": 1,
                "kind": Kind.TOKEN_CANCEL, "state": TokenOperationState.PLANNED,
                "meter_id": vend.meter_id, "operator_id": operator_id,
                "terminal_id": terminal_id, "value": "0", "energy_kwh": Decimal("0.0"),
                "print_count": 0,
            },
        ).scalar_one()  # fmt: skip
        bill = _bill_number(session, point, actor)
        cancel = TokenCancel(
            request_id=request_id, bill_number=bill, state=TokenCancelState.PENDING,
            vend_id=vend.id, operation_id=operation_id, reason=reason,
            amount=vend.net_amount, charge=charge, refund=refund, operator_id=operator_id,
            sales_point_id=point.id if point else None, terminal_id=terminal_id,
        )  # fmt: skip
        session.add(cancel)
        session.flush()
        append(
            session,
            AuditKind.VEND_CANCELLED,
            subject=f"vend:{vend.bill_number}",
            details={
                "step": "pending", "cancel_bill": bill, "request_id": request_id,
                "batch": request_id, "reason": reason, "amount": vend.net_amount,
                "charge": charge, "refund": refund,
                # The zero token's row, made in this commit: the head office books both
                # from this entry as this store did (SYN-29).
                "operation": operation_request, "meter": vend.meter.number,
            },
            actor=actor,
        )  # fmt: skip
        uow.commit()
        return cancel.id, request_id


def _bill_number(session: Session, point: SalesPoint | None, actor: Actor) -> str:
    from starpos.db.models import Branch

    branch = session.get(Branch, point.branch_id) if point is not None else None
    context = NumberingContext(
        when=utility_now_core(session),
        sales_point_code=actor.sales_point_code or "",
        branch_code=branch.code if branch is not None else "",
        terminal_code=actor.terminal_code or "",
    )
    return bill_numbers.next_number_or_sales(session, bill_numbers.TOKEN_CANCEL, context)


def _complete(session: Session, cancel_id: int, actor: Actor) -> None:
    """Step 3: the zero token's row decided, the cancel and the sale follow it (nothing when
    the row still waits on the module)."""
    cancel = session.get(TokenCancel, cancel_id, with_for_update=True)
    assert cancel is not None
    if cancel.state is not TokenCancelState.PENDING:
        return
    operation = session.get(TokenOperation, cancel.operation_id)
    vend = session.get(Vend, cancel.vend_id, with_for_update=True)
    assert operation is not None and vend is not None
    if operation.state is TokenOperationState.ISSUED:
        vend.state = VendState.CANCELLED
        vend.cancelled_at = utc_now()
        cancel.state = TokenCancelState.DONE
        cancel.completed_at = utc_now()
        step, details = "cancelled", {"token": operation.tokens, "tid": operation.tid}
    elif operation.state is TokenOperationState.FAILED:
        cancel.state = TokenCancelState.FAILED
        cancel.failure_reason = operation.failure_reason
        step, details = "cancel_failed", {"reason": operation.failure_reason}
    else:
        return
    append(
        session,
        AuditKind.VEND_CANCELLED,
        subject=f"vend:{vend.bill_number}",
        details={
            "step": step, "cancel_bill": cancel.bill_number, "refund": cancel.refund,
            **details,
        },
        actor=actor,
    )  # fmt: skip


def settle_cancels(database: Database, module: SecureModule, module_id: str) -> int:
    """Finish the cancels a crash left PENDING whose zero token is decided (the token
    operations' recovery ran first); how many. The module is not asked."""
    del module, module_id
    with database.reading() as session:
        ids = list(
            session.scalars(
                select(TokenCancel.id).where(TokenCancel.state == TokenCancelState.PENDING)
            )
        )
    for cancel_id in ids:
        with database.unit_of_work() as uow:
            _complete(uow.session, cancel_id, Actor(operator_code=None))
            uow.commit()
    return len(ids)


def cancel_result(database: Database, cancel_id: int) -> CancelResult:
    with database.reading() as session:
        cancel = session.get(TokenCancel, cancel_id)
        assert cancel is not None
        vend = session.get(Vend, cancel.vend_id)
        operation = session.get(TokenOperation, cancel.operation_id)
        assert vend is not None and operation is not None
        return CancelResult(
            cancel.bill_number, vend.bill_number, vend.meter.number, cancel.state.value,
            cancel.amount, cancel.charge, cancel.refund, operation.tokens, operation.tid,
            cancel.failure_reason,
        )  # fmt: skip
