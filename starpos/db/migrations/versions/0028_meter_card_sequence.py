"""meter card sequence: the highest card credit sequence the head office booked as issued
for a meter, sent down with it so a counter refuses a restored copy of a card another
counter sold past (docs/sync.md; decision SYN-45)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-03 19:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("card_sequence", sa.BigInteger(), server_default="0", nullable=False)
        )
    # The card sales booked before it: at the head office every counter's, at a counter its
    # own (which its check reads from card_vends anyway; the next pull brings the office's).
    # At the head office the meters' capture triggers send the meters touched here down.
    op.execute(
        "UPDATE meters SET card_sequence = ("
        " SELECT max(cv.sequence) FROM card_vends AS cv JOIN vends AS v ON v.id = cv.vend_id"
        " WHERE cv.meter_id = meters.id AND v.state IN ('issued', 'printed'))"
        " WHERE EXISTS (SELECT 1 FROM card_vends AS cv JOIN vends AS v ON v.id = cv.vend_id"
        " WHERE cv.meter_id = meters.id AND v.state IN ('issued', 'printed'))"
    )


def downgrade() -> None:
    # Not a batch copy of `meters` on SQLite: the copy would drop the table's triggers (change
    # capture, SYN-38) and fail on the rows other tables point at. SQLite drops a plain column
    # in place since 3.35.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE meters DROP COLUMN card_sequence")
    else:
        op.drop_column("meters", "card_sequence")
