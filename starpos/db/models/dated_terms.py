"""Dated versions of the master data a sale is priced with besides the tariff (issue 12;
decision BO-23): a charge item's priced terms (manual 2.2) and a customer type's VAT rate
(manual 2.3).

As with ``tariff_versions``, a change is a new version with the moment it takes effect on
the utility's local wall clock (system parameters' time zone), and the version that prices a
sale is the item's (or type's) latest one whose ``effective_from`` is at or before the
sale's local time. A sale records the version it used (``vend_charges.charge_version_id``,
``vends.vat_version_id``), so a later change never rewrites what an old sale was priced on.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, str_enum
from starpos.db.column_types import Money, Percent, UtcDateTime, utc_now
from starpos.pricing.rules import ChargeMethod

#: The ``effective_from`` of a record's first version: it prices every sale there can be.
BEGINNING = datetime(1970, 1, 1)


class ChargeItemVersion(Base):
    __tablename__ = "charge_item_versions"
    __table_args__ = (
        UniqueConstraint("charge_item_id", "effective_from"),
        CheckConstraint(
            "(method = 'by_amount' AND percentage IS NOT NULL)"
            " OR (method <> 'by_amount' AND amount IS NOT NULL)",
            name="amount_or_percentage",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    charge_item_id: Mapped[int] = mapped_column(
        ForeignKey("charge_items.id", ondelete="CASCADE"), index=True
    )
    # The utility's local wall clock (system parameters' time zone), like a tariff version.
    effective_from: Mapped[datetime] = mapped_column(DateTime)
    method: Mapped[ChargeMethod] = mapped_column(str_enum(ChargeMethod, "charge_method"))
    amount: Mapped[Decimal | None] = mapped_column(Money())
    percentage: Mapped[Decimal | None] = mapped_column(Percent())
    vat_applies: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class CustomerTypeVatVersion(Base):
    __tablename__ = "customer_type_vat_versions"
    __table_args__ = (UniqueConstraint("customer_type_id", "effective_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_type_id: Mapped[int] = mapped_column(
        ForeignKey("customer_types.id", ondelete="CASCADE"), index=True
    )
    effective_from: Mapped[datetime] = mapped_column(DateTime)
    vat_rate: Mapped[Decimal] = mapped_column(Percent())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
