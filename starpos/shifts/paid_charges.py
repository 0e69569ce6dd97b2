"""Charges a customer pays in cash outside a sale: a meter replacement's reason charges
(manual 4.6, 2.4) and a registration's register charges (manual 3.3 d, 4.3); decision BO-21.

One home for what both bills do alike: the charge items at their fixed amounts, as lines,
with the VAT of the customer's type on those that "Calculate VAT" (manual 2.2, 2.3) as a
line of its own; what the customer paid and the change, refused when short; and the charges
into the drawer of the operator's open shift on this till as a "paid in" cash movement, so
the X/Z report's expected cash counts them as it counts any cash into the drawer. Where the
store requires no shift and none is open, nothing goes into a shift, as for a sale; where it
requires one and none is open (or it is counted), :class:`NoOpenShiftError` refuses the
business like a sale, before anything is kept.

The customer pays with any payment method a sale accepts (decision TOK-25): the sale's
payment term (by code or kind), with the bank and cheque number where given, kept on the
bill with the shift that took it. Cash goes into the drawer as a paid-in; any other method
is no cash, so it makes no movement: the X/Z counts the bill under its method
(:func:`charges_by_payment`). Change is given in cash only, so another method pays exactly
the charges.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db.column_types import utc_now
from starpos.db.enums import CashMovementKind, PaymentKind
from starpos.db.models import (
    Bank,
    CashMovement,
    MeterReplacement,
    PaymentTerm,
    RegistrationBill,
)
from starpos.errors import StarposError
from starpos.i18n import tr_noop
from starpos.pricing.money import quantum, rate_of
from starpos.shifts.errors import NonCashChangeError, UnknownBankError, UnknownPaymentError
from starpos.shifts.gate import sale_shift, till_name
from starpos.shifts.records import audit, find_shift

#: The code and name of the VAT line (context ``voucher``, the sale's word).
VAT_CODE = "VAT"
VAT = tr_noop("voucher", "VAT")


class PricedItem(Protocol):
    """A charge item as the version in force prices it
    (:class:`starpos.masterdata.dated_terms.ChargeTerms`)."""

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def vat_applies(self) -> bool: ...
    @property
    def version_id(self) -> int: ...


@dataclass(frozen=True)
class ChargeLine:
    """One line of a bill (``item_id`` None: the VAT line). ``version_id``: the dated
    version that priced it, the item's, or on the VAT line the customer type's VAT's."""

    code: str
    name: str
    amount: Decimal
    item_id: int | None = None
    version_id: int | None = None


@dataclass(frozen=True)
class ChargesDue:
    """What a business costs, before it is done (its box shows it)."""

    lines: tuple[ChargeLine, ...]
    decimals: int

    @property
    def total(self) -> Decimal:
        return sum(
            (line.amount for line in self.lines), Decimal(0).quantize(quantum(self.decimals))
        )


@dataclass(frozen=True)
class ChargePayment:
    """How the customer pays, as asked: a payment term's code or kind (a sale's
    ``--payment``), the bank's code and the cheque number where there are any."""

    term: str = "cash"
    bank: str | None = None
    cheque_number: str = ""


#: Paid in cash, the default of every bill that takes charges.
IN_CASH = ChargePayment()


@dataclass(frozen=True)
class TakenPayment:
    """How the charges were paid and where they went, as the bill keeps it."""

    term_id: int
    code: str
    cash: bool
    bank_id: int | None
    cheque_number: str
    shift_id: int | None
    movement_id: int | None


def payment_term(session: Session, wanted: str) -> tuple[int, str, bool]:
    """The active payment term whose code or kind is ``wanted``: id, code, is it cash."""
    terms = session.execute(
        select(PaymentTerm.id, PaymentTerm.code, PaymentTerm.kind)
        .where(PaymentTerm.active)
        .order_by(PaymentTerm.code)
    ).all()
    for term_id, code, kind in terms:
        if wanted.strip().casefold() in (code.casefold(), str(kind).casefold()):
            return int(term_id), str(code), PaymentKind(kind) == PaymentKind.CASH
    raise UnknownPaymentError(payment=wanted, known=", ".join(code for _, code, _ in terms) or "-")


def bank_id(session: Session, code: str | None) -> int | None:
    if not code or not code.strip():
        return None
    found = session.scalar(select(Bank.id).where(Bank.code == code.strip().upper()))
    if found is None:
        known = ", ".join(session.scalars(select(Bank.code).order_by(Bank.code))) or "-"
        raise UnknownBankError(bank=code.strip(), known=known)
    return int(found)


