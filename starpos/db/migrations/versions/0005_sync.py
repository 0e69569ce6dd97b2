"""sync: event ids on the audit log, enrolments, received events, nonces, findings, the
counter's sync state (docs/sync.md)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 04:52:14.366499
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=300), nullable=False),
    sa.Column('key_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_code', sa.String(length=20), nullable=False),
    sa.Column('sales_point_code', sa.String(length=20), nullable=False),
    sa.Column('enrolled_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('acknowledged_seq', sa.BigInteger(), nullable=False),
    sa.Column('acknowledged_hash', sa.String(length=64), nullable=False),
    sa.Column('last_push_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.CheckConstraint('id = 1', name=op.f('ck_sync_state_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_enrolments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('revoked_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('revoked_reason', sa.Text(), nullable=True),
    sa.Column('applied_seq', sa.BigInteger(), nullable=False),
    sa.Column('applied_hash', sa.String(length=64), nullable=False),
    sa.Column('last_seen_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_sync_enrolments_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_enrolments')),
    sa.UniqueConstraint('public_key', name=op.f('uq_sync_enrolments_public_key'))
    )
    with op.batch_alter_table('sync_enrolments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_enrolments_terminal_id'), ['terminal_id'], unique=False)

    op.create_table('sync_enrolment_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('created_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('expires_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('used_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('enrolment_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['enrolment_id'], ['sync_enrolments.id'], name=op.f('fk_sync_enrolment_codes_enrolment_id_sync_enrolments')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_sync_enrolment_codes_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_enrolment_codes')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_sync_enrolment_codes_code_hash'))
    )
    op.create_table('sync_events',
    sa.Column('enrolment_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('operator_code', sa.String(length=20), nullable=True),
    sa.Column('sales_point_code', sa.String(length=20), nullable=True),
    sa.Column('terminal_code', sa.String(length=20), nullable=True),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('previous_hash', sa.String(length=64), nullable=False),
    sa.Column('entry_hash', sa.String(length=64), nullable=False),
    sa.Column('received_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['sync_enrolments.id'], name=op.f('fk_sync_events_enrolment_id_sync_enrolments')),
    sa.PrimaryKeyConstraint('enrolment_id', 'seq', name=op.f('pk_sync_events')),
    sa.UniqueConstraint('event_id', name=op.f('uq_sync_events_event_id'))
    )
    with op.batch_alter_table('sync_events', schema=None) as batch_op:
        batch_op.create_index('ix_sync_events_kind_subject', ['kind', 'subject'], unique=False)

    op.create_table('sync_findings',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('raised_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('enrolment_id', sa.String(length=36), nullable=True),
    sa.Column('terminal_code', sa.String(length=20), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('resolved_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['enrolment_id'], ['sync_enrolments.id'], name=op.f('fk_sync_findings_enrolment_id_sync_enrolments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_findings'))
    )
    with op.batch_alter_table('sync_findings', schema=None) as batch_op:
        batch_op.create_index('ix_sync_findings_open', ['resolved_at', 'raised_at'], unique=False)

    op.create_table('sync_nonces',
    sa.Column('enrolment_id', sa.String(length=36), nullable=False),
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('seen_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['enrolment_id'], ['sync_enrolments.id'], name=op.f('fk_sync_nonces_enrolment_id_sync_enrolments')),
    sa.PrimaryKeyConstraint('enrolment_id', 'nonce', name=op.f('pk_sync_nonces'))
    )
    with op.batch_alter_table('sync_nonces', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_nonces_seen_at'), ['seen_at'], unique=False)

    # Not in batch mode: SQLite adds a column and an index in place, while a copied table
    # would lose the append-only triggers. Entries written before have no event id (and
    # none is added: the rows are append-only and their hashes do not cover one).
    op.add_column('audit_log', sa.Column('event_id', sa.String(length=36), nullable=True))
    op.create_index('uq_audit_log_event_id', 'audit_log', ['event_id'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_audit_log_event_id', table_name='audit_log')
    op.drop_column('audit_log', 'event_id')

    with op.batch_alter_table('sync_nonces', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_nonces_seen_at'))

    op.drop_table('sync_nonces')
    with op.batch_alter_table('sync_findings', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_findings_open')

    op.drop_table('sync_findings')
    with op.batch_alter_table('sync_events', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_events_kind_subject')

    op.drop_table('sync_events')
    op.drop_table('sync_enrolment_codes')
    with op.batch_alter_table('sync_enrolments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_enrolments_terminal_id'))

    op.drop_table('sync_enrolments')
    op.drop_table('sync_state')
