"""Meter stock in and out, and meter replacements: every meter's life is a list of moves.

Manual 3.1 (stock in: new, replaced, from another branch, cancelled contract), 3.2 (stock
out: for installation, to another branch) and 4.6 (replace meter).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, str_enum
from starpos.db.column_types import Energy, Money, UtcDateTime, utc_now
from starpos.db.enums import MeterCondition, StockMovementKind
from starpos.db.models.customers import Customer, Meter
from starpos.db.models.master_data import CODE, TEXT, ReplacementReason


class StockMovement(Base):
    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_meter", "meter_id", "moved_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_number: Mapped[str] = mapped_column(String(CODE), index=True)
    kind: Mapped[StockMovementKind] = mapped_column(str_enum(StockMovementKind, "stock_kind"))
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"))
    # The other side of a transfer between branches.
    other_branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))
    # The bill this one follows from (the replacement, stock out or cancellation).
    origin_bill_number: Mapped[str | None] = mapped_column(String(CODE))
    condition: Mapped[MeterCondition] = mapped_column(
        str_enum(MeterCondition, "meter_condition"), default=MeterCondition.GOOD
    )
    drawer: Mapped[str] = mapped_column(String(80), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    remark: Mapped[str] = mapped_column(String(TEXT), default="")

    meter: Mapped[Meter] = relationship()


class MeterReplacement(Base):
    __tablename__ = "meter_replacements"

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_number: Mapped[str] = mapped_column(String(CODE), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    old_meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    new_meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    reason_id: Mapped[int] = mapped_column(ForeignKey("replacement_reasons.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    remark: Mapped[str] = mapped_column(String(TEXT), default="")
    # Manual 4.6 (issue 16): the energy the old meter still held, the reason's charges paid
    # on this bill, and the remainder credit token made for the new meter (none for 0 kWh).
    remainder_kwh: Mapped[Decimal] = mapped_column(Energy(), default=Decimal("0.0"))
    charges: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("token_operations.id"))
    # What the customer paid for the charges and got back (decision TOK-21), and the cash
    # it put in the shift's drawer (none where no shift was open and none is required).
    paid: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    change_given: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    cash_movement_id: Mapped[int | None] = mapped_column(ForeignKey("cash_movements.id"))
    # How the charges were paid, as a sale keeps it (no term: cash, the bills made before
    # TOK-25), and the shift that took them (cash or not: the X/Z count them by method).
    payment_term_id: Mapped[int | None] = mapped_column(ForeignKey("payment_terms.id"))
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("banks.id"))
    cheque_number: Mapped[str] = mapped_column(String(40), default="")
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)

    customer: Mapped[Customer] = relationship()
    old_meter: Mapped[Meter] = relationship(foreign_keys=[old_meter_id])
    new_meter: Mapped[Meter] = relationship(foreign_keys=[new_meter_id])
    reason: Mapped[ReplacementReason] = relationship()


class MeterReplacementCharge(Base):
    """A charge line of a replacement bill as it was taken: the reason's charges may change
    later, the bill does not (decision TOK-21). VAT is a line of its own (no item)."""

    __tablename__ = "meter_replacement_charges"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount"),)

    replacement_id: Mapped[int] = mapped_column(
        ForeignKey("meter_replacements.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    charge_item_id: Mapped[int | None] = mapped_column(ForeignKey("charge_items.id"))
    # The version that priced the line: the item's, or on the VAT line the customer type's
    # VAT (decision BO-23; None: taken before versions, or no customer type).
    charge_version_id: Mapped[int | None] = mapped_column(ForeignKey("charge_item_versions.id"))
    vat_version_id: Mapped[int | None] = mapped_column(ForeignKey("customer_type_vat_versions.id"))
    code: Mapped[str] = mapped_column(String(CODE))
    name: Mapped[str] = mapped_column(String(TEXT))
    amount: Mapped[Decimal] = mapped_column(Money())
