"""Payment change (manual 4.7, issue 16; docs/token-cancel.md "Payment change").

A meter installed at a customer changes its pay type between prepaid and postpaid. What the
change leaves due is settled at the meter's next purchase (``masterdata.payment_dues``):

- postpaid -> prepaid: the customer type's **prearrange amount** (so the meter does not go
  dark for want of credit, manual 2.3) and the **receivable amount**, the postpaid debt the
  operator reads from the billing, both charged on the next sale;
- prepaid -> postpaid: the **remain amount**, the prepaid credit the customer leaves behind,
  returned on the next sale by decreasing its net. The counter sells no token to a postpaid
  meter, so the remain waits on the change (printed on its bill for the billing) until the
  meter's next sale here (decision TOK-17).

An unsettled earlier change's amounts are carried into the new one. One commit writes the
change row (its bill number, amounts, who, where), the meter's prearrange flag and the audit
entry; a refusal writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import ContractStatus, MeterMedium, PaymentChangeState, PaymentMode
from starpos.db.models import (
    Branch,
    Customer,
    CustomerType,
    Meter,
    Operator,
    PaymentChange,
    SalesPoint,
    Terminal,
)
from starpos.db.parameters import system_parameters, utility_now_core
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.operators import permissions
from starpos.operators.errors import UnknownOperatorError
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors

ZERO = Decimal(0)


@dataclass(frozen=True)
class PaymentChangeAsked:
    """What the operator asked: the meter, its new pay type and the amounts read for it."""

    meter: str
    to_mode: PaymentMode
    receivable: Decimal = ZERO
    remain: Decimal = ZERO
    remark: str = ""


@dataclass(frozen=True)
class MeterPayment:
    """A meter's pay type as the screen shows it before the change."""

    meter: str
    customer: str
    mode: PaymentMode
    prearrange_amount: Decimal  # the customer type's, due after a change to prepaid
    receivable_due: Decimal  # left by an earlier change, carried into the next
    remain_due: Decimal
    decimals: int  # of every amount (system parameters)


@dataclass(frozen=True)
class PaymentChangeResult:
    bill_number: str
    meter: str
    customer: str
    from_mode: str
    to_mode: str
    prearrange: Decimal
    receivable: Decimal
    remain: Decimal
    state: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill_number": self.bill_number, "meter": self.meter, "customer": self.customer,
            "from": self.from_mode, "to": self.to_mode, "prearrange": self.prearrange,
            "receivable": self.receivable, "remain": self.remain, "state": self.state,
        }  # fmt: skip


def _meter(session: Session, text: str, *, lock: bool = False) -> Meter:
    number = parse_meter_number(text.strip()).iain
    query = select(Meter).where(Meter.number == number)
    meter = session.scalars(query.with_for_update() if lock else query).first()
    if meter is None:
        raise errors.UnknownMeterRefusal(number=number)
    if meter.medium == MeterMedium.CARD:
        raise errors.CardPaymentChangeError(meter=number)
    if meter.customer_id is None or meter.contract_status == ContractStatus.CANCELLED:
        raise errors.PaymentChangeMeterError(meter=number)
    return meter


def current_mode(session: Session, meter: Meter) -> PaymentMode:
    """The meter's pay type: its latest change's, else its model's."""
    changed = session.scalar(
        select(PaymentChange.to_mode)
        .where(PaymentChange.meter_id == meter.id)
        .order_by(PaymentChange.id.desc())
        .limit(1)
    )
    return changed or meter.model.payment_mode


def _due(session: Session, meter_id: int) -> PaymentChange | None:
    return session.scalars(
        select(PaymentChange).where(
            PaymentChange.meter_id == meter_id, PaymentChange.state == PaymentChangeState.DUE
        )
    ).first()


def meter_payment(session: Session, text: str) -> MeterPayment:
    """The meter typed as ``text`` with its pay type and what a change would involve."""
    meter = _meter(session, text)
    customer = session.get(Customer, meter.customer_id)
    assert customer is not None
    kind = session.get(CustomerType, customer.customer_type_id)
    due = _due(session, meter.id)
    return MeterPayment(
        meter.number, customer.name, current_mode(session, meter),
        kind.prearrange_amount if kind is not None else ZERO,
        due.receivable if due is not None else ZERO, due.remain if due is not None else ZERO,
        system_parameters(session).amount_decimals,
    )  # fmt: skip


