"""vend rows keep what recovery needs to recognise the module's answer

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 02:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vends", schema=None) as batch_op:
        batch_op.add_column(sa.Column("module_key_ref", sa.String(length=31), nullable=True))
        batch_op.add_column(
            sa.Column("module_request_digest", sa.String(length=8), nullable=True)
        )
        batch_op.add_column(sa.Column("module_sequence", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "module_balance_before", starpos.db.column_types.Energy(), nullable=True
            )
        )
        batch_op.create_index(
            "ix_vends_module_created", ["module_id", "created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("vends", schema=None) as batch_op:
        batch_op.drop_index("ix_vends_module_created")
        batch_op.drop_column("module_balance_before")
        batch_op.drop_column("module_sequence")
        batch_op.drop_column("module_request_digest")
        batch_op.drop_column("module_key_ref")
