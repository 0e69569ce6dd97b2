"""key changes at the next purchase (issue 16, docs/key-changes.md)

Revision ID: 0013
Revises: 0007
Create Date: 2026-12-02 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0013'
down_revision = '0007'
branch_labels = None
depends_on = None

_OPEN = sa.text("state IN ('flagged', 'issued')")


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


def downgrade() -> None:
    with op.batch_alter_table('key_change_flags', schema=None) as batch_op:
        batch_op.drop_index('uq_key_change_flags_open_meter')
        batch_op.drop_index('ix_key_change_flags_vend')
        batch_op.drop_index('ix_key_change_flags_state')
    op.drop_table('key_change_flags')
