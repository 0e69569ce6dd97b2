"""The register charge (manual 3.3 d, 4.3; decision BO-21): what registering a customer, or
adding a meter contract, costs and how it is paid.

The charges are the charge items the customer's type collects "At registration" (manual 2.3
"Register Customer Charge"), active and at a fixed amount, once per meter installed on the
bill ("if the customer has 2 units of meters, the charge register fees will be double"), and
the VAT of the type on those that "Calculate VAT" (2.2). A percentage of an amount has no
amount to be taken of here: such an item is not a register charge and is left out.

The bill keeps its lines as taken, what was paid and the change; the charges go into the
drawer of the operator's open shift as a paid-in cash movement (``shifts.paid_charges``,
shared with the meter replacement). Everything is written in the caller's transaction, so a
refusal (paid short, no open shift where one is required) leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.enums import ChargeOccasion
from starpos.db.models import (
    ChargeItem,
    Customer,
    CustomerType,
    CustomerTypeCharge,
    Operator,
    RegistrationBill,
    RegistrationBillCharge,
    SalesPoint,
    Terminal,
)
from starpos.db.parameters import system_parameters, utility_now
from starpos.errors import StorageError
from starpos.masterdata import bill_numbers, terms
from starpos.masterdata.changes import by_code
from starpos.masterdata.dated_terms import ChargeTerms, charge_terms, vat_in_force
from starpos.pricing import ChargeMethod
from starpos.shifts import paid_charges
from starpos.shifts.paid_charges import ChargeLine, ChargesDue

#: What a registration bill records (the ``kind`` column).
REGISTER = "register"
ADD_METER = "add_meter"
#: The reason of the cash movement (stored as said; the X report lists it).
CASH_REASON = "registration {bill}"


class RegistrationPaymentAmountError(StorageError):
    code = "storage.registration_payment_amount"
    template = (
        "{amount} is not an amount of money: give 0 or more with at most {decimals} decimals."
    )


class RegistrationPaidTooLittleError(StorageError):
    code = "storage.registration_paid_too_little"
    template = (
        "{paid} does not pay the register charge of {due}. Take at least {due} from the customer."
    )


class UnknownRegistrationBillError(StorageError):
    code = "storage.unknown_registration_bill"
    template = "No registration has the bill number {bill}. Check the number on the bill."


@dataclass(frozen=True)
class RegistrationResult:
    """A registration bill as recorded: who, which meters, the lines, paid and change."""

    bill_number: str
    kind: str
    customer: str
    meters: tuple[str, ...]
    charges: Decimal
    paid: Decimal
    change: Decimal
    lines: tuple[ChargeLine, ...]
    stock_out_bill: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill_number": self.bill_number, "kind": self.kind, "code": self.customer,
            "meters": list(self.meters), "charges": self.charges, "paid": self.paid,
            "change": self.change,
            "lines": [{"code": line.code, "name": line.name, "amount": line.amount}
                      for line in self.lines],
            "stock_out_bill": self.stock_out_bill,
        }  # fmt: skip


def register_charge_items(
    session: Session, customer_type: CustomerType, local: datetime
) -> list[ChargeTerms]:
    """The type's active register charges at a fixed amount at ``local`` (the versions in
    force then, decision BO-23), by code."""
    item_ids = session.scalars(
        select(ChargeItem.id)
        .join(CustomerTypeCharge, CustomerTypeCharge.charge_item_id == ChargeItem.id)
        .where(
            CustomerTypeCharge.customer_type_id == customer_type.id,
            CustomerTypeCharge.occasion == ChargeOccasion.REGISTER,
            ChargeItem.active,
        )
        .order_by(ChargeItem.code)
    ).all()
    return [
        terms
        for terms in charge_terms(session, item_ids, local)
        if terms.method != ChargeMethod.BY_AMOUNT
    ]


def charges_for(session: Session, customer_type: CustomerType, meters: int) -> ChargesDue:
    """What registering ``meters`` meters for a customer of ``customer_type`` costs now."""
    local = utility_now(session)
    vat_rate, vat_version = vat_in_force(session, customer_type.id, local)
    return paid_charges.lines_of(
        register_charge_items(session, customer_type, local) if meters > 0 else [],
        vat_rate,
        system_parameters(session).amount_decimals,
        times=meters,
        vat_version=vat_version,
    )


def charges_due(database: Database, customer_type_code: str, meters: int) -> ChargesDue:
    """What the registration box shows before anything is done (nothing written)."""
    with database.reading() as session:
        kind = by_code(
            session, CustomerType, customer_type_code.strip().upper(), terms.CUSTOMER_TYPE
        )
        return charges_for(session, kind, meters)


def change_of(due: ChargesDue, paid: Decimal | None) -> tuple[Decimal, Decimal]:
    """What was paid (None: exactly the charges) and the change; refused when short."""
    return paid_charges.change_of(
        due,
        paid,
        not_money=lambda amount, decimals: RegistrationPaymentAmountError(
            amount=amount, decimals=decimals
        ),
        too_little=lambda given, total: RegistrationPaidTooLittleError(paid=given, due=total),
    )


def made_at(session: Session, actor: Actor, operator_id: int | None) -> int | None:
    """The sales point a bill ``actor`` makes now is made at (decisions BO-27, BO-31): that of
    the terminal the session names (the counter knows where it stands), else the session's
    sales point, else the operator's home."""
    if actor.terminal_code:
        point = session.scalar(
            select(Terminal.sales_point_id).where(Terminal.code == actor.terminal_code)
        )
        if point is not None:
            return point
    if actor.sales_point_code:
        point = session.scalar(
            select(SalesPoint.id).where(SalesPoint.code == actor.sales_point_code)
        )
        if point is not None:
            return point
    if operator_id is None:
        return None
    return session.scalar(select(Operator.sales_point_id).where(Operator.id == operator_id))


