"""What a shift did so far, and what its drawer should hold: the X report's figures, the
close's expected amounts and the Z's body (one computation for all three).

Sales are the shift's vends made (ISSUED, PRINTED, and CANCELLED: a sale cancelled later
was still made, and paid, in its shift). A PENDING sale is not counted: a shift is not
closed while it has one. Token cancels count in the shift that paid their refund
(:mod:`starpos.shifts.cancels`, decision SHF-08), whichever shift made the sale. Expected per
payment method: its sales less the refunds paid back by it; for cash, the opening float
plus cash sales less cash refunds, plus paid in, less paid out, drops and pick-ups. Net
sales and energy are what stayed: the sales less the shift's refunds and voided energy.
A replacement's or registration's charges paid by a method other than cash count in the
expected amount of that method (TOK-25); paid in cash, they are the drawer's paid-ins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import CashMovementKind, MeterMedium, PaymentKind, VendState
from starpos.db.models import CashMovement, PaymentTerm, Shift, Vend, VendToken
from starpos.db.parameters import system_parameters
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts.cancels import ShiftCancels, shift_cancels
from starpos.shifts.cash import DIRECTION
from starpos.shifts.lifecycle import ShiftInfo, shift_info
from starpos.shifts.paid_charges import charges_by_payment
from starpos.shifts.records import find_shift, operator_code

_VENDS = cast(Table, Vend.__table__)
_TERMS = cast(Table, PaymentTerm.__table__)
_TOKENS = cast(Table, VendToken.__table__)
_MOVES = cast(Table, CashMovement.__table__)
_MADE = (VendState.ISSUED, VendState.PRINTED, VendState.CANCELLED)


@dataclass(frozen=True)
class PaymentLine:
    """Sales of one payment method (``net``: what they took; refunds are the cancels')."""

    payment: str
    name: str
    cash: bool
    count: int
    net: Decimal


@dataclass(frozen=True)
class MovementLine:
    kind: CashMovementKind
    count: int
    total: Decimal


@dataclass(frozen=True)
class ShiftTotals:
    """The X report of a shift (and the figures its Z keeps)."""

    shift: ShiftInfo
    currency: str
    payments: tuple[PaymentLine, ...]
    sales_count: int
    sales_net: Decimal
    energy_kwh: Decimal
    tokens_issued: int
    card_sales_count: int
    card_sales_net: Decimal
    cancels: ShiftCancels
    failed_count: int
    movements: tuple[MovementLine, ...]
    expected: dict[str, Decimal] = field(default_factory=dict)
    #: The store's cash payment method, whose expected amount is the drawer's (a shift
    #: with no cash sale still has its float, and perhaps cash refunds).
    cash_code: str = ""
    #: Bills' charges taken by a method other than cash: payment -> (bills, total).
    charges: dict[str, tuple[int, Decimal]] = field(default_factory=dict)

    @property
    def cash_payment(self) -> str | None:
        return self.cash_code or next((line.payment for line in self.payments if line.cash), None)

    @property
    def expected_cash(self) -> Decimal:
        cash = self.cash_payment
        return self.expected.get(cash, Decimal(0)) if cash else Decimal(0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "shift": self.shift.as_dict(),
            "currency": self.currency,
            "payments": [
                {"payment": p.payment, "name": p.name, "cash": p.cash, "count": p.count,
                 "net": p.net}
                for p in self.payments
            ],
            "sales_count": self.sales_count,
            "sales_net": self.sales_net,
            "energy_kwh": self.energy_kwh,
            "tokens_issued": self.tokens_issued,
            "card_sales": {"count": self.card_sales_count, "net": self.card_sales_net},
            "cancels": self.cancels.as_dict(),
            "failed_count": self.failed_count,
            "movements": [
                {"kind": m.kind.value, "count": m.count, "total": m.total}
                for m in self.movements
            ],
            "expected": dict(self.expected),
            "cash_payment": self.cash_payment,
            "charges": [{"payment": code, "count": count, "total": total}
                        for code, (count, total) in sorted(self.charges.items())],
        }  # fmt: skip


def shift_totals(session: Session, shift: Shift) -> ShiftTotals:
    """The shift's figures now (read in the caller's transaction)."""
    parameters = system_parameters(session)
    zero = Decimal(0).quantize(Decimal(1).scaleb(-parameters.amount_decimals))
    rows = (
        session.connection()
        .execute(
            select(
                _TERMS.c.code,
                _TERMS.c.name,
                _TERMS.c.kind,
                _VENDS.c.medium,
                _VENDS.c.state,
                func.count(),
                func.coalesce(func.sum(_VENDS.c.net_amount), 0),
                func.coalesce(func.sum(_VENDS.c.token_kwh), 0),
            )
            .join(_TERMS, _TERMS.c.id == _VENDS.c.payment_term_id)
            .where(_VENDS.c.shift_id == shift.id)
            .group_by(_TERMS.c.code, _TERMS.c.name, _TERMS.c.kind, _VENDS.c.medium, _VENDS.c.state)
        )
        .all()
    )
    by_payment: dict[str, list[Any]] = {}
    sales_count = card_count = failed = 0
    sales_net = card_net = zero
    energy = Decimal("0.0")
    for code, name, kind, medium, state, count, net, kwh in rows:
        if state not in _MADE:
            failed += count if state == VendState.FAILED else 0
            continue
        net, kwh = Decimal(net), Decimal(kwh)
        line = by_payment.setdefault(code, [name, PaymentKind(kind) == PaymentKind.CASH, 0, zero])
        line[2] += count
        line[3] += net
        sales_count += count
        sales_net += net
        energy += kwh
        if MeterMedium(medium) == MeterMedium.CARD:
            card_count += count
            card_net += net
    tokens = (
        session.connection()
        .execute(
            select(func.count())
            .select_from(_TOKENS.join(_VENDS, _VENDS.c.id == _TOKENS.c.vend_id))
            .where(_VENDS.c.shift_id == shift.id, _VENDS.c.state.in_(_MADE))
        )
        .scalar_one()
    )
    movements = _movements(session, shift, zero)
    cancels = shift_cancels(session, shift, zero)
    payments = tuple(
        PaymentLine(code, name, cash, count, net)
        for code, (name, cash, count, net) in sorted(by_payment.items())
    )
    expected = {line.payment: line.net for line in payments}
    for code, refund in cancels.refunds.items():  # a refund may be of an earlier shift's sale
        expected[code] = expected.get(code, zero) - refund
    charges = charges_by_payment(session, shift.id)
    for code, (_, total) in charges.items():
        expected[code] = expected.get(code, zero) + total
    cash_code = _cash_code(session)
    expected[cash_code] = (
        shift.opening_float
        + expected.get(cash_code, zero)
        + sum((m.total * DIRECTION[m.kind] for m in movements), zero)
    )
    return ShiftTotals(
        shift=shift_info(session, shift),
        currency=parameters.currency,
        payments=payments,
        sales_count=sales_count,
        sales_net=sales_net - cancels.refund,
        energy_kwh=energy - cancels.energy_kwh,
        tokens_issued=int(tokens),
        card_sales_count=card_count,
        card_sales_net=card_net,
        cancels=cancels,
        failed_count=failed,
        movements=movements,
        expected=expected,
        cash_code=cash_code,
        charges=charges,
    )


def _movements(session: Session, shift: Shift, zero: Decimal) -> tuple[MovementLine, ...]:
    rows = (
        session.connection()
        .execute(
            select(_MOVES.c.kind, func.count(), func.coalesce(func.sum(_MOVES.c.amount), 0))
            .where(_MOVES.c.shift_id == shift.id)
            .group_by(_MOVES.c.kind)
        )
        .all()
    )
    found = {CashMovementKind(kind): (count, Decimal(total)) for kind, count, total in rows}
    return tuple(
        MovementLine(kind, found[kind][0], found[kind][1] + zero)
        for kind in CashMovementKind
        if kind in found
    )


def _cash_code(session: Session) -> str:
    code = session.scalar(
        select(PaymentTerm.code)
        .where(PaymentTerm.kind == PaymentKind.CASH)
        .order_by(PaymentTerm.code)
    )
    return code or "CASH"


def x_report(database: Database, operator: OperatorSession, shift_id: int) -> ShiftTotals:
    """The X report: the shift so far, for its cashier or an operator who may close shifts.
    Changes nothing (an X is not numbered)."""
    with database.reading() as session:
        shift = find_shift(session, shift_id)
        if operator_code(session, shift.operator_id) == operator.code:
            operator.require_any(permissions.KEEPS_SHIFT)
        else:
            operator.require(permissions.CLOSE_SHIFT)
        return shift_totals(session, shift)
