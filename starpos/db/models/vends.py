"""The vend ledger: one row per sale, its price breakdown, its charge lines and its tokens.

The row moves PENDING -> ISSUED -> PRINTED (or FAILED, CANCELLED); each state has its own
timestamp so the life of a sale can be read back. The logic that moves it lives in the
vending package; this module only says what is kept. Every amount is ``Decimal`` and
``net_amount = amount + taxed_charges + untaxed_charges + vat + debt_repayment + preinstalled
+ prearrange`` (``starpos.pricing.Breakdown``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base, BigId, str_enum
from starpos.db.column_types import Energy, Money, Percent, UtcDateTime, utc_now
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models.customers import Customer, Meter
from starpos.db.models.master_data import CODE, NAME
from starpos.pricing.rules import ChargeMethod


class Vend(Base):
    __tablename__ = "vends"
    __table_args__ = (
        CheckConstraint("print_count >= 0", name="print_count"),
        CheckConstraint("tid IS NULL OR tid BETWEEN 0 AND 16777215", name="tid"),
        Index("ix_vends_meter_created", "meter_id", "created_at"),
        Index("ix_vends_state", "state"),
        Index("ix_vends_module_created", "module_id", "created_at"),
        # The dated reports read a period in time order (migration 0014, docs/reports.md).
        Index("ix_vends_created", "created_at"),
        Index("ix_vends_shift", "shift_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # A unique id the caller chooses before the row exists, so a retried request or a
    # recovery after a crash finds the same sale instead of making a second one.
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    bill_number: Mapped[str] = mapped_column(String(CODE), unique=True)
    state: Mapped[VendState] = mapped_column(
        str_enum(VendState, "vend_state"), default=VendState.PENDING
    )
    # How the credit went to the meter: a token (keypad) or a smart card (table card_vends).
    medium: Mapped[MeterMedium] = mapped_column(
        str_enum(MeterMedium, "vend_medium"), default=MeterMedium.KEYPAD, server_default="keypad"
    )
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    sales_point_id: Mapped[int] = mapped_column(ForeignKey("sales_points.id"))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    # The shift it was sold in (None: sold before shifts, or where none is required).
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
    payment_term_id: Mapped[int] = mapped_column(ForeignKey("payment_terms.id"))
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("banks.id"))
    cheque_number: Mapped[str] = mapped_column(String(40), default="")
    tariff_version_id: Mapped[int | None] = mapped_column(ForeignKey("tariff_versions.id"))
    # The customer type's VAT version that priced it (decision BO-23; None: sold before).
    vat_version_id: Mapped[int | None] = mapped_column(ForeignKey("customer_type_vat_versions.id"))

    tendered: Mapped[Decimal] = mapped_column(Money())
    change: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    net_amount: Mapped[Decimal] = mapped_column(Money())
    amount: Mapped[Decimal] = mapped_column(Money())
    taxed_charges: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    untaxed_charges: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    vat_rate: Mapped[Decimal] = mapped_column(Percent(), default=Decimal(0))
    vat: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    debt_repayment: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # What the meter still owes after this sale (printed on the voucher).
    debt_after: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    preinstalled: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    prearrange: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # The part of ``amount`` no VAT or percentage was computed on (docs/pricing.md).
    amount_rounding: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    energy_kwh: Mapped[Decimal] = mapped_column(Energy())
    fbe_kwh: Mapped[Decimal] = mapped_column(Energy(), default=Decimal(0))
    # energy_kwh + fbe_kwh: exactly what the token carries.
    token_kwh: Mapped[Decimal] = mapped_column(Energy())
    # True when this was the meter's first purchase (the pre-installed amount was charged).
    first_purchase: Mapped[bool] = mapped_column(Boolean, default=False)

    tid: Mapped[int | None] = mapped_column(Integer)
    module_id: Mapped[str | None] = mapped_column(String(40))
    # What recovery needs to recognise the module's answer after a crash (docs/vending.md):
    # the meter key reference the request named (PAN, key register, SGC, TI, KRN, KEN; no
    # key material), the 8-hex digest of the exact request frame that GL?RR echoes, and the
    # module's credit update sequence and balance read just before asking it.
    module_key_ref: Mapped[str | None] = mapped_column(String(31))
    module_request_digest: Mapped[str | None] = mapped_column(String(8))
    module_sequence: Mapped[int | None] = mapped_column(BigInteger)
    module_balance_before: Mapped[Decimal | None] = mapped_column(Energy())
    failure_reason: Mapped[str | None] = mapped_column(Text)
    print_count: Mapped[int] = mapped_column(Integer, default=0)

    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    meter: Mapped[Meter] = relationship()
    customer: Mapped[Customer] = relationship()
    charges: Mapped[list[VendCharge]] = relationship(
        order_by="VendCharge.position", cascade="all, delete-orphan"
    )
    tokens: Mapped[list[VendToken]] = relationship(
        order_by="VendToken.position", cascade="all, delete-orphan"
    )


class VendCharge(Base):
    """One charge line of a vend, copied as priced (names too: the item may change later)."""

    __tablename__ = "vend_charges"

    vend_id: Mapped[int] = mapped_column(
        ForeignKey("vends.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    charge_item_id: Mapped[int | None] = mapped_column(ForeignKey("charge_items.id"), index=True)
    # The charge item's version that priced the line (decision BO-23; None: sold before).
    charge_version_id: Mapped[int | None] = mapped_column(ForeignKey("charge_item_versions.id"))
    # by_times, by_amount, monthly or yearly: monthly and yearly lines are collected once
    # per period, and the history of them is read back from here.
    method: Mapped[ChargeMethod] = mapped_column(str_enum(ChargeMethod, "charge_method"))
    code: Mapped[str] = mapped_column(String(CODE))
    name: Mapped[str] = mapped_column(String(NAME))
    amount: Mapped[Decimal] = mapped_column(Money())
    taxed: Mapped[bool] = mapped_column(Boolean, default=False)


class VendToken(Base):
    """A 20-digit token a vend produced (a credit token, or key change tokens before it)."""

    __tablename__ = "vend_tokens"
    # Token enquiry and reprint find a sale by its token (migration 0014).
    __table_args__ = (Index("ix_vend_tokens_token", "token"),)

    vend_id: Mapped[int] = mapped_column(
        ForeignKey("vends.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(24))
    token: Mapped[str] = mapped_column(String(20))
    tid: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