def _amount(session: Session, value: Decimal) -> Decimal:
    decimals = system_parameters(session).amount_decimals
    step = Decimal(1).scaleb(-decimals)
    try:
        ok = value.is_finite() and value >= 0 and value % step == 0
    except InvalidOperation:
        ok = False
    if not ok:
        raise errors.PaymentAmountError(amount=value, decimals=decimals)
    return value.quantize(step)


def change_payment(
    database: Database, operator: OperatorSession, asked: PaymentChangeAsked
) -> PaymentChangeResult:
    """Change the meter's pay type; typed refusals write nothing."""
    operator.require(permissions.PAYMENT_CHANGE)
    actor = operator.actor
    with database.unit_of_work() as uow:
        session = uow.session
        meter = _meter(session, asked.meter, lock=True)
        from_mode = current_mode(session, meter)
        if from_mode == asked.to_mode:
            raise errors.SamePaymentModeError(meter=meter.number, mode=from_mode.value)
        receivable = _amount(session, asked.receivable)
        remain = _amount(session, asked.remain)
        to_prepaid = asked.to_mode == PaymentMode.PREPAID
        # The manual's receivable is the postpaid debt (a change to prepaid), the remain the
        # prepaid credit left (a change to postpaid): each belongs to one direction.
        if (remain and to_prepaid) or (receivable and not to_prepaid):
            raise errors.PaymentAmountNotApplicableError()
        operator_id = session.scalar(select(Operator.id).where(Operator.code == operator.code))
        if operator_id is None:
            raise UnknownOperatorError(operator=operator.code)
        customer = session.get(Customer, meter.customer_id)
        assert customer is not None
        kind = session.get(CustomerType, customer.customer_type_id)
        prearrange = kind.prearrange_amount if kind is not None and to_prepaid else ZERO
        earlier = _due(session, meter.id)
        if earlier is not None:  # what it left unsettled is due with this one
            receivable += earlier.receivable
            remain += earlier.remain
            earlier.state = PaymentChangeState.CARRIED
        # Prearranged credit protects a prepaid meter only: due from now on a change to
        # prepaid, no longer due on a change away from it.
        meter.prearrange_due = prearrange > 0
        point = session.scalars(
            select(SalesPoint).where(SalesPoint.code == actor.sales_point_code)
        ).first()
        terminal_id = session.scalar(
            select(Terminal.id).where(Terminal.code == actor.terminal_code)
        )
        due = receivable > 0 or remain > 0 or prearrange > 0
        change = PaymentChange(
            bill_number=_bill_number(session, point, actor.sales_point_code, actor.terminal_code),
            meter_id=meter.id, customer_id=customer.id, from_mode=from_mode,
            to_mode=asked.to_mode, prearrange=prearrange, receivable=receivable, remain=remain,
            state=PaymentChangeState.DUE if due else PaymentChangeState.SETTLED,
            remark=asked.remark.strip(), operator_id=operator_id,
            sales_point_id=point.id if point is not None else None, terminal_id=terminal_id,
        )  # fmt: skip
        session.add(change)
        session.flush()
        append(
            session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=f"payment_change:{change.bill_number}",
            details={
                "step": "payment_changed", "meter": meter.number, "customer": customer.code,
                "from": from_mode.value, "to": asked.to_mode.value, "prearrange": prearrange,
                "receivable": receivable, "remain": remain, "remark": change.remark,
                "carried": earlier.bill_number if earlier is not None else None,
            },
            actor=actor,
        )  # fmt: skip
        uow.commit()
        change_id = change.id
    return result_of(database, change_id)


def _bill_number(
    session: Session, point: SalesPoint | None, point_code: str | None, terminal: str | None
) -> str:
    branch = session.get(Branch, point.branch_id) if point is not None else None
    context = NumberingContext(
        when=utility_now_core(session),
        sales_point_code=point_code or "",
        branch_code=branch.code if branch is not None else "",
        terminal_code=terminal or "",
    )
    return bill_numbers.next_number_or_sales(session, bill_numbers.PAYMENT_CHANGE, context)


def result_of(database: Database, change_id: int) -> PaymentChangeResult:
    with database.reading() as session:
        change = session.get(PaymentChange, change_id)
        assert change is not None
        meter = session.get(Meter, change.meter_id)
        customer = session.get(Customer, change.customer_id)
        assert meter is not None and customer is not None
        return PaymentChangeResult(
            change.bill_number, meter.number, customer.name, change.from_mode.value,
            change.to_mode.value, change.prearrange, change.receivable, change.remain,
            change.state.value,
        )  # fmt: skip
