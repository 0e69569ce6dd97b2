"""Which charge items a meter replacement reason costs (manual 2.4), kept as a customer
type's charges are (:mod:`starpos.masterdata.customer_type_charges`).

A replacement records the lines it took (``meter_replacement_charges``), so changing a
reason's charges changes the next replacement, never a past bill. A replacement has no
sale amount, so a charge item calculated as a percentage of the amount cannot be one of
its charges: it is refused, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import ChargeItem, ReplacementReason
from starpos.errors import StorageError
from starpos.i18n import Term, tr_noop
from starpos.masterdata import terms
from starpos.masterdata.changes import by_code, changing
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.pricing import ChargeMethod

REPLACEMENT_REASON = Term(tr_noop("terms", "replacement reason"))


class PercentageReplacementChargeError(StorageError):
    code = "storage.percentage_replacement_charge"
    template = (
        "Charge item {item} is a percentage of a sale's amount, and a meter replacement has "
        "no amount to take it of. Choose a charge item with a fixed amount."
    )


def set_reason_charges(
    database: Database, by: OperatorSession, reason_code: str, charge_codes: Sequence[str]
) -> list[str]:
    """The charge items replacing a meter for ``reason_code`` costs become ``charge_codes``;
    the codes as stored."""
    reason_code = reason_code.strip().upper()
    with changing(
        database, by, permissions.CHANGE_PRICES, f"replacement_reason:{reason_code}", "charges"
    ) as change:
        session = change.session
        reason = by_code(session, ReplacementReason, reason_code, REPLACEMENT_REASON)
        items = [
            by_code(session, ChargeItem, code.strip().upper(), terms.CHARGE_ITEM)
            for code in dict.fromkeys(c.strip().upper() for c in charge_codes if c.strip())
        ]
        for item in items:
            if item.method is ChargeMethod.BY_AMOUNT:
                raise PercentageReplacementChargeError(item=item.code)
        before = sorted(item.code for item in reason.charge_items)
        reason.charge_items = items
        after = sorted(item.code for item in items)
        change.details.update(before=before, after=after)
        return after


def reason_charges_of(database: Database, reason_code: str) -> list[str]:
    """The charge item codes of a replacement reason."""
    with database.reading() as session:
        reason = by_code(
            session, ReplacementReason, reason_code.strip().upper(), REPLACEMENT_REASON
        )
        return sorted(item.code for item in reason.charge_items)


def all_reason_charges(database: Database) -> dict[str, list[str]]:
    """Every replacement reason's charge item codes, by reason code (the admin's list)."""
    with database.reading() as session:
        return {
            reason.code: sorted(item.code for item in reason.charge_items)
            for reason in session.scalars(
                select(ReplacementReason).order_by(ReplacementReason.code)
            )
        }


def charge_item_choices(database: Database) -> list[tuple[str, str, Decimal]]:
    """(code, name, amount) of the active charge items a reason may cost (fixed amounts)."""
    with database.reading() as session:
        return [
            (item.code, item.name, item.amount or Decimal(0))
            for item in session.scalars(
                select(ChargeItem)
                .where(ChargeItem.active, ChargeItem.method != ChargeMethod.BY_AMOUNT)
                .order_by(ChargeItem.code)
            )
        ]
