"""head office shifts: shifts, Zs and day closes of every terminal side by side at the head
office (docs/shifts.md, "At the head office"): the terminal whose store made a Z or a day
close, and the one-open-shift and one-number-per-till rules per terminal there

On a counter nothing changes: its Zs and day closes name no terminal and keep the rules
they had; a till names its terminal, so its shifts keep theirs too.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 19:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

OPEN = "state <> 'closed'"
NONE = "terminal_id IS NULL"
SOME = "terminal_id IS NOT NULL"


def _where(clause: str) -> dict[str, sa.TextClause]:
    return {"sqlite_where": sa.text(clause), "postgresql_where": sa.text(clause)}


def upgrade() -> None:
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index("uq_shifts_unclosed", **_where(OPEN))
        batch_op.create_index(
            "uq_shifts_unclosed", ["operator_id", "till"], unique=True,
            **_where(f"{OPEN} AND {NONE}"),
        )  # fmt: skip
        batch_op.create_index(
            "uq_shifts_unclosed_terminal", ["operator_id", "till", "terminal_id"], unique=True,
            **_where(f"{OPEN} AND {SOME}"),
        )  # fmt: skip
    with op.batch_alter_table("z_reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terminal_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_z_reports_terminal_id_terminals"), "terminals", ["terminal_id"], ["id"]
        )
        batch_op.drop_index("uq_z_reports_till_number")
        batch_op.create_index(
            "uq_z_reports_till_number", ["till", "number"], unique=True, **_where(NONE)
        )
        batch_op.create_index(
            "uq_z_reports_terminal_till_number", ["terminal_id", "till", "number"], unique=True,
            **_where(SOME),
        )  # fmt: skip
    with op.batch_alter_table("day_closes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terminal_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_day_closes_terminal_id_terminals"), "terminals", ["terminal_id"], ["id"]
        )
        batch_op.drop_index("uq_day_closes_point_day")
        batch_op.create_index(
            "uq_day_closes_point_day", ["sales_point_id", "business_date"], unique=True,
            **_where(NONE),
        )  # fmt: skip
        batch_op.create_index(
            "uq_day_closes_terminal_point_day",
            ["terminal_id", "sales_point_id", "business_date"], unique=True, **_where(SOME),
        )  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("day_closes", schema=None) as batch_op:
        batch_op.drop_index("uq_day_closes_terminal_point_day", **_where(SOME))
        batch_op.drop_index("uq_day_closes_point_day", **_where(NONE))
        batch_op.create_index(
            "uq_day_closes_point_day", ["sales_point_id", "business_date"], unique=True
        )
        batch_op.drop_constraint(
            batch_op.f("fk_day_closes_terminal_id_terminals"), type_="foreignkey"
        )
        batch_op.drop_column("terminal_id")
    with op.batch_alter_table("z_reports", schema=None) as batch_op:
        batch_op.drop_index("uq_z_reports_terminal_till_number", **_where(SOME))
        batch_op.drop_index("uq_z_reports_till_number", **_where(NONE))
        batch_op.create_index("uq_z_reports_till_number", ["till", "number"], unique=True)
        batch_op.drop_constraint(batch_op.f("fk_z_reports_terminal_id_terminals"), type_="foreignkey")
        batch_op.drop_column("terminal_id")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index("uq_shifts_unclosed_terminal", **_where(f"{OPEN} AND {SOME}"))
        batch_op.drop_index("uq_shifts_unclosed", **_where(f"{OPEN} AND {NONE}"))
        batch_op.create_index(
            "uq_shifts_unclosed", ["operator_id", "till"], unique=True, **_where(OPEN)
        )
