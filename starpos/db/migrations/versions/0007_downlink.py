"""downlink: the change feed of master data (PostgreSQL triggers into sync_changes), its
pruning horizon, offline limits per terminal, the counter's feed position (docs/sync.md)

Revision ID: 0007
Revises: 0008
Create Date: 2026-12-03 06:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import starpos.db.column_types


revision = '0007'
down_revision = '0008'
branch_labels = None
depends_on = None

# What the head office owns (starpos.sync.owned_tables, spelled out here so that this
# migration stays what it is when that module changes). A root is named by a column of its
# own: (table, key column, primary key column).
ROOTS = (
    ('system_parameters', 'id', 'id'),
    ('region_levels', 'level', 'level'),
    ('regions', 'code', 'id'),
    ('branches', 'code', 'id'),
    ('banks', 'code', 'id'),
    ('sales_points', 'code', 'id'),
    ('terminals', 'code', 'id'),
    ('payment_terms', 'code', 'id'),
    ('meter_models', 'code', 'id'),
    ('default_amounts', 'position', 'id'),
    ('charge_items', 'code', 'id'),
    ('customer_types', 'code', 'id'),
    ('replacement_reasons', 'code', 'id'),
    ('roles', 'code', 'id'),
    ('operators', 'code', 'id'),
    ('numbering_rules', 'bill_type', 'bill_type'),
    ('tariff_schemes', 'code', 'id'),
    ('customers', 'code', 'id'),
    ('meters', 'number', 'id'),
)
# A part's change is a change of its root: (table, root, root key, root column the owner
# column points at, owner column, [table between, its column pointing at the root]).
PARTS = (
    ('sync_offline_limits', 'terminals', 'code', 'id', 'terminal_id', '', ''),
    ('customer_type_charges', 'customer_types', 'code', 'id', 'customer_type_id', '', ''),
    ('replacement_reason_charges', 'replacement_reasons', 'code', 'id', 'reason_id', '', ''),
    ('role_permissions', 'roles', 'code', 'id', 'role_id', '', ''),
    ('operator_roles', 'operators', 'code', 'id', 'operator_id', '', ''),
    ('numbering_fields', 'numbering_rules', 'bill_type', 'bill_type', 'bill_type', '', ''),
    ('tariff_versions', 'tariff_schemes', 'code', 'id', 'scheme_id', '', ''),
    *(
        (table, 'tariff_schemes', 'code', 'id', 'version_id', 'tariff_versions', 'scheme_id')
        for table in (
            'tariff_steps', 'tou_prices', 'tou_day_switches', 'tou_week_days', 'tou_seasons',
            'tou_holidays',
        )
    ),
)
TRIGGERS = ('sync_capture_insert', 'sync_capture_update', 'sync_capture_delete')

# Statement-level triggers with transition tables: one insert into the feed per statement,
# so loading 100,000 customers costs one statement more, not 100,000. The transaction id
# is the top-level one (savepoints share it) and is what a reader compares with
# pg_snapshot_xmin (starpos/server/downlink.py).
CAPTURE_ROW = """
CREATE FUNCTION sync_capture_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    key_column text := TG_ARGV[0];
    id_column text := TG_ARGV[1];
    changed_by bigint := pg_current_xact_id()::text::bigint;
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format(
            'INSERT INTO sync_changes (xid, table_name, row_key, op, changed_at)'
            ' SELECT $1, $2, n.%I::text, ''I'', now() FROM new_rows AS n', key_column)
        USING changed_by, TG_TABLE_NAME;
    ELSIF TG_OP = 'UPDATE' THEN
        -- A changed key is the row renamed: the counter renames its own row.
        EXECUTE format(
            'INSERT INTO sync_changes (xid, table_name, row_key, previous_key, op, changed_at)'
            ' SELECT $1, $2, n.%1$I::text,'
            ' CASE WHEN o.%1$I IS DISTINCT FROM n.%1$I THEN o.%1$I::text END, ''U'', now()'
            ' FROM new_rows AS n LEFT JOIN old_rows AS o ON o.%2$I = n.%2$I',
            key_column, id_column)
        USING changed_by, TG_TABLE_NAME;
        -- A changed primary key that is also the key: the old row is gone.
        EXECUTE format(
            'INSERT INTO sync_changes (xid, table_name, row_key, op, changed_at)'
            ' SELECT $1, $2, o.%1$I::text, ''D'', now() FROM old_rows AS o'
            ' WHERE NOT EXISTS (SELECT 1 FROM new_rows AS n WHERE n.%2$I = o.%2$I)',
            key_column, id_column)
        USING changed_by, TG_TABLE_NAME;
    ELSE
        EXECUTE format(
            'INSERT INTO sync_changes (xid, table_name, row_key, op, changed_at)'
            ' SELECT $1, $2, o.%I::text, ''D'', now() FROM old_rows AS o', key_column)
        USING changed_by, TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$
