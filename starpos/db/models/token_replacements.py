"""Sales whose token needs a replacement: two offline counters gave one meter the same TID.

The meter takes the first of the two tokens entered and refuses the other as used. The
head office, booking the second of them, keeps a row here naming that sale (its bill, its
terminal, the TID, its energy and amount). The row comes down to the counters with its
meter (``starpos.sync.owned_tables``, a part of meters the counter's own record changes):
the terminal that made the sale issues the same energy again under a new TID, a
``token_operations`` row of kind ``tid_replacement`` named in ``replacement`` (its
request id), and the row becomes REPLACED here and at the head office (decision SYN-51).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Energy, Money, UtcDateTime, utc_now
from starpos.db.enums import TokenReplacementState
from starpos.db.models.master_data import CODE


class TokenReplacementDue(Base):
    __tablename__ = "token_replacements_due"
    __table_args__ = (
        # One row per sale: the head office keeps it once however often the sale is pushed.
        UniqueConstraint("meter_id", "bill_number", name="uq_token_replacements_due_bill"),
        Index("ix_token_replacements_due_state", "state"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    #: The sale whose token collided, and the sale that took its TID first.
    bill_number: Mapped[str] = mapped_column(String(CODE))
    other_bill: Mapped[str] = mapped_column(String(CODE))
    #: The terminal that made the sale: the only one that may replace its token.
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    tid: Mapped[int] = mapped_column(Integer)
    energy_kwh: Mapped[Decimal] = mapped_column(Energy())
    amount: Mapped[Decimal] = mapped_column(Money())
    state: Mapped[TokenReplacementState] = mapped_column(
        str_enum(TokenReplacementState, "token_replacement_state"),
        default=TokenReplacementState.OPEN,
    )
    #: The replacement token's ``token_operations.request_id`` (the same in every store).
    replacement: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    replaced_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
