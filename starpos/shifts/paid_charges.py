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
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol

from sqlalchemy.orm import Session

from starpos.audit.log import Actor
from starpos.db.column_types import utc_now
from starpos.db.enums import CashMovementKind
from starpos.db.models import CashMovement
from starpos.errors import StarposError
from starpos.i18n import tr_noop
from starpos.pricing.money import quantum, rate_of
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
