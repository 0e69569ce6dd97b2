"""The registration bill (manual 3.3 C "opening account bill", 4.3): what registering a
customer, or adding a meter contract, cost and how it was paid (decision BO-21)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from starpos.db.base import Base
from starpos.db.column_types import Money, UtcDateTime, utc_now
from starpos.db.models.customers import Customer
from starpos.db.models.master_data import CODE, TEXT


class RegistrationBill(Base):
    """One registration or added meter contract, with its charges, payment and change."""

    __tablename__ = "registration_bills"
    __table_args__ = (
        CheckConstraint("charges >= 0 AND paid >= charges", name="paid"),
        CheckConstraint("kind IN ('register', 'add_meter')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_number: Mapped[str] = mapped_column(String(CODE), unique=True)
    # "register" (manual 3.3) or "add_meter" (a meter contract added later, manual 4.3).
    kind: Mapped[str] = mapped_column(String(CODE))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    # The meters installed on this bill, by number, space separated (the charge is per meter).
    meters: Mapped[str] = mapped_column(String(TEXT))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    # Where it was made, as a sale keeps it (decision BO-31; None: an operator with no home
    # at a computer that is no terminal, such as STAR setting up).
    sales_point_id: Mapped[int | None] = mapped_column(ForeignKey("sales_points.id"))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    charges: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    paid: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    change_given: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    # The charges put in the shift's drawer (none without charges, or without a shift where
    # the store requires none).
    cash_movement_id: Mapped[int | None] = mapped_column(ForeignKey("cash_movements.id"))
    # How the charges were paid, as a sale keeps it (no term: cash, the bills made before
    # TOK-25), and the shift that took them (cash or not: the X/Z count them by method).
    payment_term_id: Mapped[int | None] = mapped_column(ForeignKey("payment_terms.id"))
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("banks.id"))
    cheque_number: Mapped[str] = mapped_column(String(40), default="")
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)

    customer: Mapped[Customer] = relationship()


class RegistrationBillCharge(Base):
    """A charge line of a registration bill as it was taken: the customer type's charges may
    change later, the bill does not. VAT is a line of its own (no item)."""

    __tablename__ = "registration_bill_charges"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount"),)

    bill_id: Mapped[int] = mapped_column(
        ForeignKey("registration_bills.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    charge_item_id: Mapped[int | None] = mapped_column(ForeignKey("charge_items.id"))
    # The version that priced the line: the item's, or on the VAT line the customer type's
    # VAT (decision BO-23; None: taken before versions, or no customer type).
    charge_version_id: Mapped[int | None] = mapped_column(ForeignKey("charge_item_versions.id"))
    vat_version_id: Mapped[int | None] = mapped_column(ForeignKey("customer_type_vat_versions.id"))
    code: Mapped[str] = mapped_column(String(CODE))
    name: Mapped[str] = mapped_column(String(TEXT))
    amount: Mapped[Decimal] = mapped_column(Money())
