"""shifts: shifts, cash movements, blind counts, Z reports, day closes; the vend's shift;
the shift parameters; the vendor float limits (docs/shifts.md)

A store upgraded from before shifts keeps selling as it did (shift_required false) until an
administrator turns the rule on; a new store starts with it on (decision SHF-1).

Revision ID: 0011
Revises: 0009 (chained after main's head at the rebase; written after 0007)
Create Date: 2026-12-02 08:31:24.040590
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0011'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('day_closes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('sales_point_id', sa.Integer(), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('closed_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_day_closes_operator_id_operators')),
    sa.ForeignKeyConstraint(['sales_point_id'], ['sales_points.id'], name=op.f('fk_day_closes_sales_point_id_sales_points')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_day_closes')),
    sa.UniqueConstraint('request_id', name=op.f('uq_day_closes_request_id'))
    )
    with op.batch_alter_table('day_closes', schema=None) as batch_op:
        batch_op.create_index('uq_day_closes_point_day', ['sales_point_id', 'business_date'], unique=True)

    op.create_table('shifts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('till', sa.String(length=21), nullable=False),
    sa.Column('terminal_id', sa.Integer(), nullable=True),
    sa.Column('sales_point_id', sa.Integer(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('open', 'ended', 'closed', name='shift_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('opening_float', starpos.db.column_types.Money(), nullable=False),
    sa.Column('opening_count', sa.Text(), nullable=False),
    sa.Column('opened_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('ended_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('closed_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('variance', starpos.db.column_types.Money(), nullable=True),
    sa.Column('variance_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_id'], ['operators.id'], name=op.f('fk_shifts_closed_by_id_operators')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_shifts_operator_id_operators')),
    sa.ForeignKeyConstraint(['sales_point_id'], ['sales_points.id'], name=op.f('fk_shifts_sales_point_id_sales_points')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_shifts_terminal_id_terminals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts')),
    sa.UniqueConstraint('request_id', name=op.f('uq_shifts_request_id'))
    )
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.create_index('ix_shifts_sales_point_opened', ['sales_point_id', 'opened_at'], unique=False)
        batch_op.create_index('ix_shifts_state', ['state'], unique=False)
        batch_op.create_index('uq_shifts_unclosed', ['operator_id', 'till'], unique=True, sqlite_where=sa.text("state <> 'closed'"), postgresql_where=sa.text("state <> 'closed'"))

    op.create_table('cash_movements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.Enum('drop', 'pickup', 'paid_in', 'paid_out', 'drawer_open', name='cash_movement_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('amount', starpos.db.column_types.Money(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('created_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_cash_movements_amount')),
    sa.ForeignKeyConstraint(['operator_id'], ['operators.id'], name=op.f('fk_cash_movements_operator_id_operators')),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_cash_movements_shift_id_shifts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_movements')),
    sa.UniqueConstraint('request_id', name=op.f('uq_cash_movements_request_id'))
    )
    with op.batch_alter_table('cash_movements', schema=None) as batch_op:
        batch_op.create_index('ix_cash_movements_shift', ['shift_id'], unique=False)

    op.create_table('shift_counts',
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('payment', sa.String(length=20), nullable=False),
    sa.Column('counted', starpos.db.column_types.Money(), nullable=False),
    sa.Column('denominations', sa.Text(), nullable=False),
    sa.Column('expected', starpos.db.column_types.Money(), nullable=True),
    sa.Column('variance', starpos.db.column_types.Money(), nullable=True),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_shift_counts_shift_id_shifts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('shift_id', 'payment', name=op.f('pk_shift_counts'))
    )
    op.create_table('z_reports',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=False),
    sa.Column('till', sa.String(length=21), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('close', 'correction', name='z_kind', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('corrects_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('made_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('made_by', sa.String(length=20), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('grand_net', starpos.db.column_types.Money(), nullable=False),
    sa.Column('grand_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('grand_sales', sa.BigInteger(), nullable=False),
    sa.Column('audit_head_id', sa.BigInteger(), nullable=False),
    sa.Column('audit_head_hash', sa.String(length=64), nullable=False),
    sa.Column('previous_hash', sa.String(length=64), nullable=False),
    sa.Column('z_hash', sa.String(length=64), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.CheckConstraint('number >= 1', name=op.f('ck_z_reports_number')),
    sa.CheckConstraint('print_count >= 0', name=op.f('ck_z_reports_print_count')),
    sa.ForeignKeyConstraint(['corrects_id'], ['z_reports.id'], name=op.f('fk_z_reports_corrects_id_z_reports')),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_z_reports_shift_id_shifts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_z_reports')),
    sa.UniqueConstraint('request_id', name=op.f('uq_z_reports_request_id')),
    sa.UniqueConstraint('shift_id', name=op.f('uq_z_reports_shift_id'))
    )
    with op.batch_alter_table('z_reports', schema=None) as batch_op:
        batch_op.create_index('uq_z_reports_till_number', ['till', 'number'], unique=True)

    with op.batch_alter_table('operators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('float_limit', starpos.db.column_types.Money(), nullable=True))

    with op.batch_alter_table('sales_points', schema=None) as batch_op:
        batch_op.add_column(sa.Column('float_limit', starpos.db.column_types.Money(), nullable=True))

    with op.batch_alter_table('system_parameters', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shift_required', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('shift_variance_threshold', starpos.db.column_types.Money(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('shift_self_close', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('cash_denominations', sa.String(length=200), nullable=False, server_default=''))

    with op.batch_alter_table('vends', schema=None) as batch_op:
        batch_op.add_column(sa.Column('shift_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_index('ix_vends_shift', ['shift_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_vends_shift_id_shifts'), 'shifts', ['shift_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('vends', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_vends_shift_id_shifts'), type_='foreignkey')
        batch_op.drop_index('ix_vends_shift')
        batch_op.drop_column('shift_id')

    with op.batch_alter_table('system_parameters', schema=None) as batch_op:
        batch_op.drop_column('cash_denominations')
        batch_op.drop_column('shift_self_close')
        batch_op.drop_column('shift_variance_threshold')
        batch_op.drop_column('shift_required')

    with op.batch_alter_table('sales_points', schema=None) as batch_op:
        batch_op.drop_column('float_limit')

    with op.batch_alter_table('operators', schema=None) as batch_op:
        batch_op.drop_column('float_limit')

    with op.batch_alter_table('z_reports', schema=None) as batch_op:
        batch_op.drop_index('uq_z_reports_till_number')

    op.drop_table('z_reports')
    op.drop_table('shift_counts')
    with op.batch_alter_table('cash_movements', schema=None) as batch_op:
        batch_op.drop_index('ix_cash_movements_shift')

    op.drop_table('cash_movements')
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.drop_index('uq_shifts_unclosed', sqlite_where=sa.text("state <> 'closed'"), postgresql_where=sa.text("state <> 'closed'"))
        batch_op.drop_index('ix_shifts_state')
        batch_op.drop_index('ix_shifts_sales_point_opened')

    op.drop_table('shifts')
    with op.batch_alter_table('day_closes', schema=None) as batch_op:
        batch_op.drop_index('uq_day_closes_point_day')

    op.drop_table('day_closes')
