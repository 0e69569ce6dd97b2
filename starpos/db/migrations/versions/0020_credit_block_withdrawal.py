"""credit block withdrawal: a module's update sequence is unique among the blocks still
waiting only, so a block withdrawn at the head office can be issued again for the same
sequence (the module takes exactly its next one; decision SYN-35)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_WAITING = sa.text("state = 'issued'")


def upgrade() -> None:
    op.drop_index("uq_sync_credit_blocks_module_sequence", table_name="sync_credit_blocks")
    op.create_index(
        "uq_sync_credit_blocks_module_sequence",
        "sync_credit_blocks",
        ["module_id", "sequence"],
        unique=True,
        sqlite_where=_WAITING,
        postgresql_where=_WAITING,
    )


def downgrade() -> None:
    # Fails if a withdrawn block and a later one share a sequence: that history needs the
    # partial index.
    op.drop_index("uq_sync_credit_blocks_module_sequence", table_name="sync_credit_blocks")
    op.create_index(
        "uq_sync_credit_blocks_module_sequence",
        "sync_credit_blocks",
        ["module_id", "sequence"],
        unique=True,
    )
