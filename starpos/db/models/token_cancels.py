"""Token cancels (manual 4.5): a sale's token made void by a zero-energy token with a later
TID, the money returned less the customer type's token cancel charge.

The zero-energy token is a ``token_operations`` row of kind ``token_cancel`` (made through
the module as durably as any token operation); this row is the business around it: the sale,
the cancel bill, the reason, the refund. It is also what a shift sums for its refunds (who,
where, when, how much). The logic lives in ``starpos.tokenops.token_cancel``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Money, UtcDateTime, utc_now
from starpos.db.enums import TokenCancelState
from starpos.db.models.master_data import CODE


class TokenCancel(Base):
    __tablename__ = "token_cancels"
    __table_args__ = (
        Index("ix_token_cancels_state", "state"),
        Index("ix_token_cancels_completed", "completed_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    bill_number: Mapped[str] = mapped_column(String(CODE), unique=True)
    state: Mapped[TokenCancelState] = mapped_column(
        str_enum(TokenCancelState, "token_cancel_state"), default=TokenCancelState.PENDING
    )
    # The sale cancelled (one cancel per sale) and the zero-energy token's row.
    vend_id: Mapped[int] = mapped_column(ForeignKey("vends.id"), unique=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("token_operations.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    # What the sale took, the customer type's token cancel charge, and what goes back.
    amount: Mapped[Decimal] = mapped_column(Money())
    charge: Mapped[Decimal] = mapped_column(Money())
    refund: Mapped[Decimal] = mapped_column(Money())
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id"))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # When the refund was booked (the shift counts it then).
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    failure_reason: Mapped[str | None] = mapped_column(Text)
