"""registration bills: what registering a customer or adding a meter contract cost, what
was paid and the change, the cash it put in the shift's drawer, and the bill's charge lines
as they were taken (manual 3.3 d, 4.3; decision BO-21)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    money = starpos.db.column_types.Money
    op.create_table(
        "registration_bills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("meters", sa.String(length=200), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.Column("charges", money(), nullable=False),
        sa.Column("paid", money(), nullable=False),
        sa.Column("change_given", money(), nullable=False),
        sa.Column("cash_movement_id", _BIG, nullable=True),
        sa.CheckConstraint("charges >= 0 AND paid >= charges", name=op.f("ck_registration_bills_paid")),
        sa.CheckConstraint("kind IN ('register', 'add_meter')", name=op.f("ck_registration_bills_kind")),
        sa.ForeignKeyConstraint(
            ["cash_movement_id"], ["cash_movements.id"],
            name=op.f("fk_registration_bills_cash_movement_id_cash_movements"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"],
            name=op.f("fk_registration_bills_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"],
            name=op.f("fk_registration_bills_operator_id_operators"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_bills")),
        sa.UniqueConstraint("bill_number", name=op.f("uq_registration_bills_bill_number")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_registration_bills_customer_id"), "registration_bills", ["customer_id"]
    )
    op.create_table(
        "registration_bill_charges",
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("charge_item_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("amount", money(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_registration_bill_charges_amount")),
        sa.ForeignKeyConstraint(
            ["bill_id"], ["registration_bills.id"],
            name=op.f("fk_registration_bill_charges_bill_id_registration_bills"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["charge_item_id"], ["charge_items.id"],
            name=op.f("fk_registration_bill_charges_charge_item_id_charge_items"),
        ),
        sa.PrimaryKeyConstraint("bill_id", "position", name=op.f("pk_registration_bill_charges")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("registration_bill_charges")
    op.drop_index(op.f("ix_registration_bills_customer_id"), table_name="registration_bills")
    op.drop_table("registration_bills")
