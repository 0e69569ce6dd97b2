"""Shifts, the cash that moves outside sales, the blind count, the Z and the day close
(issue 13; docs/shifts.md). The logic lives in ``starpos.shifts``; this module only says
what is kept.

A *till* is where a drawer stands: the terminal's code, or ``@`` and the sales point's code
when the sale names no terminal (the counter window sells without one). Z numbers run per
till without gaps; a Z row is never changed once made (a correction is a new row), and
each is chained to the till's previous Z by its hash.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Energy, Money, UtcDateTime, utc_now
from starpos.db.enums import CashMovementKind, ShiftState, ZKind
from starpos.db.models.master_data import CODE

#: A till's name: a terminal code, or "@" and a sales point code.
TILL = CODE + 1
HASH = 64


class Shift(Base):
    __tablename__ = "shifts"
    __table_args__ = (
        # One shift not yet closed per cashier and till: a second open is refused, and two
        # programs opening at once cannot both win. A till is a terminal's or a sales
        # point's, so on a counter the till names its terminal; at the head office each
        # terminal's tills are its own (two counters may both sell as "@" a sales point).
        Index(
            "uq_shifts_unclosed",
            "operator_id",
            "till",
            unique=True,
            sqlite_where=text("state <> 'closed' AND terminal_id IS NULL"),
            postgresql_where=text("state <> 'closed' AND terminal_id IS NULL"),
        ),
        Index(
            "uq_shifts_unclosed_terminal",
            "operator_id",
            "till",
            "terminal_id",
            unique=True,
            sqlite_where=text("state <> 'closed' AND terminal_id IS NOT NULL"),
            postgresql_where=text("state <> 'closed' AND terminal_id IS NOT NULL"),
        ),
        Index("ix_shifts_sales_point_opened", "sales_point_id", "opened_at"),
        Index("ix_shifts_state", "state"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # Its id in every store (the head office books it under it).
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    till: Mapped[str] = mapped_column(String(TILL))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    state: Mapped[ShiftState] = mapped_column(
        str_enum(ShiftState, "shift_state"), default=ShiftState.OPEN
    )
    opening_float: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # The float as counted: JSON {"denomination": count}, empty when a total was typed.
    opening_count: Mapped[str] = mapped_column(Text, default="")
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    # Counted minus expected, all payment methods; and why it was accepted when it was
    # above the threshold (the supervisor's approval).
    variance: Mapped[Decimal | None] = mapped_column(Money())
    variance_reason: Mapped[str] = mapped_column(Text, default="")

    counts: Mapped[list[ShiftCount]] = relationship(
        order_by="ShiftCount.payment", cascade="all, delete-orphan"
    )


class CashMovement(Base):
    """Cash into or out of a shift's drawer outside a sale, with its reason."""

    __tablename__ = "cash_movements"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount"),
        Index("ix_cash_movements_shift", "shift_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    kind: Mapped[CashMovementKind] = mapped_column(str_enum(CashMovementKind, "cash_movement_kind"))
    # Always positive; the kind says in which direction it moved.
    amount: Mapped[Decimal] = mapped_column(Money())
    reason: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class ShiftCount(Base):
    """The cashier's blind count of one payment method; expected and variance are filled
    in by the supervisor's close."""

    __tablename__ = "shift_counts"

    shift_id: Mapped[int] = mapped_column(
        ForeignKey("shifts.id", ondelete="CASCADE"), primary_key=True
    )
    # The payment term's code (cash, card ...).
    payment: Mapped[str] = mapped_column(String(CODE), primary_key=True)
    counted: Mapped[Decimal] = mapped_column(Money())
    # JSON {"denomination": count} for cash counted note by note; empty otherwise.
    denominations: Mapped[str] = mapped_column(Text, default="")
    expected: Mapped[Decimal | None] = mapped_column(Money())
    variance: Mapped[Decimal | None] = mapped_column(Money())


class ZReport(Base):
    """A till's Z: append-only, numbered without gaps, chained to the till's previous Z."""

    __tablename__ = "z_reports"
    __table_args__ = (
        # Numbers run per till: this store's own tills, and at the head office each
        # terminal's (``terminal_id``), whose tills may share a name ("@" a sales point).
        Index(
            "uq_z_reports_till_number",
            "till",
            "number",
            unique=True,
            sqlite_where=text("terminal_id IS NULL"),
            postgresql_where=text("terminal_id IS NULL"),
        ),
        Index(
            "uq_z_reports_terminal_till_number",
            "terminal_id",
            "till",
            "number",
            unique=True,
            sqlite_where=text("terminal_id IS NOT NULL"),
            postgresql_where=text("terminal_id IS NOT NULL"),
        ),
        CheckConstraint("number >= 1", name="number"),
        CheckConstraint("print_count >= 0", name="print_count"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    till: Mapped[str] = mapped_column(String(TILL))
    # Head office only: the terminal whose store made it (None: made in this store).
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[ZKind] = mapped_column(str_enum(ZKind, "z_kind"), default=ZKind.CLOSE)
    # The shift it closes (a correction closes none) and the Z a correction corrects.
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), unique=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("z_reports.id"))
    made_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    made_by: Mapped[str] = mapped_column(String(CODE))
    # Everything printed on it, as canonical JSON (starpos.shifts.zreport): the hash covers it.
    body: Mapped[str] = mapped_column(Text)
    # Grand totals of the till: this Z's plus every earlier one's; never reset.
    grand_net: Mapped[Decimal] = mapped_column(Money())
    grand_kwh: Mapped[Decimal] = mapped_column(Energy())
    grand_sales: Mapped[int] = mapped_column(BigInteger)
    # The head of the audit chain when the Z was made (printed: paper pins the history).
    audit_head_id: Mapped[int] = mapped_column(BigInteger)
    audit_head_hash: Mapped[str] = mapped_column(String(HASH))
    previous_hash: Mapped[str] = mapped_column(String(HASH))
    z_hash: Mapped[str] = mapped_column(String(HASH))
    print_count: Mapped[int] = mapped_column(Integer, default=0)

    shift: Mapped[Shift | None] = relationship()


class DayClose(Base):
    """A sales point's business day closed: every shift of it closed, its totals kept."""

    __tablename__ = "day_closes"
    __table_args__ = (
        # One per sales point and day in a store; at the head office one per terminal too
        # (each counter closes the day of the shifts in its own store).
        Index(
            "uq_day_closes_point_day",
            "sales_point_id",
            "business_date",
            unique=True,
            sqlite_where=text("terminal_id IS NULL"),
            postgresql_where=text("terminal_id IS NULL"),
        ),
        Index(
            "uq_day_closes_terminal_point_day",
            "terminal_id",
            "sales_point_id",
            "business_date",
            unique=True,
            sqlite_where=text("terminal_id IS NOT NULL"),
            postgresql_where=text("terminal_id IS NOT NULL"),
        ),
        CheckConstraint("print_count >= 0", name="print_count"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    business_date: Mapped[date] = mapped_column(Date)
    # Head office only: the terminal whose store closed it (None: closed in this store).
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    body: Mapped[str] = mapped_column(Text)
    # Prints of the close in this store (the first is the original, SHF-21); like a Z's,
    # the only column that changes after the close is made.
    print_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


__all__ = ["CashMovement", "DayClose", "Shift", "ShiftCount", "ZReport"]
