"""module life: the store's identity (a UUID made with the store) and every module credit
update applied through StarPOS (docs/store.md "Which store this is", docs/vending.md
"Reconcile over the module's life")

Revision ID: 0009
Revises: 0014 (main's head when it was rebased; written after 0007)
Create Date: 2026-12-02 08:40:00.000000
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0009'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table('store_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_store_identity_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_store_identity'))
    )
    # Every store has its identity from the moment its schema exists: a new one, or one
    # made by an earlier release upgraded here.
    op.bulk_insert(
        identity, [{'id': 1, 'store_id': str(uuid.uuid4()), 'created_at': datetime.now(UTC)}]
    )
    op.create_table('module_credit_updates',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('module_id', sa.String(length=40), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=False),
    sa.Column('state', sa.Enum('pending', 'applied', 'failed', 'adopted', name='credit_update_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('operation', sa.String(length=12), nullable=False),
    sa.Column('amount_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('balance_before_kwh', starpos.db.column_types.Energy(), nullable=True),
    sa.Column('balance_after_kwh', starpos.db.column_types.Energy(), nullable=True),
    sa.Column('block_digest', sa.String(length=16), nullable=False),
    sa.Column('operator_code', sa.String(length=20), nullable=True),
    sa.Column('created_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('settled_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('failure_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('sequence >= 1', name=op.f('ck_module_credit_updates_sequence')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_module_credit_updates'))
    )
    op.create_index('uq_module_credit_updates_module_sequence', 'module_credit_updates', ['module_id', 'sequence'], unique=True)
    op.create_table('module_bindings',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('module_id', sa.String(length=40), nullable=False),
    sa.Column('binding_number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('previous_store_id', sa.String(length=64), nullable=False),
    sa.Column('sequence_at_bind', sa.BigInteger(), nullable=False),
    sa.Column('accepted_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('accepted_credit_tokens', sa.Integer(), nullable=False),
    sa.Column('accepted_management_tokens', sa.Integer(), nullable=False),
    sa.Column('accepted_key_change_sets', sa.Integer(), nullable=False),
    sa.Column('operator_code', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('bound_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_module_bindings'))
    )
    op.create_index('uq_module_bindings_module_number', 'module_bindings', ['module_id', 'binding_number'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_module_bindings_module_number', table_name='module_bindings')
    op.drop_table('module_bindings')
    op.drop_index('uq_module_credit_updates_module_sequence', table_name='module_credit_updates')
    op.drop_table('module_credit_updates')
    op.drop_table('store_identity')
