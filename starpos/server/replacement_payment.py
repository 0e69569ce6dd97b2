"""How a terminal's meter replacement was paid, booked at the head office as the counter
booked it (``tokenops.meter_replace_charges``; docs/sync.md, "Projection"; decision SYN-33):
the bill's charge lines as they were taken, what the customer paid and the change, the
link to the paid-in cash movement of the operator's shift, and the payment method, bank,
cheque number and shift that took the charges (TOK-30), so the head office's X/Z counts a
cheque's charges under the cheque as the counter's does.

The paid-in itself travels as its shift's own ``cash`` entry, which comes before the
replacement's entry in the chain (the counter audits both in one commit, the cash first), so
it is booked here already; the replacement is linked to it by its id (``movement``), looked
for among the signing terminal's shifts only. Entries written before they carried their
lines and that id (SYN-33) are booked with the lines the reason's charges give at the head
office when those add up to the entry's charges (else none: the total stands), and linked
to the paid-in by the reason the counter wrote on it. Either way the lines are priced, and
name their versions, as at the bill's local time, never the head office's now (BO-29).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import CashMovementKind
from starpos.db.models import (
    Bank,
    CashMovement,
    ChargeItem,
    Customer,
    MeterReplacement,
    MeterReplacementCharge,
    PaymentTerm,
    ReplacementReasonCharge,
    Shift,
)
from starpos.db.parameters import system_parameters, to_local
from starpos.masterdata.dated_terms import charge_terms, vat_in_force
from starpos.server.findings import FindingKind, Flag
from starpos.server.shift_projection import terminal_shifts
from starpos.shifts import paid_charges
from starpos.tokenops.meter_replace_charges import CASH_REASON

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

#: A line as the entry carries it: code, name, amount, whether it is a charge item (the VAT
#: line is not), and the version that priced it (the item's, or the VAT's on the VAT line).
Line = tuple[str, str, Decimal, bool, int | None]


def book_payment(session: Session, event: TerminalEvent, row: MeterReplacement) -> list[Flag]:
    """Paid, change, the paid-in and the lines of the replacement ``row`` (flushed); a
    paid-in the entry names that the head office does not have is raised."""
    facts = event.details
    row.paid = Decimal(str(facts.get("paid", "0")))  # as migration 0019 left older rows
    row.change_given = Decimal(str(facts.get("change", "0")))
    row.cash_movement_id = _paid_in(session, event, row.bill_number)
    flags = []
    if facts.get("movement") and row.cash_movement_id is None:
        missing = {"replacement": row.bill_number, "missing": ["cash_movement"]}
        flags.append(Flag(FindingKind.UNKNOWN_REFERENCE, missing))
    flags += _method(session, event, row)
    lines = _lines(session, facts, row)
    items = _items(session, [code for code, _, _, item, _ in lines if item])
    session.add_all(
        MeterReplacementCharge(
            replacement_id=row.id,
            position=position,
            charge_item_id=items.get(code) if item else None,
            charge_version_id=version if item else None,
            vat_version_id=None if item else version,
            code=code,
            name=name,
            amount=amount,
        )
        for position, (code, name, amount, item, version) in enumerate(lines, start=1)
    )
    session.flush()
    return flags


def _method(session: Session, event: TerminalEvent, row: MeterReplacement) -> list[Flag]:
    """The payment term, bank, cheque number and shift as the counter kept them (TOK-30).

    An entry without a payment is from before TOK-25: cash, as its bill reads. The shift is
    named by its own id (``shift``); an entry without it, by its paid-in's shift. A term or
    bank the head office does not know is raised; the bill is booked without it."""
    facts = event.details
    missing = []
    if facts.get("payment"):
        row.payment_term_id = session.scalar(
            select(PaymentTerm.id).where(PaymentTerm.code == facts["payment"])
        )
        if row.payment_term_id is None:
            missing.append("payment")
    if facts.get("bank"):
        row.bank_id = session.scalar(select(Bank.id).where(Bank.code == facts["bank"]))
        if row.bank_id is None:
            missing.append("bank")
    row.cheque_number = str(facts.get("cheque_number") or "")
    ref = facts.get("shift")
    row.shift_id = terminal_shifts(session, event.terminal_id, {ref}).get(ref)
    if row.shift_id is None and row.cash_movement_id is not None:
        movement = session.get(CashMovement, row.cash_movement_id)
        row.shift_id = movement.shift_id if movement is not None else None
    if ref and row.shift_id is None:
        missing.append("shift")
    session.flush()
    if not missing:
        return []
    return [
        Flag(FindingKind.UNKNOWN_REFERENCE, {"replacement": row.bill_number, "missing": missing})
    ]


def _lines(session: Session, facts: dict[str, Any], row: MeterReplacement) -> list[Line]:
    """The bill's lines, each with the version that priced it: the counter's lines as it
    took them, or (an entry from before SYN-33) the reason's lines re-priced; both by the
    versions in force at the bill's local time, as the counter priced it (BO-23, BO-29)."""
    local = to_local(session, row.replaced_at)
    vat_rate, vat_version = vat_in_force(session, _customer_type(session, row), local)
    if "lines" in facts:
        taken = [
            (str(code), str(name), Decimal(str(amount)), bool(item))
            for code, name, amount, item in facts["lines"]
        ]
        codes = [code for code, _, _, item in taken if item]
        versions = {
            terms.code: terms.version_id
            for terms in charge_terms(session, list(_items(session, codes).values()), local)
        }
        return [
            (code, name, amount, item, versions.get(code) if item else vat_version)
            for code, name, amount, item in taken
        ]
    if row.charges <= 0:
        return []
    item_ids = session.scalars(
        select(ChargeItem.id)
        .join(ReplacementReasonCharge, ReplacementReasonCharge.charge_item_id == ChargeItem.id)
        .where(ReplacementReasonCharge.reason_id == row.reason_id, ChargeItem.active)
        .order_by(ChargeItem.code)
    ).all()
    due = paid_charges.lines_of(
        charge_terms(session, item_ids, local),
        vat_rate,
        system_parameters(session).amount_decimals,
        vat_version=vat_version,
    )
    if due.total != row.charges:
        return []  # the reason's charges changed since: the entry's total stands alone
    return [
        (line.code, line.name, line.amount, line.item_id is not None, line.version_id)
        for line in due.lines
    ]


def _customer_type(session: Session, row: MeterReplacement) -> int | None:
    return session.scalar(select(Customer.customer_type_id).where(Customer.id == row.customer_id))


def _items(session: Session, codes: list[str]) -> dict[str, int]:
    if not codes:
        return {}
    found = session.execute(
        select(ChargeItem.code, ChargeItem.id).where(ChargeItem.code.in_(codes))
    )
    return {code: item_id for code, item_id in found}


def _paid_in(session: Session, event: TerminalEvent, bill: str) -> int | None:
    """The paid-in the replacement put in the drawer, among the signing terminal's shifts."""
    facts = event.details
    query = (
        select(CashMovement.id)
        .join(Shift, Shift.id == CashMovement.shift_id)
        .where(Shift.terminal_id == event.terminal_id)
    )
    if facts.get("movement"):
        query = query.where(CashMovement.request_id == facts["movement"])
    elif "movement" in facts or not facts.get("cash_movement"):
        return None  # no charges, or no shift where none is required: nothing went in
    else:
        query = query.where(
            CashMovement.kind == CashMovementKind.PAID_IN,
            CashMovement.reason == CASH_REASON.format(bill=bill),
        )
    movement: int | None = session.scalar(query.order_by(CashMovement.id).limit(1))
    return movement
