"""The trigram search indexes of migration 0029 (SQLite only, decision BO-32): what the fuzzy
search asks them, and how schema comparisons leave them out (they are not models: SQLite's
FTS5 makes them, with shadow tables of its own)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, column, select, table, text

#: the index over the customers' code, name and ID number; the one over the meters' numbers
CUSTOMER_SEARCH = "customer_search"
METER_SEARCH = "meter_search"
_INDEXES = (CUSTOMER_SEARCH, METER_SEARCH)

#: A trigram index finds nothing shorter than three characters: such text is scanned for.
SHORTEST = 3


def indexed(session: Any) -> bool:
    """Whether this store has the indexes: SQLite whose FTS5 has trigrams (migration 0029);
    PostgreSQL scans with ILIKE. Asked each time: one read of SQLite's schema table."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": CUSTOMER_SEARCH},
    )
    return found.first() is not None


def candidates(index: str, found: str) -> Select[Any]:
    """The row ids whose indexed text may contain ``found`` (whatever the letter case): a
    superset the caller checks with its own LIKE, so the answer is the scan's."""
    phrase = '"' + found.replace('"', '""') + '"'  # one literal string, not FTS5 syntax
    return (
        select(column("rowid"))
        .select_from(table(index))
        .where(text(f"{index} MATCH :{index}").bindparams(**{index: phrase}))
    )


def not_an_index(name: str | None, type_: str, _parents: Any) -> bool:
    """For Alembic's ``include_name``: leave the indexes and FTS5's shadow tables out."""
    return not (type_ == "table" and name is not None and name.startswith(_INDEXES))
