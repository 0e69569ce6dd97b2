"""Payment changes (manual 4.7): a meter switched between prepaid and postpaid.

The meter's pay type is its model's until its first change, then the latest change's
``to_mode`` (:mod:`starpos.vending.meter_check` reads it with the meter). What the change
leaves due is settled at the meter's next purchase: the customer type's prearrange amount
(the meter's ``prearrange_due`` flag, as before), the receivable (the postpaid debt, charged)
and the remain (the prepaid credit left, returned), the last two as lines of that sale
(``vend_id``). The logic lives in ``starpos.tokenops.payment_change``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Money, UtcDateTime, utc_now
from starpos.db.enums import PaymentChangeState, PaymentMode
from starpos.db.models.master_data import CODE


class PaymentChange(Base):
    __tablename__ = "payment_changes"
    __table_args__ = (
        CheckConstraint("receivable >= 0 AND remain >= 0 AND prearrange >= 0", name="amounts"),
        Index("ix_payment_changes_meter_state", "meter_id", "state"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    bill_number: Mapped[str] = mapped_column(String(CODE), unique=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    from_mode: Mapped[PaymentMode] = mapped_column(str_enum(PaymentMode, "from_mode"))
    to_mode: Mapped[PaymentMode] = mapped_column(str_enum(PaymentMode, "to_mode"))
    # The customer type's prearrange amount when the change was made (post -> prepaid).
    prearrange: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # Still to be charged (postpaid debt) / returned (prepaid credit left) at the next sale,
    # including what an earlier change left unsettled (carried over).
    receivable: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    remain: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    state: Mapped[PaymentChangeState] = mapped_column(
        str_enum(PaymentChangeState, "payment_change_state"), default=PaymentChangeState.DUE
    )
    remark: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id"))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # The sale that took the amounts, and when.
    vend_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("vends.id"))
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
