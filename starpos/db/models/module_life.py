"""What the store keeps of its own identity and of the secure module's life.

``store_identity`` is one row: the UUID this store was made with (migration 0009, or
``starpos db init --new-store``). The module remembers the store it serves by this id
(``SM?SB``), so a store file lost and made again, or another store put in its place, is
known as such instead of selling silently (docs/store.md, "Which store this is").

``module_credit_updates`` holds every credit update block applied through StarPOS, one row
per module and sequence: committed PENDING before the block is sent, then APPLIED with the
module's own record of it (``SM?CU``), or FAILED; the same transaction writes its audit
entry. Rows ADOPTED were found on a module when this store first bound it (applied before
any store served it). Reconciliation compares them with the module's records over its whole
life (docs/vending.md, "Reconcile over the module's life").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Energy, UtcDateTime, utc_now
from starpos.db.enums import CreditUpdateState
from starpos.db.models.master_data import CODE


class StoreIdentity(Base):
    __tablename__ = "store_identity"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    store_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class ModuleCreditUpdate(Base):
    __tablename__ = "module_credit_updates"
    __table_args__ = (
        CheckConstraint("sequence >= 1", name="sequence"),
        Index("uq_module_credit_updates_module_sequence", "module_id", "sequence", unique=True),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    module_id: Mapped[str] = mapped_column(String(40))
    sequence: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[CreditUpdateState] = mapped_column(
        str_enum(CreditUpdateState, "credit_update_state")
    )
    # "replace", "add" or "decrease", and the block's amount (kWh), as the block says.
    operation: Mapped[str] = mapped_column(String(12))
    amount_kwh: Mapped[Decimal] = mapped_column(Energy())
    # The module's balance before and after, from its own record (None while PENDING).
    balance_before_kwh: Mapped[Decimal | None] = mapped_column(Energy())
    balance_after_kwh: Mapped[Decimal | None] = mapped_column(Energy())
    # First 16 hex digits of the SHA-256 of the block file as sent (the module's SM?CU).
    block_digest: Mapped[str] = mapped_column(String(16))
    operator_code: Mapped[str | None] = mapped_column(String(CODE))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    failure_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def change_kwh(self) -> Decimal:
        """How the balance moved (positive: credit added); 0.0 until it is known."""
        if self.balance_before_kwh is None or self.balance_after_kwh is None:
            return Decimal("0.0")
        return self.balance_after_kwh - self.balance_before_kwh


class ModuleBinding(Base):
    """One binding of a module to this store (``SM?SB``), and the reconciliation it accepted.

    A module first used here has nothing to accept (every ``accepted_*`` is 0). A module
    re-bound from another store (``starpos sm rebind``) made tokens this store's ledger does
    not hold: what it had made beyond the ledger at that moment is accepted here, recorded
    with who decided it and why, and reconciliation counts from there.
    """

    __tablename__ = "module_bindings"
    __table_args__ = (
        Index("uq_module_bindings_module_number", "module_id", "binding_number", unique=True),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    module_id: Mapped[str] = mapped_column(String(40))
    binding_number: Mapped[int] = mapped_column(Integer)
    # "first_use", "adopted" (unbound, with a history this ledger accounts for) or "rebind".
    kind: Mapped[str] = mapped_column(String(12))
    previous_store_id: Mapped[str] = mapped_column(String(64), default="")
    sequence_at_bind: Mapped[int] = mapped_column(BigInteger)
    accepted_kwh: Mapped[Decimal] = mapped_column(Energy(), default=Decimal("0.0"))
    accepted_credit_tokens: Mapped[int] = mapped_column(Integer, default=0)
    accepted_management_tokens: Mapped[int] = mapped_column(Integer, default=0)
    accepted_key_change_sets: Mapped[int] = mapped_column(Integer, default=0)
    operator_code: Mapped[str | None] = mapped_column(String(CODE))
    reason: Mapped[str] = mapped_column(Text, default="")
    bound_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
