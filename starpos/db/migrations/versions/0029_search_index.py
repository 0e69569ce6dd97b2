"""search index: on SQLite, trigram indexes over the customers' code, name and ID number and
over the meters' numbers, kept true by triggers, so a fuzzy search reads a few candidates
instead of passing over every customer and meter (issue 12's 100 ms; decision BO-32)

SQLite's FTS5 with the trigram tokenizer, "external content": the index holds only the
trigrams and reads the text from ``customers`` / ``meters`` themselves. The triggers keep it
true on every insert, change and delete whoever writes (registration, change, import, the
head office's downlink, the demo seed, ``db bench``'s bulk builder), in the writer's own
transaction. The search still checks each candidate with the LIKE it always used, so the
index only narrows what is read: the answers stay those of the scan.

PostgreSQL: nothing here; its search stays the ILIKE scan (the targets are measured on
the counter's SQLite store).

Note for later migrations: altering ``customers`` or ``meters`` in batch mode (copy, drop,
rename) drops their triggers; such a migration must create them again.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-03 18:30:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

# Frozen here: (index, table, indexed columns, the columns whose change re-indexes a row).
_INDEXES = (
    ("customer_search", "customers", ("code", "name", "id_number")),
    ("meter_search", "meters", ("number",)),
)


def _statements(index: str, table: str, columns: tuple[str, ...]) -> list[str]:
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    insert = f"INSERT INTO {index} (rowid, {names}) VALUES (new.id, {new});"
    # An external-content index forgets a row only when told the values it indexed.
    forget = f"INSERT INTO {index} ({index}, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5({names}, content='{table}',"
        " content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {forget} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {names} ON {table}"
        f" BEGIN {forget} {insert} END",
        # What the store already holds, read from the table.
        f"INSERT INTO {index} ({index}) VALUES ('rebuild')",
    ]


def _trigrams_here() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 on): a Python built
    without them opens the store unindexed, and the search scans as before."""
    bind = op.get_bind()
    version = bind.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    fts5 = bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar_one()
    return bool(fts5) and tuple(int(part) for part in str(version).split(".")[:2]) >= (3, 34)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite" or not _trigrams_here():
        return
    for index, table, columns in _INDEXES:
        for statement in _statements(index, table, columns):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for index, _table, _columns in _INDEXES:
        for action in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {index}_{action}")
        op.execute(f"DROP TABLE IF EXISTS {index}")
