"""The append-only audit log: each entry carries the SHA-256 of the one before it.

``audit_head`` holds the id and hash of the last entry. Appending updates it in the same
transaction, which serialises writers (a row lock on PostgreSQL, the write lock on SQLite)
and lets verification notice entries cut off the end. See ``starpos.audit.log``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from starpos.db.base import Base, BigId
from starpos.db.column_types import UtcDateTime
from starpos.db.models.master_data import CODE


class AuditEntry(Base):
    __tablename__ = "audit_log"
    # A unique index, not a constraint: SQLite adds it without copying the table, which
    # would drop the append-only triggers (migration 0005).
    __table_args__ = (Index("uq_audit_log_event_id", "event_id", unique=True),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(40), index=True)
    operator_code: Mapped[str | None] = mapped_column(String(CODE))
    sales_point_code: Mapped[str | None] = mapped_column(String(CODE))
    terminal_code: Mapped[str | None] = mapped_column(String(CODE))
    # What the entry is about, e.g. "meter:04040404040" or "vend:SP01-2611-000042".
    subject: Mapped[str] = mapped_column(String(80), default="", index=True)
    # Canonical JSON (sorted keys, Decimals as strings): exactly what was hashed.
    details: Mapped[str] = mapped_column(Text, default="{}")
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # A random UUID naming the entry wherever it travels (the head office takes each one
    # once, docs/sync.md); hashed with the entry. Entries older than schema 0005 have none.
    event_id: Mapped[str | None] = mapped_column(String(36))


class AuditHead(Base):
    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    last_id: Mapped[int] = mapped_column(BigId, default=0)  # 0: the log is empty
    last_hash: Mapped[str] = mapped_column(String(64))