def take_payment(
    session: Session,
    actor: Actor,
    operator_id: int,
    due: ChargesDue,
    paid: tuple[Decimal, Decimal],
    payment: ChargePayment,
    reason: str,
) -> TakenPayment:
    """Take ``due`` (``paid``: what was paid and the change, from :func:`change_of`) with
    ``payment``: cash into the drawer, another method counted in the shift by its bill.
    Refusals raise before anything is kept."""
    term_id, code, cash = payment_term(session, payment.term)
    bank = bank_id(session, payment.bank)
    if not cash and paid[1] > 0:
        raise NonCashChangeError(payment=code, due=due.total)
    shift_id = movement_id = None
    if due.total > 0:
        till = till_name(actor.terminal_code, actor.sales_point_code or "")
        shift = sale_shift(
            session, operator_id=operator_id, operator_code=actor.operator_code or "", till=till
        )
        shift_id = shift.shift_id if shift is not None else None
        if cash:
            movement_id = book_cash(session, actor, operator_id, due.total, reason)
    return TakenPayment(
        term_id, code, cash, bank, payment.cheque_number.strip(), shift_id, movement_id
    )


def payment_text(session: Session, bill: MeterReplacement | RegistrationBill) -> str:
    """How a bill's charges were paid, as its paper says it: the term's name, then the bank
    and the cheque number where there are any (a bill from before TOK-25: cash)."""
    term = session.get(PaymentTerm, bill.payment_term_id) if bill.payment_term_id else None
    if term is None:
        term = session.scalars(
            select(PaymentTerm).where(PaymentTerm.kind == PaymentKind.CASH)
        ).first()
    bank = session.get(Bank, bill.bank_id) if bill.bank_id else None
    parts = [
        term.name if term is not None else "",
        bank.code if bank is not None else "",
        bill.cheque_number,
    ]
    return " ".join(part for part in parts if part)


def charges_by_payment(session: Session, shift_id: int) -> dict[str, tuple[int, Decimal]]:
    """The bills' charges taken in the shift by a method other than cash (cash is in the
    drawer's paid-ins): payment code -> (bills, total)."""
    found: dict[str, tuple[int, Decimal]] = {}
    for table in (MeterReplacement, RegistrationBill):
        rows = session.execute(
            select(PaymentTerm.code, func.count(), func.coalesce(func.sum(table.charges), 0))
            .join(PaymentTerm, PaymentTerm.id == table.payment_term_id)
            .where(
                table.shift_id == shift_id,
                table.charges > 0,
                PaymentTerm.kind != PaymentKind.CASH,
            )
            .group_by(PaymentTerm.code)
        ).all()
        for code, count, total in rows:
            before = found.get(code, (0, Decimal(0)))
            found[code] = (before[0] + int(count), before[1] + Decimal(total))
    return found


def lines_of(
    items: Sequence[PricedItem],
    vat_rate: Decimal,
    decimals: int,
    *,
    times: int = 1,
    vat_version: int | None = None,
) -> ChargesDue:
    """``items`` at their fixed amounts, each ``times`` over (a registration's charge per
    meter, manual 3.3 d), and VAT at ``vat_rate`` (version ``vat_version``) on the taxed
    ones."""
    step = quantum(decimals)
    lines = [
        ChargeLine(item.code, item.name, ((item.amount or Decimal(0)) * times).quantize(step),
                   item.id, item.version_id)
        for item in items
    ]  # fmt: skip
    taxed = sum(
        (line.amount for line, item in zip(lines, items, strict=True) if item.vat_applies),
        Decimal(0),
    )
    vat = rate_of(taxed, vat_rate, decimals) if taxed else Decimal(0)
    if vat > 0:
        lines.append(ChargeLine(VAT_CODE, VAT, vat, None, vat_version))
    return ChargesDue(tuple(lines), decimals)


def change_of(
    due: ChargesDue,
    paid: Decimal | None,
    *,
    not_money: Callable[[Decimal, int], StarposError],
    too_little: Callable[[Decimal, Decimal], StarposError],
) -> tuple[Decimal, Decimal]:
    """What was paid (None: exactly the charges) and the change. A ``paid`` that is no
    amount of money raises ``not_money(paid, decimals)``; one short of the charges
    ``too_little(paid, due)`` (each business says it in its own words)."""
    step = quantum(due.decimals)
    if paid is None:
        return due.total, Decimal(0).quantize(step)
    try:
        exact = paid.is_finite() and paid >= 0 and paid % step == 0
    except InvalidOperation:
        exact = False
    if not exact:
        raise not_money(paid, due.decimals)
    paid = paid.quantize(step)
    if paid < due.total:
        raise too_little(paid, due.total)
    return paid, paid - due.total


def book_cash(
    session: Session, actor: Actor, operator_id: int, amount: Decimal, reason: str
) -> int | None:
    """Put ``amount`` in the drawer of the operator's open shift on this till; the cash
    movement's id (None: nothing to put, or no shift where none is required)."""
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
        reason=reason,
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
