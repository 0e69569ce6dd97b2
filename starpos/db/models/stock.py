"""Meter stock in and out, and meter replacements: every meter's life is a list of moves.

Manual 3.1 (stock in: new, replaced, from another branch, cancelled contract), 3.2 (stock
out: for installation, to another branch) and 4.6 (replace meter).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String
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

    customer: Mapped[Customer] = relationship()
    old_meter: Mapped[Meter] = relationship(foreign_keys=[old_meter_id])
    new_meter: Mapped[Meter] = relationship(foreign_keys=[new_meter_id])
    reason: Mapped[ReplacementReason] = relationship()
