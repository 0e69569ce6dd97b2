"""replacement payment: what the customer paid for a replacement's charges, the change, the
cash it put in the shift's drawer, and the bill's charge lines as they were taken (manual
4.6, 2.4; decision TOK-21)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 08:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("meter_replacements", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("paid", starpos.db.column_types.Money(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column(
                "change_given", starpos.db.column_types.Money(), nullable=False, server_default="0"
            )
        )
        batch_op.add_column(sa.Column("cash_movement_id", _BIG, nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_meter_replacements_cash_movement_id_cash_movements"),
            "cash_movements",
            ["cash_movement_id"],
            ["id"],
        )
    op.create_table(
        "meter_replacement_charges",
        sa.Column("replacement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("charge_item_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("amount", starpos.db.column_types.Money(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_meter_replacement_charges_amount")),
        sa.ForeignKeyConstraint(
            ["charge_item_id"],
            ["charge_items.id"],
            name=op.f("fk_meter_replacement_charges_charge_item_id_charge_items"),
        ),
        sa.ForeignKeyConstraint(
            ["replacement_id"],
            ["meter_replacements.id"],
            name=op.f("fk_meter_replacement_charges_replacement_id_meter_replacements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "replacement_id", "position", name=op.f("pk_meter_replacement_charges")
        ),
    )


def downgrade() -> None:
    op.drop_table("meter_replacement_charges")
    with op.batch_alter_table("meter_replacements", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("fk_meter_replacements_cash_movement_id_cash_movements"), type_="foreignkey"
        )
        batch_op.drop_column("cash_movement_id")
        batch_op.drop_column("change_given")
        batch_op.drop_column("paid")
