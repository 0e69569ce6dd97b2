"""key change flag downlink: a meter's key change flags come down with the meter, named
within it by their request id, so the change feed captures key_change_flags as a part of
meters (docs/sync.md; decision SYN-55)

Revision ID: 0032
Revises: 0029
Create Date: 2026-12-04 04:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

# As migration 0007 spells a part: the root it belongs to, the root's key, the root column
# the owner column points at, the owner column, and no table between.
ARGUMENTS = ("meters", "number", "id", "meter_id", "", "")
TRIGGERS = ("sync_capture_insert", "sync_capture_update", "sync_capture_delete")
#: The counter updates the flags it has in place by (meter, request id): the downlink's
#: upsert needs a unique index on exactly those columns.
INDEX = "uq_key_change_flags_meter_request"


def upgrade() -> None:
    op.create_index(INDEX, "key_change_flags", ["meter_id", "request_id"], unique=True)
    if op.get_bind().dialect.name != "postgresql":
        return  # the feed exists at the head office only
    call = "EXECUTE FUNCTION sync_capture_part({})".format(
        ", ".join(f"'{argument}'" for argument in ARGUMENTS)
    )
    op.execute(
        "CREATE TRIGGER sync_capture_insert AFTER INSERT ON key_change_flags"
        f" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        "CREATE TRIGGER sync_capture_update AFTER UPDATE ON key_change_flags"
        f" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        "CREATE TRIGGER sync_capture_delete AFTER DELETE ON key_change_flags"
        f" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT {call}"
    )
    # Flags set before this migration reach counters with their meter's next change, or at
    # once with the meter touched here.
    op.execute(
        "INSERT INTO sync_changes (xid, table_name, row_key, op, changed_at)"
        " SELECT DISTINCT pg_current_xact_id()::text::bigint, 'meters', m.number, 'U', now()"
        " FROM key_change_flags AS f JOIN meters AS m ON m.id = f.meter_id"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER {trigger} ON key_change_flags")
    op.drop_index(INDEX, table_name="key_change_flags")
