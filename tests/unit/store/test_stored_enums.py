"""The store keeps the pricing's charge and repayment methods in the spellings migration
0001 gave them: one enum each (starpos.pricing), no second copy to map by name."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Enum

from starpos.db.models import ChargeItem, CustomerType, VendCharge
from starpos.pricing import ChargeMethod, RepaymentMethod

CHARGE_METHODS = ["by_times", "by_amount", "monthly", "yearly"]  # migration 0001
REPAYMENT_METHODS = ["none", "by_times", "monthly", "yearly", "percentage"]


def _stored(column: object) -> list[str]:
    return list(cast(Enum, column).enums)


def test_the_pricings_methods_are_stored_as_before() -> None:
    assert _stored(ChargeItem.__table__.c.method.type) == CHARGE_METHODS
    assert _stored(VendCharge.__table__.c.method.type) == CHARGE_METHODS
    assert _stored(CustomerType.__table__.c.repayment_method.type) == REPAYMENT_METHODS
    assert cast(Enum, ChargeItem.__table__.c.method.type).enum_class is ChargeMethod
    assert cast(Enum, CustomerType.__table__.c.repayment_method.type).enum_class is (
        RepaymentMethod
    )
