"""dated terms: a charge item's priced terms and a customer type's VAT rate in dated
versions, each existing record's values its first version (in force from the beginning);
a sale's charge lines and VAT, and a bill's charge lines, record the version that priced
them (issue 12; decisions BO-23, BO-24)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 15:00:00.000000
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

#: ``starpos.db.models.dated_terms.BEGINNING``, spelt out so this migration stays as it is.
BEGINNING = datetime(1970, 1, 1)
#: The new tables are parts of their owners in the downlink (0007's change capture).
PARTS = (
    ("charge_item_versions", "charge_items", "charge_item_id"),
    ("customer_type_vat_versions", "customer_types", "customer_type_id"),
)
#: (table, column, referenced table): the version a priced line or sale records.
_LINKS = (
    ("vends", "vat_version_id", "customer_type_vat_versions"),
    ("vend_charges", "charge_version_id", "charge_item_versions"),
    ("registration_bill_charges", "charge_version_id", "charge_item_versions"),
    ("registration_bill_charges", "vat_version_id", "customer_type_vat_versions"),
    ("meter_replacement_charges", "charge_version_id", "charge_item_versions"),
    ("meter_replacement_charges", "vat_version_id", "customer_type_vat_versions"),
)


def upgrade() -> None:
    op.create_table(
        "charge_item_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("charge_item_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.DateTime(), nullable=False),
        sa.Column(
            "method",
            sa.Enum("by_times", "by_amount", "monthly", "yearly", name="charge_method",
                    native_enum=False, create_constraint=True, length=24),
            nullable=False,
        ),
        sa.Column("amount", starpos.db.column_types.Money(), nullable=True),
        sa.Column("percentage", starpos.db.column_types.Percent(), nullable=True),
        sa.Column("vat_applies", sa.Boolean(), nullable=False),
        sa.Column("created_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.CheckConstraint(
            "(method = 'by_amount' AND percentage IS NOT NULL)"
            " OR (method <> 'by_amount' AND amount IS NOT NULL)",
            name=op.f("ck_charge_item_versions_amount_or_percentage"),
        ),
        sa.ForeignKeyConstraint(
            ["charge_item_id"], ["charge_items.id"],
            name=op.f("fk_charge_item_versions_charge_item_id_charge_items"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charge_item_versions")),
        sa.UniqueConstraint(
            "charge_item_id", "effective_from",
            name=op.f("uq_charge_item_versions_charge_item_id"),
        ),
    )  # fmt: skip
    op.create_index(
        op.f("ix_charge_item_versions_charge_item_id"), "charge_item_versions", ["charge_item_id"]
    )
    op.create_table(
        "customer_type_vat_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_type_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.DateTime(), nullable=False),
        sa.Column("vat_rate", starpos.db.column_types.Percent(), nullable=False),
        sa.Column("created_at", starpos.db.column_types.UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_type_id"], ["customer_types.id"],
            name=op.f("fk_customer_type_vat_versions_customer_type_id_customer_types"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_type_vat_versions")),
        sa.UniqueConstraint(
            "customer_type_id", "effective_from",
            name=op.f("uq_customer_type_vat_versions_customer_type_id"),
        ),
    )  # fmt: skip
    op.create_index(
        op.f("ix_customer_type_vat_versions_customer_type_id"),
        "customer_type_vat_versions",
        ["customer_type_id"],
    )
    for table, column, target in _LINKS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                op.f(f"fk_{table}_{column}_{target}"), target, [column], ["id"]
            )
    # Every record's values as they are become its first version: they priced every sale
    # so far, and keep pricing until a dated change. Copied in SQL (stored values as they
    # are, scaled integers on SQLite and NUMERIC on PostgreSQL alike).
    bind = op.get_bind()
    typed = (
        sa.bindparam("beginning", BEGINNING, type_=sa.DateTime()),
        sa.bindparam(
            "created", starpos.db.column_types.utc_now(),
            type_=starpos.db.column_types.UtcDateTime(),
        ),
    )  # fmt: skip
    bind.execute(
        sa.text(
            "INSERT INTO charge_item_versions (charge_item_id, effective_from, method, amount,"
            " percentage, vat_applies, created_at) SELECT id, :beginning, method, amount,"
            " percentage, vat_applies, :created FROM charge_items"
        ).bindparams(*typed)
    )
    bind.execute(
        sa.text(
            "INSERT INTO customer_type_vat_versions (customer_type_id, effective_from,"
            " vat_rate, created_at) SELECT id, :beginning, vat_rate, :created FROM customer_types"
        ).bindparams(*typed)
    )
    if bind.dialect.name != "postgresql":
        return
    for table, root, owner_column in PARTS:
        arguments = ", ".join(f"'{a}'" for a in (root, "code", "id", owner_column, "", ""))
        call = f"EXECUTE FUNCTION sync_capture_part({arguments})"
        op.execute(
            f"CREATE TRIGGER sync_capture_insert AFTER INSERT ON {table}"
            f" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
        )
        op.execute(
            f"CREATE TRIGGER sync_capture_update AFTER UPDATE ON {table}"
            f" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT {call}"
        )
        op.execute(
            f"CREATE TRIGGER sync_capture_delete AFTER DELETE ON {table}"
            f" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT {call}"
        )


def downgrade() -> None:
    for table, column, target in reversed(_LINKS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"fk_{table}_{column}_{target}"), type_="foreignkey")
            batch_op.drop_column(column)
    # Dropping a table drops its triggers with it.
    op.drop_index(
        op.f("ix_customer_type_vat_versions_customer_type_id"), "customer_type_vat_versions"
    )
    op.drop_table("customer_type_vat_versions")
    op.drop_index(op.f("ix_charge_item_versions_charge_item_id"), "charge_item_versions")
    op.drop_table("charge_item_versions")
