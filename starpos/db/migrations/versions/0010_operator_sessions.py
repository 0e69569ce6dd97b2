"""operator sessions: ``starpos login`` sessions, the token's SHA-256 only
(docs/security.md)

Revision ID: 0010
Revises: 0013 (main's head when it was rebased; written after 0007)
Create Date: 2026-12-02 08:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0010'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('operator_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('sales_point_code', sa.String(length=20), nullable=True),
    sa.Column('terminal_code', sa.String(length=20), nullable=True),
    sa.Column('started_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('expires_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('ended_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_operator_sessions_operator_id_operators')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operator_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_operator_sessions_token_hash'))
    )
    with op.batch_alter_table('operator_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operator_sessions_operator_id'), ['operator_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('operator_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operator_sessions_operator_id'))
    op.drop_table('operator_sessions')
