"""token replacements due: a sale whose token collided with another counter's TID, kept by
the head office and sent down with its meter; the replacement token's kind (docs/sync.md,
"TID collision"; decision SYN-51)

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-04 03:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

_KINDS = (
    "set_power_limit", "clear_credit", "set_tariff_rate", "clear_tamper",
    "set_unbalance_limit", "set_water_factor", "free_credit", "key_change", "test",
    "token_cancel", "remainder_credit",
)  # fmt: skip
# As migration 0007 spells a part (0024 for cards): the root, its key, the root column the
# owner column points at, the owner column, and no table between.
ARGUMENTS = ("meters", "number", "id", "meter_id", "", "")
TRIGGERS = ("sync_capture_insert", "sync_capture_update", "sync_capture_delete")


def _kind(*kinds: str) -> sa.Enum:
    return sa.Enum(
        *kinds, name="token_operation_kind", native_enum=False, create_constraint=True, length=24
    )


def upgrade() -> None:
    with op.batch_alter_table("token_operations", schema=None) as batch_op:
        batch_op.alter_column(
            "kind", existing_type=_kind(*_KINDS), type_=_kind(*_KINDS, "tid_replacement"),
            existing_nullable=False,
        )  # fmt: skip
    op.create_table(
        "token_replacements_due",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("bill_number", sa.String(length=20), nullable=False),
        sa.Column("other_bill", sa.String(length=20), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("tid", sa.Integer(), nullable=False),
        sa.Column("energy_kwh", starpos.db.column_types.Energy(), nullable=False),
        sa.Column("amount", starpos.db.column_types.Money(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "open",
                "replaced",
                name="token_replacement_state",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("replacement", sa.String(length=36), nullable=True),
        sa.Column("created_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.Column("replaced_at", starpos.db.column_types.UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meter_id"], ["meters.id"], name=op.f("fk_token_replacements_due_meter_id_meters")
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"],
            ["terminals.id"],
            name=op.f("fk_token_replacements_due_terminal_id_terminals"),
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_token_replacements_due")),
        sa.UniqueConstraint("meter_id", "bill_number", name="uq_token_replacements_due_bill"),
    )
    op.create_index(
        "ix_token_replacements_due_state", "token_replacements_due", ["state"], unique=False
    )
    if op.get_bind().dialect.name != "postgresql":
        return  # the feed exists at the head office only
    call = "EXECUTE FUNCTION sync_capture_part({})".format(
        ", ".join(f"'{argument}'" for argument in ARGUMENTS)
    )
    op.execute(
        "CREATE TRIGGER sync_capture_insert AFTER INSERT ON token_replacements_due"
        f" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        "CREATE TRIGGER sync_capture_update AFTER UPDATE ON token_replacements_due"
        f" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
    )
    op.execute(
        "CREATE TRIGGER sync_capture_delete AFTER DELETE ON token_replacements_due"
        f" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT {call}"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger in TRIGGERS:
            op.execute(f"DROP TRIGGER {trigger} ON token_replacements_due")
    op.drop_index("ix_token_replacements_due_state", table_name="token_replacements_due")
    op.drop_table("token_replacements_due")
    with op.batch_alter_table("token_operations", schema=None) as batch_op:
        batch_op.alter_column(
            "kind", existing_type=_kind(*_KINDS, "tid_replacement"), type_=_kind(*_KINDS),
            existing_nullable=False,
        )  # fmt: skip
