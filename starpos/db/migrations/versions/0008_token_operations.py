"""token operations: engineering, test and free tokens, one row per meter of a batch
(docs/token-operations.md)

Revision ID: 0008
Revises: 0005 (main's head when it was written; 0006 and 0007 were being written beside it,
and the merge chains it after them)
Create Date: 2026-12-02 06:00:30.760251
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0008'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('token_operations',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('set_power_limit', 'clear_credit', 'set_tariff_rate', 'clear_tamper', 'set_unbalance_limit', 'set_water_factor', 'free_credit', 'key_change', 'test', name='token_operation_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('state', sa.Enum('planned', 'pending', 'issued', 'failed', name='token_operation_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=True),
    sa.Column('value', sa.String(length=80), nullable=False),
    sa.Column('energy_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('tid', sa.Integer(), nullable=True),
    sa.Column('tokens', sa.String(length=83), nullable=True),
    sa.Column('module_id', sa.String(length=40), nullable=True),
    sa.Column('module_key_ref', sa.String(length=31), nullable=True),
    sa.Column('module_request_digest', sa.String(length=8), nullable=True),
    sa.Column('module_sequence', sa.BigInteger(), nullable=True),
    sa.Column('module_balance_before', starpos.db.column_types.Energy(), nullable=True),
    sa.Column('failure_reason', sa.Text(), nullable=True),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('created_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('issued_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('failed_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.CheckConstraint('position >= 1', name=op.f('ck_token_operations_position')),
    sa.CheckConstraint('print_count >= 0', name=op.f('ck_token_operations_print_count')),
    sa.CheckConstraint('tid IS NULL OR tid BETWEEN 0 AND 16777215', name=op.f('ck_token_operations_tid')),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_token_operations_meter_id_meters')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_token_operations_operator_id_operators')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_token_operations_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_token_operations')),
    sa.UniqueConstraint('request_id', name=op.f('uq_token_operations_request_id'))
    )
    with op.batch_alter_table('token_operations', schema=None) as batch_op:
        batch_op.create_index('ix_token_operations_created', ['created_at'], unique=False)
        batch_op.create_index('ix_token_operations_meter_created', ['meter_id', 'created_at'], unique=False)
        batch_op.create_index('ix_token_operations_state', ['state'], unique=False)
        batch_op.create_index('uq_token_operations_batch_position', ['batch_id', 'position'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('token_operations', schema=None) as batch_op:
        batch_op.drop_index('uq_token_operations_batch_position')
        batch_op.drop_index('ix_token_operations_state')
        batch_op.drop_index('ix_token_operations_meter_created')
        batch_op.drop_index('ix_token_operations_created')

    op.drop_table('token_operations')
