"""card register downlink: a meter's SUN cards come down with the meter, so the change
feed captures the cards table as a part of meters (docs/sync.md; decision SYN-38)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03 15:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# As migration 0007 spells a part: the root it belongs to, the root's key, the root column
# the owner column points at, the owner column, and no table between.
ARGUMENTS = ("meters", "number", "id", "meter_id", "", "")
TRIGGERS = ("sync_capture_insert", "sync_capture_update", "sync_capture_delete")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # the feed exists at the head office only
    call = "EXECUTE FUNCTION sync_capture_part({})".format(
        ", ".join(f"'{argument}'" for argument in ARGUMENTS)
    )
    op.execute(
        "CREATE TRIGGER sync_capture_insert AFTER INSERT ON cards"
        f" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        "CREATE TRIGGER sync_capture_update AFTER UPDATE ON cards"
        f" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        "CREATE TRIGGER sync_capture_delete AFTER DELETE ON cards"
        f" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT {call}"
    )
    # Cards issued before this migration reach counters with their meter's next change, or
    # at once with the meter touched here.
    op.execute(
        "INSERT INTO sync_changes (xid, table_name, row_key, op, changed_at)"
        " SELECT DISTINCT pg_current_xact_id()::text::bigint, 'meters', m.number, 'U', now()"
        " FROM cards AS c JOIN meters AS m ON m.id = c.meter_id"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger} ON cards")
