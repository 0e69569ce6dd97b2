"""Which charge items a customer type collects, in which business (manual 2.3).

A sale records the charges it took as lines (``vend_charges``), so changing a type's
charges changes the next sale, never a past one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import ChargeOccasion
from starpos.db.models import ChargeItem, CustomerType, CustomerTypeCharge
from starpos.masterdata import terms
from starpos.masterdata.changes import by_code, changing
from starpos.operators import permissions
from starpos.operators.session import OperatorSession


def set_charges(
    database: Database,
    by: OperatorSession,
    type_code: str,
    occasion: ChargeOccasion,
    charge_codes: Sequence[str],
) -> None:
    """The charge items ``type_code`` collects on ``occasion`` become ``charge_codes``."""
    type_code = type_code.strip().upper()
    with changing(
        database, by, permissions.CHANGE_PRICES, f"customer_type:{type_code}", "charges"
    ) as change:
        session = change.session
        customer_type = by_code(session, CustomerType, type_code, terms.CUSTOMER_TYPE)
        items = [
            by_code(session, ChargeItem, code.strip().upper(), terms.CHARGE_ITEM)
            for code in dict.fromkeys(charge_codes)
        ]
        before = sorted(c.charge_item.code for c in customer_type.charges if c.occasion == occasion)
        customer_type.charges = [c for c in customer_type.charges if c.occasion != occasion]
        session.flush()
        customer_type.charges.extend(
            CustomerTypeCharge(charge_item_id=item.id, occasion=occasion) for item in items
        )
        change.details.update(
            occasion=str(occasion), before=before, after=sorted(i.code for i in items)
        )


def charges_of(database: Database, type_code: str) -> dict[str, list[str]]:
    """The charge item codes of a customer type, by occasion."""
    with database.reading() as session:
        customer_type = by_code(
            session, CustomerType, type_code.strip().upper(), terms.CUSTOMER_TYPE
        )
        found: dict[str, list[str]] = {str(o): [] for o in ChargeOccasion}
        for charge in customer_type.charges:
            found[str(charge.occasion)].append(charge.charge_item.code)
        return {occasion: sorted(codes) for occasion, codes in found.items()}


def all_type_charges(database: Database) -> dict[str, list[str]]:
    """Every customer type's charge item codes (any occasion), by type code (the list)."""
    with database.reading() as session:
        return {
            customer_type.code: sorted({c.charge_item.code for c in customer_type.charges})
            for customer_type in session.scalars(select(CustomerType).order_by(CustomerType.code))
        }


def charge_items_to_choose(database: Database) -> list[tuple[str, str, str]]:
    """(code, name, what it costs: the amount, or the percentage of the sale with "%") of the
    active charge items a customer type may collect."""
    with database.reading() as session:
        items = session.scalars(
            select(ChargeItem).where(ChargeItem.active).order_by(ChargeItem.code)
        ).all()
        # The store's check keeps one of the two set (a percentage for "by amount").
        return [(i.code, i.name, _costs(i.amount, i.percentage)) for i in items]


def _costs(amount: Decimal | None, percentage: Decimal | None) -> str:
    if amount is not None:
        return str(amount)
    return f"{(percentage or Decimal(0)).normalize():f} %"
