"""Engineering, test and free tokens: one row per meter of a batch (manual 3.5, 3.6, 5.7).

A batch is what an operator asked for at once (one kind, one value, a list of meters); each
meter's token is a row that moves PLANNED -> PENDING -> ISSUED (or FAILED), the way a vend
does, so a batch killed half-way resumes without a token lost or made twice. The logic lives
in ``starpos.tokenops``; this module only says what is kept.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Energy, UtcDateTime, utc_now
from starpos.db.enums import TokenOperationKind, TokenOperationState
from starpos.db.models.customers import Meter

#: Up to four 20-digit tokens (a MISTY1 key change set), space-separated in entry order.
TOKENS_TEXT = 4 * 20 + 3


class TokenOperation(Base):
    __tablename__ = "token_operations"
    __table_args__ = (
        CheckConstraint("tid IS NULL OR tid BETWEEN 0 AND 16777215", name="tid"),
        CheckConstraint("position >= 1", name="position"),
        CheckConstraint("print_count >= 0", name="print_count"),
        Index("uq_token_operations_batch_position", "batch_id", "position", unique=True),
        Index("ix_token_operations_state", "state"),
        Index("ix_token_operations_meter_created", "meter_id", "created_at"),
        Index("ix_token_operations_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # This row's own id in every store (the head office books it under it).
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    # The batch it belongs to (a UUID: unique across terminals) and its place in it.
    batch_id: Mapped[str] = mapped_column(String(36))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[TokenOperationKind] = mapped_column(
        str_enum(TokenOperationKind, "token_operation_kind")
    )
    state: Mapped[TokenOperationState] = mapped_column(
        str_enum(TokenOperationState, "token_operation_state"),
        default=TokenOperationState.PLANNED,
    )
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    # The terminal that made it (the head office books only its own terminal's steps).
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    # What the token carries, in the kind's unit, as written by starpos.tokenops.kinds
    # (watts, a register, a rate, a factor, kWh, a test control, the new key).
    value: Mapped[str] = mapped_column(String(80), default="")
    # Energy the token gives the meter (free credit only; 0.0 otherwise): it comes out of
    # the module's credit like a sale's, so reconciliation counts it.
    energy_kwh: Mapped[Decimal] = mapped_column(Energy(), default=Decimal("0.0"))
    tid: Mapped[int | None] = mapped_column(Integer)
    tokens: Mapped[str | None] = mapped_column(String(TOKENS_TEXT))
    # What recovery needs (as for a vend, docs/vending.md): the module, the meter key
    # reference (no key material), the digest of the exact request frame GL?RR echoes, and
    # the module's credit update sequence and balance just before it was asked.
    module_id: Mapped[str | None] = mapped_column(String(40))
    module_key_ref: Mapped[str | None] = mapped_column(String(31))
    module_request_digest: Mapped[str | None] = mapped_column(String(8))
    module_sequence: Mapped[int | None] = mapped_column(BigInteger)
    module_balance_before: Mapped[Decimal | None] = mapped_column(Energy())
    failure_reason: Mapped[str | None] = mapped_column(Text)
    print_count: Mapped[int] = mapped_column(Integer, default=0)

    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    meter: Mapped[Meter] = relationship()

    @property
    def token_list(self) -> list[str]:
        """The tokens in the order the meter takes them (none before ISSUED)."""
        return self.tokens.split() if self.tokens else []
