"""What a meter replacement costs and how it is paid (manual 4.6, 2.4; decision TOK-21).

The charges are the replacement reason's active charge items at their fixed amounts, and
the VAT of the customer's type on those that "Calculate VAT" (manual 2.2, 2.3), each a line
of the one replacement bill, kept as taken. The customer pays them in cash at the counter:
what was paid and the change are on the bill, and the charges go into the drawer of the
operator's open shift as a "paid in" cash movement. How lines, change and the paid-in are
made is shared with the registration's charges (:mod:`starpos.shifts.paid_charges`,
decision BO-21); this module says what a replacement costs and in which words it refuses.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db.models import (
    ChargeItem,
    Customer,
    Meter,
    ReplacementReason,
    ReplacementReasonCharge,
)
from starpos.db.parameters import system_parameters, utility_now
from starpos.masterdata.changes import by_code
from starpos.masterdata.dated_terms import charge_terms, vat_in_force
from starpos.masterdata.replacement_reason_charges import REPLACEMENT_REASON
from starpos.shifts import paid_charges
from starpos.shifts.paid_charges import VAT, VAT_CODE, ChargeLine, ChargesDue
from starpos.sts.errors import MeterNumberError
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors

__all__ = [
    "CASH_REASON",
    "VAT",
    "VAT_CODE",
    "ChargeLine",
    "ChargesDue",
    "book_cash",
    "change_of",
    "charge_lines",
    "charges_due",
    "vat_rate_of",
]

#: The reason of the cash movement (stored as said; the X report lists it).
CASH_REASON = "meter replacement {bill}"


def charge_lines(
    session: Session, reason: ReplacementReason, vat: tuple[Decimal, int | None]
) -> ChargesDue:
    """The reason's active charge items at their amounts now (the versions in force,
    decision BO-23), and VAT (rate, version) on the taxed ones."""
    item_ids = session.scalars(
        select(ChargeItem.id)
        .join(ReplacementReasonCharge, ReplacementReasonCharge.charge_item_id == ChargeItem.id)
        .where(ReplacementReasonCharge.reason_id == reason.id, ChargeItem.active)
        .order_by(ChargeItem.code)
    ).all()
    items = charge_terms(session, item_ids, utility_now(session))
    vat_rate, vat_version = vat
    return paid_charges.lines_of(
        items, vat_rate, system_parameters(session).amount_decimals, vat_version=vat_version
    )


def vat_rate_of(session: Session, meter: Meter) -> tuple[Decimal, int | None]:
    """The VAT rate of the meter's customer type in force now, and its version."""
    customer = session.get(Customer, meter.customer_id) if meter.customer_id else None
    kind = customer.customer_type_id if customer is not None else None
    return vat_in_force(session, kind, utility_now(session))


def charges_due(session: Session, reason_code: str, old_meter: str) -> ChargesDue:
    """What replacing ``old_meter`` for ``reason_code`` would cost now (nothing written).

    The old meter's customer type gives the VAT rate; a meter not known (yet typed half)
    prices the charges without VAT, the replacement itself then refuses it."""
    reason = by_code(session, ReplacementReason, reason_code.strip().upper(), REPLACEMENT_REASON)
    vat: tuple[Decimal, int | None] = (Decimal(0), None)
    try:
        number = parse_meter_number(old_meter.strip()).iain
    except MeterNumberError:
        number = None
    if number is not None:
        meter = session.scalars(select(Meter).where(Meter.number == number)).first()
        if meter is not None:
            vat = vat_rate_of(session, meter)
    return charge_lines(session, reason, vat)


def change_of(due: ChargesDue, paid: Decimal | None) -> tuple[Decimal, Decimal]:
    """What was paid (None: exactly the charges) and the change; refused when short."""
    return paid_charges.change_of(
        due,
        paid,
        not_money=lambda amount, decimals: errors.PaymentAmountError(
            amount=amount, decimals=decimals
        ),
        too_little=lambda given, total: errors.ReplacementPaidTooLittleError(paid=given, due=total),
    )


def book_cash(
    session: Session, actor: Actor, operator_id: int, amount: Decimal, bill: str
) -> int | None:
    """Put the charges in the drawer of the operator's open shift on this till; the cash
    movement's id (None: no charges, or no shift where none is required)."""
    return paid_charges.book_cash(
        session, actor, operator_id, amount, CASH_REASON.format(bill=bill)
    )
