"""credit owed to a meter: the excess of a debt repaid twice by two offline counters, kept
at the head office, sent down with the meter and returned by its next sale (docs/sync.md;
decision SYN-53)

Revision ID: 0031
Revises: 0032
Create Date: 2026-12-04 04:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

TABLE = "meter_credits_owed"
# As migration 0007 spells a part (0024 for cards): the root, its key, the root column the
# owner column points at, the owner column, and no table between.
ARGUMENTS = ("meters", "number", "id", "meter_id", "", "")
TRIGGERS = ("sync_capture_insert", "sync_capture_update", "sync_capture_delete")


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("overpaid_terminal", sa.String(length=20), nullable=False),
        sa.Column("overpaid_bill", sa.String(length=20), nullable=False),
        sa.Column("amount", starpos.db.column_types.Money(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "open",
                "settled",
                name="credit_owed_state",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("created_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.Column("settled_terminal", sa.String(length=20), nullable=True),
        sa.Column("settled_bill", sa.String(length=20), nullable=True),
        sa.Column("settled_at", starpos.db.column_types.UtcDateTime(), nullable=True),
        sa.CheckConstraint("amount > 0", name=op.f(f"ck_{TABLE}_amount")),
        sa.ForeignKeyConstraint(
            ["meter_id"], ["meters.id"], name=op.f(f"fk_{TABLE}_meter_id_meters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.UniqueConstraint(
            "meter_id",
            "overpaid_terminal",
            "overpaid_bill",
            name=op.f(f"uq_{TABLE}_meter_id"),
        ),  # fmt: skip
    )
    op.create_index(op.f(f"ix_{TABLE}_meter_id"), TABLE, ["meter_id"], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return  # the change feed exists at the head office only
    call = "EXECUTE FUNCTION sync_capture_part({})".format(
        ", ".join(f"'{argument}'" for argument in ARGUMENTS)
    )
    op.execute(
        f"CREATE TRIGGER sync_capture_insert AFTER INSERT ON {TABLE}"
        f" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        f"CREATE TRIGGER sync_capture_update AFTER UPDATE ON {TABLE}"
        f" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        f"CREATE TRIGGER sync_capture_delete AFTER DELETE ON {TABLE}"
        f" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT {call}"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER {trigger} ON {TABLE}")
    op.drop_index(op.f(f"ix_{TABLE}_meter_id"), table_name=TABLE)
    op.drop_table(TABLE)