def take_charges(
    session: Session,
    actor: Actor,
    *,
    kind: str,
    customer: Customer,
    meters: Sequence[str],
    paid: Decimal | None,
    numbering: bill_numbers.NumberingContext,
    operator_id: int | None,
    payment: paid_charges.ChargePayment = paid_charges.IN_CASH,
) -> RegistrationBill:
    """Price the bill, take the payment and put the charges in the shift's drawer, in the
    caller's transaction; the bill (refusals raise before it is kept)."""
    customer_type = session.get(CustomerType, customer.customer_type_id)
    assert customer_type is not None
    due = charges_for(session, customer_type, len(meters))
    paid_amount, change = change_of(due, paid)
    # A store made before registrations had a series numbers them in the sales' one.
    number = bill_numbers.next_number_or_sales(session, bill_numbers.REGISTRATION, numbering)
    taken = None
    if due.total > 0:
        if operator_id is None:
            raise ValueError("an operator takes the register charge")
        taken = paid_charges.take_payment(
            session, actor, operator_id, due, (paid_amount, change), payment,
            CASH_REASON.format(bill=number),
        )  # fmt: skip
    bill = RegistrationBill(
        bill_number=number, kind=kind, customer_id=customer.id, meters=" ".join(meters),
        operator_id=operator_id, sales_point_id=made_at(session, actor, operator_id),
        charges=due.total, paid=paid_amount, change_given=change,
        cash_movement_id=taken.movement_id if taken is not None else None,
        payment_term_id=taken.term_id if taken is not None else None,
        bank_id=taken.bank_id if taken is not None else None,
        cheque_number=taken.cheque_number if taken is not None else "",
        shift_id=taken.shift_id if taken is not None else None,
    )  # fmt: skip
    session.add(bill)
    session.flush()
    session.add_all(
        RegistrationBillCharge(
            bill_id=bill.id,
            position=position,
            charge_item_id=line.item_id,
            charge_version_id=line.version_id if line.item_id is not None else None,
            vat_version_id=line.version_id if line.item_id is None else None,
            code=line.code,
            name=line.name,
            amount=line.amount,
        )
        for position, line in enumerate(due.lines, start=1)
    )
    session.flush()
    return bill


def result_of(
    session: Session, bill: RegistrationBill, stock_out_bill: str = ""
) -> RegistrationResult:
    customer = session.get(Customer, bill.customer_id)
    assert customer is not None
    lines = session.scalars(
        select(RegistrationBillCharge)
        .where(RegistrationBillCharge.bill_id == bill.id)
        .order_by(RegistrationBillCharge.position)
    )
    return RegistrationResult(
        bill.bill_number, bill.kind, customer.code, tuple(bill.meters.split()), bill.charges,
        bill.paid, bill.change_given,
        tuple(ChargeLine(line.code, line.name, line.amount, line.charge_item_id) for line in lines),
        stock_out_bill,
    )  # fmt: skip


def find_bill(session: Session, bill_number: str) -> RegistrationBill:
    bill = session.scalars(
        select(RegistrationBill).where(RegistrationBill.bill_number == bill_number.strip())
    ).first()
    if bill is None:
        raise UnknownRegistrationBillError(bill=bill_number.strip() or "-")
    return bill


def registration_bill(database: Database, bill_number: str) -> RegistrationResult:
    """The registration bill ``bill_number`` as it was recorded."""
    with database.reading() as session:
        return result_of(session, find_bill(session, bill_number))


def audit_details(result: RegistrationResult, cash_movement: int | None) -> dict[str, Any]:
    """What the registration's audit entry says of its bill."""
    return {
        "bill": result.bill_number, "charges": result.charges, "paid": result.paid,
        "change": result.change, "cash_movement": cash_movement,
        "lines": [{"code": line.code, "amount": line.amount} for line in result.lines],
    }  # fmt: skip
