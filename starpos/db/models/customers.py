"""Customers and their meters (manual 3.3 "Register Customer").

A meter row exists from the day it is stocked in; it belongs to a customer only while it is
installed for them. Its STS identity (meter number, SGC, TI, KRN, KEN, key type, DKGA, EA,
TID base) is what the secure module needs to make a token; the vending key itself never
leaves the module (DESIGN.md rule 7): ``key_register`` only names where it lives.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, str_enum
from starpos.db.column_types import Money, UtcDateTime, utc_now
from starpos.db.enums import (
    ContractStatus,
    CustomerStatus,
    MeterCondition,
    MeterMedium,
    StockStatus,
)
from starpos.db.models.master_data import (
    CODE,
    NAME,
    TEXT,
    Bank,
    Branch,
    CustomerType,
    MeterModel,
    Region,
)
from starpos.db.models.tariffs import TariffScheme


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE), unique=True)
    name: Mapped[str] = mapped_column(String(NAME), index=True)
    address: Mapped[str] = mapped_column(String(TEXT), default="")
    telephone: Mapped[str] = mapped_column(String(CODE * 2), default="")
    id_number: Mapped[str | None] = mapped_column(String(CODE * 2), index=True)
    customer_type_id: Mapped[int] = mapped_column(ForeignKey("customer_types.id"))
    status: Mapped[CustomerStatus] = mapped_column(
        str_enum(CustomerStatus, "customer_status"), default=CustomerStatus.ACTIVE
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    corporation: Mapped[str] = mapped_column(String(NAME), default="")
    tax_reference: Mapped[str] = mapped_column(String(CODE * 2), default="")
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("banks.id"))
    bank_account: Mapped[str] = mapped_column(String(CODE * 2), default="")
    registered_on: Mapped[date] = mapped_column(Date)
    remark: Mapped[str] = mapped_column(String(TEXT), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    customer_type: Mapped[CustomerType] = relationship()
    region: Mapped[Region | None] = relationship()
    bank: Mapped[Bank | None] = relationship()
    meters: Mapped[list[Meter]] = relationship(back_populates="customer", order_by="Meter.id")


class Meter(Base):
    __tablename__ = "meters"
    __table_args__ = (
        CheckConstraint("ti BETWEEN 0 AND 99", name="ti"),
        CheckConstraint("krn BETWEEN 1 AND 9", name="krn"),
        CheckConstraint("ken BETWEEN 0 AND 255", name="ken"),
        CheckConstraint("key_type BETWEEN 0 AND 3", name="key_type"),
        CheckConstraint("tid_base_year IN (1993, 2014, 2035)", name="tid_base_year"),
        CheckConstraint("last_tid IS NULL OR last_tid BETWEEN 0 AND 16777215", name="last_tid"),
        Index("ix_meters_customer", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The meter number as printed on the meter (11 or 13 digits, with its check digit).
    number: Mapped[str] = mapped_column(String(13), unique=True)
    # The full 18-digit PAN (IIN + meter number + PAN check digit).
    pan: Mapped[str] = mapped_column(String(18), unique=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("meter_models.id"))
    medium: Mapped[MeterMedium] = mapped_column(
        str_enum(MeterMedium, "meter_medium"), default=MeterMedium.KEYPAD
    )
    sgc: Mapped[str] = mapped_column(String(6))
    ti: Mapped[int] = mapped_column(Integer)
    krn: Mapped[int] = mapped_column(Integer)
    ken: Mapped[int] = mapped_column(Integer, default=255)
    key_type: Mapped[int] = mapped_column(Integer, default=2)
    dkga: Mapped[str] = mapped_column(String(2), default="02")
    ea: Mapped[str] = mapped_column(String(2), default="07")
    tid_base_year: Mapped[int] = mapped_column(Integer, default=1993)
    # Which key register of the secure module holds this meter's vending key.
    key_register: Mapped[str | None] = mapped_column(String(CODE * 2))
    # The TID of the last token made for this meter: the next one must be later.
    last_tid: Mapped[int | None] = mapped_column(Integer)
    # The highest card credit sequence the head office has booked as issued onto the
    # meter's cards, at any counter: it comes down with the meter, so a counter refuses a
    # restored copy of the card that another counter sold past (SYN-45). A counter's own
    # sales are in its card_vends; it never writes this column.
    card_sequence: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")

    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))
    stock_status: Mapped[StockStatus] = mapped_column(
        str_enum(StockStatus, "stock_status"), default=StockStatus.IN_STOCK
    )
    condition: Mapped[MeterCondition] = mapped_column(
        str_enum(MeterCondition, "meter_condition"), default=MeterCondition.GOOD
    )
    ex_factory_date: Mapped[date | None] = mapped_column(Date)

    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    tariff_scheme_id: Mapped[int | None] = mapped_column(ForeignKey("tariff_schemes.id"))
    install_date: Mapped[date | None] = mapped_column(Date)
    contract_status: Mapped[ContractStatus] = mapped_column(
        str_enum(ContractStatus, "contract_status"), default=ContractStatus.NONE
    )
    contract_start: Mapped[date | None] = mapped_column(Date)
    contract_end: Mapped[date | None] = mapped_column(Date)
    outstanding_debt: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # The customer type's prearrange amount is due on the next purchase (manual 4.7).
    prearrange_due: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    model: Mapped[MeterModel] = relationship()
    branch: Mapped[Branch | None] = relationship()
    customer: Mapped[Customer | None] = relationship(back_populates="meters")
    tariff_scheme: Mapped[TariffScheme | None] = relationship()
