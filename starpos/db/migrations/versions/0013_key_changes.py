"""key changes at the next purchase, token cancels, replace meter (issue 16, docs/key-changes.md,
docs/token-cancel.md)

Revision ID: 0013
Revises: 0009 (main's head when rebased: 0007 -> 0014 -> 0009)
Create Date: 2026-12-02 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0013'
down_revision = '0009'
branch_labels = None
depends_on = None

_OPEN = sa.text("state IN ('flagged', 'issued')")
_KINDS = ('set_power_limit', 'clear_credit', 'set_tariff_rate', 'clear_tamper',
          'set_unbalance_limit', 'set_water_factor', 'free_credit', 'key_change', 'test')


def _kind(*kinds: str) -> sa.Enum:
    return sa.Enum(*kinds, name='token_operation_kind', native_enum=False,
                   create_constraint=True, length=24)


def upgrade() -> None:
    op.create_table('key_change_flags',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('flagged', 'issued', 'delivered', 'unflagged', name='key_change_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('new_key_register', sa.String(length=8), nullable=False),
    sa.Column('new_sgc', sa.String(length=6), nullable=False),
    sa.Column('new_ti', sa.Integer(), nullable=False),
    sa.Column('new_krn', sa.Integer(), nullable=False),
    sa.Column('new_ken', sa.Integer(), nullable=False),
    sa.Column('new_key_type', sa.Integer(), nullable=False),
    sa.Column('new_base_date', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('tokens', sa.String(length=83), nullable=True),
    sa.Column('vend_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('flagged_by', sa.Integer(), nullable=False),
    sa.Column('flagged_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('issued_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('delivered_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('unflagged_by', sa.Integer(), nullable=True),
    sa.Column('unflagged_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_key_change_flags_meter_id_meters')),
    sa.ForeignKeyConstraint(['vend_id'], ['vends.id'], name=op.f('fk_key_change_flags_vend_id_vends')),
    sa.ForeignKeyConstraint(['flagged_by'], ['operators.id'], name=op.f('fk_key_change_flags_flagged_by_operators')),
    sa.ForeignKeyConstraint(['unflagged_by'], ['operators.id'], name=op.f('fk_key_change_flags_unflagged_by_operators')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_change_flags')),
    sa.UniqueConstraint('request_id', name=op.f('uq_key_change_flags_request_id'))
    )
    with op.batch_alter_table('key_change_flags', schema=None) as batch_op:
        batch_op.create_index('ix_key_change_flags_state', ['state'], unique=False)
        batch_op.create_index('ix_key_change_flags_vend', ['vend_id'], unique=False)
        batch_op.create_index('uq_key_change_flags_open_meter', ['meter_id'], unique=True,
                              sqlite_where=_OPEN, postgresql_where=_OPEN)

    # A token cancel's zero-energy token is a token operation of its own kind.
    with op.batch_alter_table('token_operations', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(*_KINDS),
                              type_=_kind(*_KINDS, 'token_cancel', 'remainder_credit'),
                              existing_nullable=False)
    op.create_table('token_cancels',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('bill_number', sa.String(length=20), nullable=False),
    sa.Column('state', sa.Enum('pending', 'done', 'failed', name='token_cancel_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('vend_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('operation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('amount', starpos.db.column_types.Money(), nullable=False),
    sa.Column('charge', starpos.db.column_types.Money(), nullable=False),
    sa.Column('refund', starpos.db.column_types.Money(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('sales_point_id', sa.Integer(), nullable=True),
    sa.Column('terminal_id', sa.Integer(), nullable=True),
    sa.Column('created_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('completed_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('failure_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['vend_id'], ['vends.id'], name=op.f('fk_token_cancels_vend_id_vends')),
    sa.ForeignKeyConstraint(['operation_id'], ['token_operations.id'], name=op.f('fk_token_cancels_operation_id_token_operations')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_token_cancels_operator_id_operators')),
    sa.ForeignKeyConstraint(['sales_point_id'], ['sales_points.id'], name=op.f('fk_token_cancels_sales_point_id_sales_points')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_token_cancels_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_token_cancels')),
    sa.UniqueConstraint('request_id', name=op.f('uq_token_cancels_request_id')),
    sa.UniqueConstraint('bill_number', name=op.f('uq_token_cancels_bill_number')),
    sa.UniqueConstraint('vend_id', name=op.f('uq_token_cancels_vend_id')),
    sa.UniqueConstraint('operation_id', name=op.f('uq_token_cancels_operation_id'))
    )
    with op.batch_alter_table('token_cancels', schema=None) as batch_op:
        batch_op.create_index('ix_token_cancels_state', ['state'], unique=False)
        batch_op.create_index('ix_token_cancels_completed', ['completed_at'], unique=False)

    # Replace meter (manual 4.6): the remainder, the reason's charges, the remainder token.
    with op.batch_alter_table('meter_replacements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('remainder_kwh', starpos.db.column_types.Energy(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('charges', starpos.db.column_types.Money(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('operation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_foreign_key(op.f('fk_meter_replacements_operation_id_token_operations'), 'token_operations', ['operation_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('meter_replacements', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_meter_replacements_operation_id_token_operations'), type_='foreignkey')
        batch_op.drop_column('operation_id')
        batch_op.drop_column('charges')
        batch_op.drop_column('remainder_kwh')
    with op.batch_alter_table('token_cancels', schema=None) as batch_op:
        batch_op.drop_index('ix_token_cancels_completed')
        batch_op.drop_index('ix_token_cancels_state')
    op.drop_table('token_cancels')
    with op.batch_alter_table('token_operations', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_kind(*_KINDS, 'token_cancel', 'remainder_credit'),
                              type_=_kind(*_KINDS), existing_nullable=False)
    with op.batch_alter_table('key_change_flags', schema=None) as batch_op:
        batch_op.drop_index('uq_key_change_flags_open_meter')
        batch_op.drop_index('ix_key_change_flags_vend')
        batch_op.drop_index('ix_key_change_flags_state')
    op.drop_table('key_change_flags')
