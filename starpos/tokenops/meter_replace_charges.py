"""What a meter replacement costs and how it is paid (manual 4.6, 2.4; decision TOK-21).

The charges are the replacement reason's active charge items at their fixed amounts, and
the VAT of the customer's type on those that "Calculate VAT" (manual 2.2, 2.3), each a line
of the one replacement bill, kept as taken. The customer pays them in cash at the counter:
what was paid and the change are on the bill, and the charges go into the drawer of the
operator's open shift on this till as a "paid in" cash movement (``shifts.cash``), so the
X/Z report's expected cash counts them as it counts any cash into the drawer. Where the
store requires no shift and none is open, nothing goes into a shift, as for a sale; where it
requires one and none is open (or it is counted), the replacement is refused like a sale.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db.column_types import utc_now
from starpos.db.enums import CashMovementKind
from starpos.db.models import (
    CashMovement,
    ChargeItem,
    Customer,
    CustomerType,
    Meter,
    ReplacementReason,
    ReplacementReasonCharge,
)
from starpos.db.parameters import system_parameters
from starpos.i18n import tr_noop
from starpos.masterdata.changes import by_code
from starpos.masterdata.replacement_reason_charges import REPLACEMENT_REASON
from starpos.pricing.money import quantum, rate_of
from starpos.shifts.gate import sale_shift, till_name
from starpos.shifts.records import audit, find_shift
from starpos.sts.errors import MeterNumberError
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors

#: The code and name of the VAT line (context ``voucher``, the sale's word).
VAT_CODE = "VAT"
VAT = tr_noop("voucher", "VAT")
#: The reason of the cash movement (stored as said; the X report lists it).
CASH_REASON = "meter replacement {bill}"


@dataclass(frozen=True)
class ChargeLine:
    """One line of a replacement bill (``item_id`` None: the VAT line)."""

    code: str
    name: str
    amount: Decimal
    item_id: int | None = None


@dataclass(frozen=True)
class ChargesDue:
    """What replacing a meter for a reason costs, before it is done (the dialog shows it)."""

    lines: tuple[ChargeLine, ...]
    decimals: int

    @property
    def total(self) -> Decimal:
        return sum(
            (line.amount for line in self.lines), Decimal(0).quantize(quantum(self.decimals))
        )


def charge_lines(session: Session, reason: ReplacementReason, vat_rate: Decimal) -> ChargesDue:
    """The reason's active charge items at their amounts, and VAT on the taxed ones."""
    decimals = system_parameters(session).amount_decimals
    step = quantum(decimals)
    items = session.scalars(
        select(ChargeItem)
        .join(ReplacementReasonCharge, ReplacementReasonCharge.charge_item_id == ChargeItem.id)
        .where(ReplacementReasonCharge.reason_id == reason.id, ChargeItem.active)
        .order_by(ChargeItem.code)
    ).all()
    lines = [
        ChargeLine(item.code, item.name, (item.amount or Decimal(0)).quantize(step), item.id)
        for item in items
    ]
    taxed = sum(
        (line.amount for line, item in zip(lines, items, strict=True) if item.vat_applies),
        Decimal(0),
    )
    vat = rate_of(taxed, vat_rate, decimals) if taxed else Decimal(0)
    if vat > 0:
        lines.append(ChargeLine(VAT_CODE, VAT, vat))
    return ChargesDue(tuple(lines), decimals)


def vat_rate_of(session: Session, meter: Meter) -> Decimal:
    customer = session.get(Customer, meter.customer_id) if meter.customer_id else None
    kind = session.get(CustomerType, customer.customer_type_id) if customer is not None else None
    return kind.vat_rate if kind is not None else Decimal(0)


def charges_due(session: Session, reason_code: str, old_meter: str) -> ChargesDue:
    """What replacing ``old_meter`` for ``reason_code`` would cost now (nothing written).

    The old meter's customer type gives the VAT rate; a meter not known (yet typed half)
    prices the charges without VAT, the replacement itself then refuses it."""
    reason = by_code(session, ReplacementReason, reason_code.strip().upper(), REPLACEMENT_REASON)
    vat_rate = Decimal(0)
    try:
        number = parse_meter_number(old_meter.strip()).iain
    except MeterNumberError:
        number = None
    if number is not None:
        meter = session.scalars(select(Meter).where(Meter.number == number)).first()
        if meter is not None:
            vat_rate = vat_rate_of(session, meter)
    return charge_lines(session, reason, vat_rate)


def change_of(due: ChargesDue, paid: Decimal | None) -> tuple[Decimal, Decimal]:
    """What was paid (None: exactly the charges) and the change; refused when short."""
    step = quantum(due.decimals)
    if paid is None:
        return due.total, Decimal(0).quantize(step)
    try:
        exact = paid.is_finite() and paid >= 0 and paid % step == 0
    except InvalidOperation:
        exact = False
    if not exact:
        raise errors.PaymentAmountError(amount=paid, decimals=due.decimals)
    paid = paid.quantize(step)
    if paid < due.total:
        raise errors.ReplacementPaidTooLittleError(paid=paid, due=due.total)
    return paid, paid - due.total


def book_cash(
    session: Session, actor: Actor, operator_id: int, amount: Decimal, bill: str
) -> int | None:
    """Put the charges in the drawer of the operator's open shift on this till; the cash
    movement's id (None: no charges, or no shift where none is required)."""
    if amount <= 0:
        return None
    till = till_name(actor.terminal_code, actor.sales_point_code or "")
    shift = sale_shift(
        session, operator_id=operator_id, operator_code=actor.operator_code or "", till=till
    )
    if shift is None:
        return None
    movement = CashMovement(
        request_id=str(uuid.uuid4()),
        shift_id=shift.shift_id,
        kind=CashMovementKind.PAID_IN,
        amount=amount,
        reason=CASH_REASON.format(bill=bill),
        operator_id=operator_id,
        created_at=utc_now(),
    )
    session.add(movement)
    session.flush()
    # The shift's own audit entry, as every cash movement has: the head office builds its
    # copy of the shift from these (decision SHF-12), so the paid-in travels to it.
    audit(
        session,
        find_shift(session, shift.shift_id),
        "cash",
        actor,
        movement=movement.request_id,
        kind=movement.kind.value,
        amount=amount,
        reason=movement.reason,
    )
    return movement.id
