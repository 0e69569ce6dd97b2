"""Rules and counters for auto-generated numbers (manual 2.13 "Auto-Generate No. Setting").

A number is a prefix made of fields (fixed text, year, month, sales point ...) followed by a
zero-padded serial. The counter row for a (bill type, period, prefix) is incremented inside
the writing transaction, so two processes never get the same number.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, str_enum
from starpos.db.enums import NumberFieldKind, NumberReset


class NumberingRule(Base):
    __tablename__ = "numbering_rules"
    __table_args__ = (
        CheckConstraint("serial_digits BETWEEN 1 AND 12", name="serial_digits"),
        CheckConstraint("start_number >= 0", name="start_number"),
    )

    bill_type: Mapped[str] = mapped_column(String(24), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    serial_digits: Mapped[int] = mapped_column(Integer, default=6)
    start_number: Mapped[int] = mapped_column(Integer, default=1)
    reset: Mapped[NumberReset] = mapped_column(
        str_enum(NumberReset, "number_reset"), default=NumberReset.NEVER
    )

    fields: Mapped[list[NumberingField]] = relationship(
        order_by="NumberingField.position", cascade="all, delete-orphan"
    )


class NumberingField(Base):
    __tablename__ = "numbering_fields"

    bill_type: Mapped[str] = mapped_column(
        ForeignKey("numbering_rules.bill_type", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[NumberFieldKind] = mapped_column(str_enum(NumberFieldKind, "number_field"))
    # Characters the field takes (codes are cut or left-padded with zeros to this length).
    length: Mapped[int | None] = mapped_column(Integer)
    fixed_text: Mapped[str] = mapped_column(String(20), default="")


class NumberingCounter(Base):
    __tablename__ = "numbering_counters"

    bill_type: Mapped[str] = mapped_column(String(24), primary_key=True)
    # "2026-11" for a monthly reset, "2026" yearly, "" never.
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    next_value: Mapped[int] = mapped_column(BigInteger)
