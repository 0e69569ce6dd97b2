"""Tariff schemes and their dated versions: flat, step blocks, time of use (manual 2.12).

The tables mirror ``starpos.pricing.tariffs`` and ``starpos.pricing.tou``: a TOU version
keeps its four prices, day tariffs (switch times), week tariffs, seasons and holidays.

A meter points at a scheme; the price that applies at a moment is the scheme's latest version
whose ``effective_from`` is at or before it, so a price change is a new version and
old sales keep the price they were made with.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, UniqueConstraint
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
    # The utility's local wall clock (system parameters' time zone), like the token's TID.
    effective_from: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[TariffKind] = mapped_column(str_enum(TariffKind, "tariff_kind"))
    flat_price: Mapped[Decimal | None] = mapped_column(UnitPrice())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    scheme: Mapped[TariffScheme] = relationship(back_populates="versions")
    steps: Mapped[list[TariffStep]] = relationship(
        order_by="TariffStep.position", cascade="all, delete-orphan"
    )
    tou_prices: Mapped[list[TouPrice]] = relationship(cascade="all, delete-orphan")
    tou_day_switches: Mapped[list[TouDaySwitch]] = relationship(cascade="all, delete-orphan")
    tou_week_days: Mapped[list[TouWeekDay]] = relationship(cascade="all, delete-orphan")
    tou_seasons: Mapped[list[TouSeason]] = relationship(cascade="all, delete-orphan")
    tou_holidays: Mapped[list[TouHoliday]] = relationship(cascade="all, delete-orphan")


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


class TouPrice(Base):
    """The price of one TOU tariff index T1..T4 (manual 2.12 A)."""

    __tablename__ = "tou_prices"
    __table_args__ = (CheckConstraint("tariff_index BETWEEN 1 AND 4", name="tariff_index"),)

    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), primary_key=True
    )
    tariff_index: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    price: Mapped[Decimal] = mapped_column(UnitPrice())


class TouDaySwitch(Base):
    """From ``start_minute`` after local midnight, day tariff N uses index T1..T4."""

    __tablename__ = "tou_day_switches"
    __table_args__ = (
        CheckConstraint("day_tariff BETWEEN 1 AND 8", name="day_tariff"),
        CheckConstraint("start_minute BETWEEN 0 AND 1439", name="start_minute"),
        CheckConstraint("tariff_index BETWEEN 1 AND 4", name="tariff_index"),
    )

    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), primary_key=True
    )
    day_tariff: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    start_minute: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    tariff_index: Mapped[int] = mapped_column(Integer)


class TouWeekDay(Base):
    """Week tariff N uses day tariff M on a weekday (0 Monday .. 6 Sunday)."""

    __tablename__ = "tou_week_days"
    __table_args__ = (
        CheckConstraint("week_tariff BETWEEN 1 AND 8", name="week_tariff"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("day_tariff BETWEEN 1 AND 8", name="day_tariff"),
    )

    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), primary_key=True
    )
    week_tariff: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    day_tariff: Mapped[int] = mapped_column(Integer)


class TouSeason(Base):
    """From ``month``/``day`` each year on, week tariff N applies."""

    __tablename__ = "tou_seasons"
    __table_args__ = (CheckConstraint("week_tariff BETWEEN 1 AND 8", name="week_tariff"),)

    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    week_tariff: Mapped[int] = mapped_column(Integer)


class TouHoliday(Base):
    """On ``month``/``day`` (every year, or only ``year``) day tariff N applies."""

    __tablename__ = "tou_holidays"
    __table_args__ = (CheckConstraint("day_tariff BETWEEN 1 AND 8", name="day_tariff"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("tariff_versions.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer)
    day_tariff: Mapped[int] = mapped_column(Integer)
