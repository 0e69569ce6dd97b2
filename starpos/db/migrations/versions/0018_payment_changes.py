"""payment changes: a meter switched between prepaid and postpaid, with the prearrange,
receivable and remain amounts its next purchase settles (manual 4.7, docs/token-cancel.md)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 19:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None



def _mode(name: str) -> sa.Enum:
    return sa.Enum(
        "prepaid", "postpaid", name=name, native_enum=False, create_constraint=True, length=24
    )


def upgrade() -> None:
    op.create_table(
        "payment_changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("bill_number", sa.String(length=20), nullable=False),
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("from_mode", _mode("from_mode"), nullable=False),
        sa.Column("to_mode", _mode("to_mode"), nullable=False),
        sa.Column("prearrange", starpos.db.column_types.Money(), nullable=False),
        sa.Column("receivable", starpos.db.column_types.Money(), nullable=False),
        sa.Column("remain", starpos.db.column_types.Money(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "due", "settled", "carried", name="payment_change_state", native_enum=False,
                create_constraint=True, length=24,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("sales_point_id", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.Integer(), nullable=True),
        sa.Column("created_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.Column("vend_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("settled_at", starpos.db.column_types.UtcDateTime(), nullable=True),
        sa.CheckConstraint(
            "receivable >= 0 AND remain >= 0 AND prearrange >= 0",
            name=op.f("ck_payment_changes_amounts"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_payment_changes_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["meter_id"], ["meters.id"], name=op.f("fk_payment_changes_meter_id_meters")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operators.id"], name=op.f("fk_payment_changes_operator_id_operators")
        ),
        sa.ForeignKeyConstraint(
            ["sales_point_id"],
            ["sales_points.id"],
            name=op.f("fk_payment_changes_sales_point_id_sales_points"),
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminals.id"], name=op.f("fk_payment_changes_terminal_id_terminals")
        ),
        sa.ForeignKeyConstraint(
            ["vend_id"], ["vends.id"], name=op.f("fk_payment_changes_vend_id_vends")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_changes")),
        sa.UniqueConstraint("bill_number", name=op.f("uq_payment_changes_bill_number")),
    )
    op.create_index(
        "ix_payment_changes_meter_state", "payment_changes", ["meter_id", "state"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_payment_changes_meter_state", table_name="payment_changes")
    op.drop_table("payment_changes")