"""

CAPTURE_PART = """
CREATE FUNCTION sync_capture_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    root_table text := TG_ARGV[0];
    root_key text := TG_ARGV[1];
    root_column text := TG_ARGV[2];
    owner_column text := TG_ARGV[3];
    between_table text := TG_ARGV[4];
    between_column text := TG_ARGV[5];
    changed_by bigint := pg_current_xact_id()::text::bigint;
    owners text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        owners := format('SELECT %I AS owner FROM new_rows', owner_column);
    ELSIF TG_OP = 'DELETE' THEN
        owners := format('SELECT %I AS owner FROM old_rows', owner_column);
    ELSE
        owners := format(
            'SELECT %1$I AS owner FROM new_rows UNION SELECT %1$I FROM old_rows', owner_column);
    END IF;
    IF between_table <> '' THEN
        owners := format(
            'SELECT b.%I AS owner FROM (%s) AS c JOIN %I AS b ON b.id = c.owner',
            between_column, owners, between_table);
    END IF;
    -- An owner deleted in the same statement (a cascade) is gone: its own trigger wrote
    -- its tombstone.
    EXECUTE format(
        'INSERT INTO sync_changes (xid, table_name, row_key, op, changed_at)'
        ' SELECT DISTINCT $1, $2, r.%I::text, ''U'', now()'
        ' FROM (%s) AS c JOIN %I AS r ON r.%I = c.owner',
        root_key, owners, root_table, root_column)
    USING changed_by, root_table;
    RETURN NULL;
END
$$
"""


def _triggers(table: str, function: str, arguments: tuple[str, ...]) -> list[str]:
    quoted = ', '.join(f"'{argument}'" for argument in arguments)
    call = f'EXECUTE FUNCTION {function}({quoted})'
    return [
        f'CREATE TRIGGER sync_capture_insert AFTER INSERT ON {table}'
        f' REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT {call}',
        f'CREATE TRIGGER sync_capture_update AFTER UPDATE ON {table}'
        f' REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT {call}',
        f'CREATE TRIGGER sync_capture_delete AFTER DELETE ON {table}'
        f' REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT {call}',
    ]


def captured_tables() -> list[str]:
    return [root[0] for root in ROOTS] + [part[0] for part in PARTS]


def upgrade() -> None:
    op.create_table('sync_change_horizon',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('below_xid', sa.BigInteger(), nullable=False),
    sa.Column('pruned_at', starpos.db.column_types.UtcDateTime(), nullable=True),
    sa.CheckConstraint('id = 1', name=op.f('ck_sync_change_horizon_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_change_horizon'))
    )
    op.create_table('sync_changes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('xid', sa.BigInteger(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_key', sa.String(length=80), nullable=False),
    sa.Column('previous_key', sa.String(length=80), nullable=True),
    sa.Column('op', sa.String(length=1), nullable=False),
    sa.Column('changed_at', starpos.db.column_types.UtcDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_changes'))
    )
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.create_index('ix_sync_changes_changed_at', ['changed_at'], unique=False)
        batch_op.create_index('ix_sync_changes_xid', ['xid'], unique=False)

    op.create_table('sync_offline_limits',
    sa.Column('terminal_id', sa.Integer(), nullable=False),
    sa.Column('max_offline_minutes', sa.Integer(), nullable=True),
    sa.Column('max_offline_value', starpos.db.column_types.Money(), nullable=True),
    sa.CheckConstraint('max_offline_minutes IS NULL OR max_offline_minutes > 0', name=op.f('ck_sync_offline_limits_minutes')),
    sa.CheckConstraint('max_offline_value IS NULL OR max_offline_value > 0', name=op.f('ck_sync_offline_limits_value')),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminals.id'], name=op.f('fk_sync_offline_limits_terminal_id_terminals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('terminal_id', name=op.f('pk_sync_offline_limits'))
    )
    # Added in place (plain ALTER TABLE on SQLite too): sync_state has no triggers to lose,
    # and a counter's store keeps its enrolment.
    op.add_column('sync_state', sa.Column('downlink_cursor', sa.BigInteger(), nullable=True))
    op.add_column('sync_state', sa.Column('last_pull_at', starpos.db.column_types.UtcDateTime(), nullable=True))
    op.add_column('sync_state', sa.Column('last_contact_at', starpos.db.column_types.UtcDateTime(), nullable=True))

    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(CAPTURE_ROW)
    op.execute(CAPTURE_PART)
    for table, key, primary in ROOTS:
        for statement in _triggers(table, 'sync_capture_row', (key, primary)):
            op.execute(statement)
    for table, *arguments in PARTS:
        for statement in _triggers(table, 'sync_capture_part', tuple(arguments)):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in captured_tables():
            for trigger in TRIGGERS:
                op.execute(f'DROP TRIGGER {trigger} ON {table}')
        op.execute('DROP FUNCTION sync_capture_part()')
        op.execute('DROP FUNCTION sync_capture_row()')

    with op.batch_alter_table('sync_state', schema=None) as batch_op:
        batch_op.drop_column('last_contact_at')
        batch_op.drop_column('last_pull_at')
        batch_op.drop_column('downlink_cursor')
    op.drop_table('sync_offline_limits')
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_changes_xid')
        batch_op.drop_index('ix_sync_changes_changed_at')

    op.drop_table('sync_changes')
    op.drop_table('sync_change_horizon')
