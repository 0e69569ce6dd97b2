"""card sales: issued cards, immutable card readings, card vends, the vends' medium

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 02:28:35.670869
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

#: Card readings are the meter's own account: once stored they are never changed or removed.
IMMUTABLE = ("card_readings", "card_tamper_events")


def _immutable_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in IMMUTABLE:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} rows are immutable'); END"
                )
    elif dialect == "postgresql":
        # Added with the first PostgreSQL run (docs/decisions.md, "Store"): no PostgreSQL
        # database at this revision existed before, and SQLite's branch above is unchanged.
        op.execute(
            "CREATE FUNCTION card_rows_immutable() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME; END $$"
        )
        for table in IMMUTABLE:
            op.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION card_rows_immutable()"
            )


def upgrade() -> None:
    op.create_table('cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=16), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=False),
    sa.Column('issue_number', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('active', 'replaced', 'lost', 'blanked', name='card_state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('sequence_base', sa.BigInteger(), nullable=False),
    sa.Column('issued_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('ended_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('replaces_card_id', sa.Integer(), nullable=True),
    sa.Column('carried_sequence', sa.BigInteger(), nullable=True),
    sa.Column('carried_kwh', starpos.db.column_types.Energy(), nullable=True),
    sa.Column('carried_bill', sa.String(length=24), nullable=True),
    sa.CheckConstraint('issue_number BETWEEN 1 AND 65535', name=op.f('ck_cards_issue_number')),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_cards_meter_id_meters')),
    sa.ForeignKeyConstraint(['replaces_card_id'], ['cards.id'], name=op.f('fk_cards_replaces_card_id_cards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cards')),
    sa.UniqueConstraint('meter_id', 'issue_number', name='meter_issue')
    )
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cards_serial'), ['serial'], unique=False)
        batch_op.create_index('uq_cards_active_meter', ['meter_id'], unique=True, sqlite_where=sa.text("state = 'active'"), postgresql_where=sa.text("state = 'active'"))
        batch_op.create_index('uq_cards_active_serial', ['serial'], unique=True, sqlite_where=sa.text("state = 'active'"), postgresql_where=sa.text("state = 'active'"))

    op.create_table('card_readings',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=True),
    sa.Column('card_serial', sa.String(length=16), nullable=False),
    sa.Column('read_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('sales_point_id', sa.Integer(), nullable=True),
    sa.Column('operator_code', sa.String(length=20), nullable=True),
    sa.Column('record_digest', sa.String(length=64), nullable=False),
    sa.Column('last_loaded_sequence', sa.BigInteger(), nullable=False),
    sa.Column('remaining_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('cumulative_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('month_0_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('month_1_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('month_2_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('month_3_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('month_4_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('month_5_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('relay_open', sa.Boolean(), nullable=False),
    sa.Column('relay_open_count', sa.Integer(), nullable=False),
    sa.Column('power_cut_count', sa.Integer(), nullable=False),
    sa.Column('last_power_cut', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.Column('tamper_count', sa.Integer(), nullable=False),
    sa.Column('overload_count', sa.Integer(), nullable=False),
    sa.Column('warning_level', sa.Integer(), nullable=False),
    sa.Column('overdraft_used_kwh', starpos.db.column_types.Energy(), nullable=False),
    sa.Column('meter_clock', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.Column('firmware', sa.String(length=8), nullable=False),
    sa.Column('new_tampers', sa.Integer(), nullable=False),
    sa.Column('new_overloads', sa.Integer(), nullable=False),
    sa.Column('rolled_back', sa.Boolean(), nullable=False),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.CheckConstraint('warning_level BETWEEN 0 AND 2', name=op.f('ck_card_readings_warning_level')),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], name=op.f('fk_card_readings_card_id_cards')),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_card_readings_meter_id_meters')),
    sa.ForeignKeyConstraint(['sales_point_id'], ['sales_points.id'], name=op.f('fk_card_readings_sales_point_id_sales_points')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_readings')),
    sa.UniqueConstraint('meter_id', 'record_digest', name='meter_record')
    )
    with op.batch_alter_table('card_readings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_readings_flagged'), ['flagged'], unique=False)
        batch_op.create_index('ix_card_readings_meter_read', ['meter_id', 'read_at'], unique=False)

    op.create_table('card_tamper_events',
    sa.Column('reading_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('position', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['reading_id'], ['card_readings.id'], name=op.f('fk_card_tamper_events_reading_id_card_readings')),
    sa.PrimaryKeyConstraint('reading_id', 'position', name=op.f('pk_card_tamper_events'))
    )
    op.create_table('card_vends',
    sa.Column('vend_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('meter_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=False),
    sa.Column('reading_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['card_id'], ['cards.id'], name=op.f('fk_card_vends_card_id_cards')),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_card_vends_meter_id_meters')),
    sa.ForeignKeyConstraint(['reading_id'], ['card_readings.id'], name=op.f('fk_card_vends_reading_id_card_readings')),
    sa.ForeignKeyConstraint(['vend_id'], ['vends.id'], name=op.f('fk_card_vends_vend_id_vends')),
    sa.PrimaryKeyConstraint('vend_id', name=op.f('pk_card_vends')),
    sa.UniqueConstraint('meter_id', 'sequence', name='meter_sequence')
    )
    with op.batch_alter_table('card_vends', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_vends_card_id'), ['card_id'], unique=False)

    with op.batch_alter_table('vends', schema=None) as batch_op:
        batch_op.add_column(sa.Column('medium', sa.Enum('keypad', 'card', name='vend_medium', native_enum=False, create_constraint=True, length=24), server_default='keypad', nullable=False))

    _immutable_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in IMMUTABLE:
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    elif op.get_bind().dialect.name == "postgresql":
        for table in IMMUTABLE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
        op.execute("DROP FUNCTION IF EXISTS card_rows_immutable()")
    with op.batch_alter_table('vends', schema=None) as batch_op:
        # The enum's CHECK names the column: it goes first, or the table copy fails.
        batch_op.drop_constraint('vend_medium', type_='check')
        batch_op.drop_column('medium')

    with op.batch_alter_table('card_vends', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_vends_card_id'))

    op.drop_table('card_vends')
    op.drop_table('card_tamper_events')
    with op.batch_alter_table('card_readings', schema=None) as batch_op:
        batch_op.drop_index('ix_card_readings_meter_read')
        batch_op.drop_index(batch_op.f('ix_card_readings_flagged'))

    op.drop_table('card_readings')
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index('uq_cards_active_serial', sqlite_where=sa.text("state = 'active'"), postgresql_where=sa.text("state = 'active'"))
        batch_op.drop_index('uq_cards_active_meter', sqlite_where=sa.text("state = 'active'"), postgresql_where=sa.text("state = 'active'"))
        batch_op.drop_index(batch_op.f('ix_cards_serial'))

    op.drop_table('cards')
