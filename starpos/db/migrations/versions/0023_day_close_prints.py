"""day close prints: how many times a day close was printed, so its first paper is the
original and every later one says DUPLICATE, as a Z's (decision SHF-21)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03 15:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A day closed before was printed at its close (the window printed it at once): its
    # next print is a copy, so the count starts at 1 for those rows.
    with op.batch_alter_table("day_closes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("print_count", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_check_constraint(
            op.f("ck_day_closes_print_count"), sa.text("print_count >= 0")
        )
    op.execute("UPDATE day_closes SET print_count = 1 WHERE terminal_id IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("day_closes", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_day_closes_print_count"), type_="check")
        batch_op.drop_column("print_count")
