"""credit blocks from the head office: the signed credit update blocks it issued for one
module each, sent down to that module's terminal only (docs/sync.md, SYN-26)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 15:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_credit_blocks",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("module_id", sa.String(length=40), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("operation", sa.String(length=12), nullable=False),
        sa.Column("amount_kwh", starpos.db.column_types.Energy(), nullable=False),
        sa.Column("block", sa.LargeBinary(), nullable=False),
        sa.Column("block_digest", sa.String(length=16), nullable=False),
        sa.Column("operator_code", sa.String(length=20), nullable=False),
        sa.Column("issued_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("settled_at", starpos.db.column_types.UtcDateTime(), nullable=True),
        sa.CheckConstraint("sequence >= 1", name=op.f("ck_sync_credit_blocks_sequence")),
        sa.ForeignKeyConstraint(
            ["terminal_id"],
            ["terminals.id"],
            name=op.f("fk_sync_credit_blocks_terminal_id_terminals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_credit_blocks")),
        sa.UniqueConstraint("block_digest", name=op.f("uq_sync_credit_blocks_block_digest")),
    )
    op.create_index(
        "uq_sync_credit_blocks_module_sequence",
        "sync_credit_blocks",
        ["module_id", "sequence"],
        unique=True,
    )
    op.create_index(
        "ix_sync_credit_blocks_terminal_state", "sync_credit_blocks", ["terminal_id", "state"]
    )


def downgrade() -> None:
    op.drop_index("ix_sync_credit_blocks_terminal_state", table_name="sync_credit_blocks")
    op.drop_index("uq_sync_credit_blocks_module_sequence", table_name="sync_credit_blocks")
    op.drop_table("sync_credit_blocks")
