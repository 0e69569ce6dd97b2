"""Tariff schemes and their dated versions: flat, step blocks, time of use.

A meter points at a scheme; the price that applies on a day is the scheme's latest version
whose ``effective_from`` is on or before that day, so a price change is a new version and
old sales keep the price they were made with.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, str_enum
from starpos.db.column_types import Energy, UnitPrice, UtcDateTime, utc_now
from starpos.db.enums import TariffKind
from starpos.db.models.master_data import CODE, NAME


class TariffScheme(Base):
    __tablename__ = "tariff_schemes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME))

    versions: Mapped[list[TariffVersion]] = relationship(
        back_populates="scheme", order_by="TariffVersion.effective_from"
    )


class TariffVersion(Base):
    __tablename__ = "tariff_versions"
    __table_args__ = (
        UniqueConstraint("scheme_id", "effective_from"),
        CheckConstraint("kind <> 'flat' OR flat_price IS NOT NULL", name="flat_has_price"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("tariff_schemes.id"))
    effective_from: Mapped[date] = mapped_column(Date)
    kind: Mapped[TariffKind] = mapped_column(str_enum(TariffKind, "tariff_kind"))
    flat_price: Mapped[Decimal | None] = mapped_column(UnitPrice())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    scheme: Mapped[TariffScheme] = relationship(back_populates="versions")
    steps: Mapped[list[TariffStep]] = relationship(
        order_by="TariffStep.position", cascade="all, delete-orphan"
    )
    tou_periods: Mapped[list[TouPeriod]] = relationship(
        order_by="TouPeriod.position", cascade="all, delete-orphan"
    )


class TariffStep(Base):
    """One block of a step tariff: kWh bought this calendar month in [lower, upper)."""

    __tablename__ = "tariff_steps"
    __table_args__ = (
        CheckConstraint("upper_kwh IS NULL OR upper_kwh > lower_kwh", name="block_order"),
    )

    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    lower_kwh: Mapped[Decimal] = mapped_column(Energy())
    upper_kwh: Mapped[Decimal | None] = mapped_column(Energy())  # None: no upper bound
    price: Mapped[Decimal] = mapped_column(UnitPrice())


class TouPeriod(Base):
    """A time-of-use window, stored for meters that apply TOU themselves."""

    __tablename__ = "tou_periods"
    __table_args__ = (
        CheckConstraint(
            "start_minute BETWEEN 0 AND 1439 AND end_minute BETWEEN 1 AND 1440", name="minutes"
        ),
        CheckConstraint("weekdays BETWEEN 1 AND 127", name="weekdays"),
    )

    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(NAME))
    start_minute: Mapped[int] = mapped_column(Integer)  # minutes after local midnight
    end_minute: Mapped[int] = mapped_column(Integer)
    weekdays: Mapped[int] = mapped_column(Integer, default=127)  # bit 0 Monday .. bit 6 Sunday
    price: Mapped[Decimal] = mapped_column(UnitPrice())
