"""SUN smart cards in the store: which card belongs to which meter, what the cards brought
back from the meters, and which vends went onto a card (docs/card-sales.md).

A card row is one issue of a physical card to a meter: a card blanked and issued again is a
new row. Reading events are immutable (the migration adds triggers that refuse UPDATE and
DELETE on SQLite): they are the meter's own account of what happened, kept as read.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Energy, UtcDateTime, utc_now
from starpos.db.models.customers import Meter

#: Card serials are 8 bytes, kept as 16 upper-case hex digits.
SERIAL = 16
#: What a card's credit record calls the sale: the bill number (the card keeps 24 ASCII).
CARD_VEND_ID = 24


class CardState(StrEnum):
    """Where an issued card is in its life; only an ACTIVE card may be sold to."""

    ACTIVE = "active"
    REPLACED = "replaced"  # a newer card was issued for the meter (the old one was broken)
    LOST = "lost"  # reported lost or stolen, then replaced
    BLANKED = "blanked"  # erased at the counter


class CardFlag(StrEnum):
    TAMPER = "tamper"
    OVERLOAD = "overload"
    # The card carried older meter data than a previous reading, or older credit than the
    # ledger sold: a restored copy of the card, or a fault.
    ROLLBACK = "rollback"


class IssuedCard(Base):
    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("meter_id", "issue_number", name="meter_issue"),
        CheckConstraint("issue_number BETWEEN 1 AND 65535", name="issue_number"),
        # One active card per serial and per meter ("one meter, one card").
        Index(
            "uq_cards_active_serial",
            "serial",
            unique=True,
            sqlite_where=text("state = 'active'"),
            postgresql_where=text("state = 'active'"),
        ),
        Index(
            "uq_cards_active_meter",
            "meter_id",
            unique=True,
            sqlite_where=text("state = 'active'"),
            postgresql_where=text("state = 'active'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(SERIAL), index=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    issue_number: Mapped[int] = mapped_column(Integer)
    state: Mapped[CardState] = mapped_column(
        str_enum(CardState, "card_state"), default=CardState.ACTIVE
    )
    # The last credit sequence sold to the meter before this card (identity record).
    sequence_base: Mapped[int] = mapped_column(BigInteger, default=0)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    replaces_card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    # Unloaded credit of the card it replaces, written onto this card under the same
    # sequence, so the meter loads it once whichever card it sees (docs/card-sales.md).
    carried_sequence: Mapped[int | None] = mapped_column(BigInteger)
    carried_kwh: Mapped[Decimal | None] = mapped_column(Energy())
    carried_bill: Mapped[str | None] = mapped_column(String(CARD_VEND_ID))

    meter: Mapped[Meter] = relationship()


class CardReading(Base):
    """One return record as a card brought it back: every field, who read it and where."""

    __tablename__ = "card_readings"
    __table_args__ = (
        # The same return record read twice (a check, then the vend) is one event.
        UniqueConstraint("meter_id", "record_digest", name="meter_record"),
        Index("ix_card_readings_meter_read", "meter_id", "read_at"),
        CheckConstraint("warning_level BETWEEN 0 AND 2", name="warning_level"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    card_serial: Mapped[str] = mapped_column(String(SERIAL))
    read_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id"))
    operator_code: Mapped[str | None] = mapped_column(String(20))
    # SHA-256 of the record body as the card carried it.
    record_digest: Mapped[str] = mapped_column(String(64))

    last_loaded_sequence: Mapped[int] = mapped_column(BigInteger)
    remaining_kwh: Mapped[Decimal] = mapped_column(Energy())
    cumulative_kwh: Mapped[Decimal] = mapped_column(Energy())
    # Consumption of the meter clock's last six calendar months, month_0 the current one.
    month_0_kwh: Mapped[Decimal] = mapped_column(Energy())
    month_1_kwh: Mapped[Decimal] = mapped_column(Energy())
    month_2_kwh: Mapped[Decimal] = mapped_column(Energy())
    month_3_kwh: Mapped[Decimal] = mapped_column(Energy())
    month_4_kwh: Mapped[Decimal] = mapped_column(Energy())
    month_5_kwh: Mapped[Decimal] = mapped_column(Energy())
    relay_open: Mapped[bool] = mapped_column(Boolean)
    relay_open_count: Mapped[int] = mapped_column(Integer)
    power_cut_count: Mapped[int] = mapped_column(Integer)
    last_power_cut: Mapped[datetime | None] = mapped_column(UtcDateTime())
    tamper_count: Mapped[int] = mapped_column(Integer)
    overload_count: Mapped[int] = mapped_column(Integer)
    warning_level: Mapped[int] = mapped_column(Integer)
    overdraft_used_kwh: Mapped[Decimal] = mapped_column(Energy())
    meter_clock: Mapped[datetime] = mapped_column(UtcDateTime())
    firmware: Mapped[str] = mapped_column(String(8))

    # What is new since the meter's previous reading (what the supervisor looks at).
    new_tampers: Mapped[int] = mapped_column(Integer, default=0)
    new_overloads: Mapped[int] = mapped_column(Integer, default=0)
    rolled_back: Mapped[bool] = mapped_column(Boolean, default=False)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    tamper_events: Mapped[list[CardTamperEvent]] = relationship(
        order_by="CardTamperEvent.position", cascade="all"
    )


class CardTamperEvent(Base):
    """One of the (up to four, newest first) tamper events a return record lists."""

    __tablename__ = "card_tamper_events"

    reading_id: Mapped[int] = mapped_column(ForeignKey("card_readings.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class CardVend(Base):
    """The card side of a vend whose ``medium`` is card: which card, which credit sequence."""

    __tablename__ = "card_vends"
    __table_args__ = (UniqueConstraint("meter_id", "sequence", name="meter_sequence"),)

    vend_id: Mapped[int] = mapped_column(ForeignKey("vends.id"), primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"), index=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    sequence: Mapped[int] = mapped_column(BigInteger)
    reading_id: Mapped[int | None] = mapped_column(ForeignKey("card_readings.id"))
