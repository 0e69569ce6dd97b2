"""Base data and common data of the STAR manual (sections 1 and 2).

System parameters, regions and their levels, branches, sales points, terminals, payment
terms, banks, meter models, default amounts, charge items, customer types with the charges
they collect, and meter replacement reasons.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, str_enum
from starpos.db.column_types import Energy, Money, Percent
from starpos.db.enums import ChargeOccasion, PaymentKind, PaymentMode
from starpos.pricing.rules import ChargeMethod, RepaymentMethod

CODE = 20
NAME = 80
TEXT = 200


class SystemParameters(Base):
    """The one row of manual 1.1 "System Parameter Setting"."""

    __tablename__ = "system_parameters"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("amount_decimals IN (0, 1, 2)", name="amount_decimals"),
        CheckConstraint("region_levels BETWEEN 1 AND 5", name="region_levels"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    company_name: Mapped[str] = mapped_column(String(NAME))
    company_address: Mapped[str] = mapped_column(String(TEXT), default="")
    telephone: Mapped[str] = mapped_column(String(CODE * 2), default="")
    fax: Mapped[str] = mapped_column(String(CODE * 2), default="")
    tax_reference: Mapped[str] = mapped_column(String(CODE * 2), default="")
    currency: Mapped[str] = mapped_column(String(3))
    amount_decimals: Mapped[int] = mapped_column(Integer, default=2)
    warn_amount: Mapped[Decimal | None] = mapped_column(Money())
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    region_levels: Mapped[int] = mapped_column(Integer, default=3)
    # The region level a customer may buy in (manual 1.1 "Regional Level For Multiregional
    # Power-Purchasing"); None: anywhere.
    purchase_region_level: Mapped[int | None] = mapped_column(Integer)
    system_start_date: Mapped[date | None] = mapped_column(Date)
    # Shifts (docs/shifts.md, decision SHF-1): no sale without the seller's open shift on
    # the till; on for a new store (a store upgraded from before shifts starts with it off).
    shift_required: Mapped[bool] = mapped_column(Boolean, default=True)
    # A count that differs from the expected by more than this needs a supervisor's
    # approval with a reason (0: any difference does).
    shift_variance_threshold: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # The cashier may close their own shift (one-person counters); otherwise a second
    # operator with the close permission must.
    shift_self_close: Mapped[bool] = mapped_column(Boolean, default=False)
    # The notes and coins a drawer is counted in, largest first ("100,50,20,...,0.05").
    cash_denominations: Mapped[str] = mapped_column(String(TEXT), default="")


class RegionLevel(Base):
    __tablename__ = "region_levels"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level"),)

    level: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(NAME))


class Region(Base):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    level: Mapped[int] = mapped_column(ForeignKey("region_levels.level"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))

    parent: Mapped[Region | None] = relationship(remote_side=[id])


class Branch(Base):
    __tablename__ = "branches"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    address: Mapped[str] = mapped_column(String(TEXT), default="")
    telephone: Mapped[str] = mapped_column(String(CODE * 2), default="")
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))


class SalesPoint(Base):
    __tablename__ = "sales_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    address: Mapped[str] = mapped_column(String(TEXT), default="")
    telephone: Mapped[str] = mapped_column(String(CODE * 2), default="")
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    forbid_sales: Mapped[bool] = mapped_column(Boolean, default=False)
    # The vendor float limit (the Juice batch close): sales of the point's shifts not yet
    # closed may not reach more than this (None: no limit).
    float_limit: Mapped[Decimal | None] = mapped_column(Money())

    branch: Mapped[Branch] = relationship()


class Terminal(Base):
    """A computer that sells: the client enrolled at a sales point."""

    __tablename__ = "terminals"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    sales_point: Mapped[SalesPoint] = relationship()


class PaymentTerm(Base):
    __tablename__ = "payment_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    kind: Mapped[PaymentKind] = mapped_column(str_enum(PaymentKind, "payment_kind"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Bank(Base):
    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))


class MeterModel(Base):
    """Manual 1.8: what the manufacturer calls the meter and how it is paid for."""

    __tablename__ = "meter_models"
    __table_args__ = (
        CheckConstraint("phases IN (1, 3)", name="phases"),
        CheckConstraint("ct_ratio > 0 AND pt_ratio > 0", name="ratios"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    payment_mode: Mapped[PaymentMode] = mapped_column(str_enum(PaymentMode, "payment_mode"))
    phases: Mapped[int] = mapped_column(Integer, default=1)
    using_life_years: Mapped[int | None] = mapped_column(Integer)
    ct_ratio: Mapped[int] = mapped_column(Integer, default=1)
    pt_ratio: Mapped[int] = mapped_column(Integer, default=1)
    # Credit loaded at the factory, charged on the meter's first purchase (manual 1.8).
    preinstalled_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))


class DefaultAmount(Base):
    """A quick-vend button of the simple client (manual 1.9): a net amount."""

    __tablename__ = "default_amounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    amount: Mapped[Decimal] = mapped_column(Money())


class ChargeItem(Base):
    """Manual 2.2: a fee collected by times, as a percentage of the amount, monthly or yearly."""

    __tablename__ = "charge_items"
    __table_args__ = (
        CheckConstraint(
            "(method = 'by_amount' AND percentage IS NOT NULL)"
            " OR (method <> 'by_amount' AND amount IS NOT NULL)",
            name="amount_or_percentage",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    method: Mapped[ChargeMethod] = mapped_column(str_enum(ChargeMethod, "charge_method"))
    amount: Mapped[Decimal | None] = mapped_column(Money())
    percentage: Mapped[Decimal | None] = mapped_column(Percent())
    vat_applies: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CustomerType(Base):
    """Manual 2.3: VAT, prearrange amount, debt repayment and free basic electricity."""

    __tablename__ = "customer_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))
    vat_rate: Mapped[Decimal] = mapped_column(Percent(), default=Decimal(0))
    prearrange_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    repayment_method: Mapped[RepaymentMethod] = mapped_column(
        str_enum(RepaymentMethod, "repayment_method"), default=RepaymentMethod.NONE
    )
    repayment_amount: Mapped[Decimal | None] = mapped_column(Money())
    repayment_percentage: Mapped[Decimal | None] = mapped_column(Percent())
    # Free basic electricity: kWh given once a month with the month's first purchase.
    fbe_kwh_per_month: Mapped[Decimal] = mapped_column(Energy(), default=Decimal(0))

    charges: Mapped[list[CustomerTypeCharge]] = relationship(
        back_populates="customer_type", cascade="all, delete-orphan"
    )


class CustomerTypeCharge(Base):
    """A charge item a customer type collects in one kind of business."""

    __tablename__ = "customer_type_charges"

    customer_type_id: Mapped[int] = mapped_column(
        ForeignKey("customer_types.id", ondelete="CASCADE"), primary_key=True
    )
    charge_item_id: Mapped[int] = mapped_column(ForeignKey("charge_items.id"), primary_key=True)
    occasion: Mapped[ChargeOccasion] = mapped_column(
        str_enum(ChargeOccasion, "charge_occasion"), primary_key=True
    )

    customer_type: Mapped[CustomerType] = relationship(back_populates="charges")
    charge_item: Mapped[ChargeItem] = relationship()


class ReplacementReason(Base):
    """Manual 2.4: why a meter was replaced, and which charges that costs."""

    __tablename__ = "replacement_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))

    charge_items: Mapped[list[ChargeItem]] = relationship(secondary="replacement_reason_charges")


class ReplacementReasonCharge(Base):
    __tablename__ = "replacement_reason_charges"

    reason_id: Mapped[int] = mapped_column(
        ForeignKey("replacement_reasons.id", ondelete="CASCADE"), primary_key=True
    )
    charge_item_id: Mapped[int] = mapped_column(ForeignKey("charge_items.id"), primary_key=True)
