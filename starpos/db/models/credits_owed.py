"""Credit owed back to a meter's customer: the excess of a debt repaid twice.

Two offline counters can both take a meter's monthly debt repayment; the head office books
both sales, stops the debt at 0 and writes the excess here, in the transaction that raises
the ``debt_overpaid`` finding. The row comes down with the meter (a part of the ``meters``
root, named within it by the overpaying sale's terminal and bill) and the meter's next sale
returns the amount as a negative line (``masterdata.credit_owed``); that sale's ISSUED entry
settles it at the head office (``server.credit_owed``; decision SYN-53). Only the head
office makes these rows: no column references a row id of another table but the meter.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Money, UtcDateTime, utc_now
from starpos.db.enums import CreditOwedState
from starpos.db.models.master_data import CODE


class MeterCreditOwed(Base):
    __tablename__ = "meter_credits_owed"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        UniqueConstraint("meter_id", "overpaid_terminal", "overpaid_bill"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), index=True)
    # The sale that repaid the debt a second time: its terminal's code and its bill.
    overpaid_terminal: Mapped[str] = mapped_column(String(CODE))
    overpaid_bill: Mapped[str] = mapped_column(String(CODE))
    amount: Mapped[Decimal] = mapped_column(Money())
    state: Mapped[CreditOwedState] = mapped_column(
        str_enum(CreditOwedState, "credit_owed_state"), default=CreditOwedState.OPEN
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # The sale that returned it (terminal code and bill: the same in every store), and when.
    settled_terminal: Mapped[str | None] = mapped_column(String(CODE))
    settled_bill: Mapped[str | None] = mapped_column(String(CODE))
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
