"""charge payment methods: how a replacement's or a registration's charges were paid (the
payment term, bank and cheque number, as a sale keeps them) and the shift they were taken in
(manual 4.6, 3.3 d; decision TOK-25). A bill made before has no term: it was paid in cash.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-03 15:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TABLES = ("meter_replacements", "registration_bills")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("payment_term_id", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("bank_id", sa.Integer(), nullable=True))
            batch_op.add_column(
                sa.Column("cheque_number", sa.String(length=40), nullable=False, server_default="")
            )
            batch_op.add_column(sa.Column("shift_id", _BIG, nullable=True))
            batch_op.create_foreign_key(
                op.f(f"fk_{table}_payment_term_id_payment_terms"),
                "payment_terms",
                ["payment_term_id"],
                ["id"],
            )
            batch_op.create_foreign_key(
                op.f(f"fk_{table}_bank_id_banks"), "banks", ["bank_id"], ["id"]
            )
            batch_op.create_foreign_key(
                op.f(f"fk_{table}_shift_id_shifts"), "shifts", ["shift_id"], ["id"]
            )
            batch_op.create_index(op.f(f"ix_{table}_shift_id"), ["shift_id"], unique=False)


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(op.f(f"ix_{table}_shift_id"))
            batch_op.drop_constraint(op.f(f"fk_{table}_shift_id_shifts"), type_="foreignkey")
            batch_op.drop_constraint(op.f(f"fk_{table}_bank_id_banks"), type_="foreignkey")
            batch_op.drop_constraint(
                op.f(f"fk_{table}_payment_term_id_payment_terms"), type_="foreignkey"
            )
            batch_op.drop_column("shift_id")
            batch_op.drop_column("cheque_number")
            batch_op.drop_column("bank_id")
            batch_op.drop_column("payment_term_id")
