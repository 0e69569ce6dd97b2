"""Many rows into one table in one statement: a multi-row ``INSERT`` for a few, ``COPY ...
FROM STDIN`` for many.

A push inserts its entries, vends, charge lines and tokens. ``executemany`` sends one
``INSERT`` per row (psycopg pipelines them, but PostgreSQL still executes each and the
driver adapts every parameter of every row in Python): the largest part of a push's time
in the profile (docs/benchmarks.md). ``COPY`` streams the rows in PostgreSQL's text format,
formatted by psycopg's C code, in one statement of the push's own transaction. Measured on
150 entries (docs/benchmarks.md, SYN-40): a third of ``executemany``'s processor time in
the server; ``INSERT ... SELECT FROM unnest(arrays)`` was slower than both, psycopg
adapting each array element in Python.

But a ``COPY`` costs a fixed price whatever its size: two round trips (its start, then
its rows and end), its start and end in psycopg, its setup in PostgreSQL. Up to
:data:`FEW_ROWS` rows, one ``INSERT ... VALUES (...), (...)`` costs less on both sides
(SYN-48; measured on 5 rows: 0.20 ms of the server's processor against 0.25 - 0.27, and
less of the backend's; even at 15 rows); above it, ``COPY`` does.

The rows are the mappings an ORM insert would take, bound through the columns' own types
(enums as the store spells them, times in UTC); a column left out gets its Python-side
default as ``insert(table)`` would give it, or the database's. PostgreSQL only, like the
server itself (:class:`starpos.server.store.HeadOffice`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import psycopg
from sqlalchemy import Column, Connection, Table

#: Up to this many rows, one multi-row ``INSERT``; more, one ``COPY`` (SYN-48).
FEW_ROWS = 10


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys) into ``table`` in the connection's
    transaction."""
    if not rows:
        return
    names, values = _bound(connection, table, rows)
    columns = ", ".join(names)
    driver = connection.connection.driver_connection
    assert driver is not None
    if len(rows) <= FEW_ROWS:
        # PostgreSQL's own $n placeholders: psycopg then sends the text as it is, where it
        # would parse a long text of %s in Python at each call (SYN-48).
        width = len(names)
        placeholders = ", ".join(
            "(" + ", ".join(f"${row * width + column + 1}" for column in range(width)) + ")"
            for row in range(len(rows))
        )
        with psycopg.RawCursor(driver) as raw:
            raw.execute(
                f"INSERT INTO {table.name} ({columns}) VALUES {placeholders}",
                [value for row in values for value in row],
            )
        return
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy,
    ):
        for row in values:
            copy.write_row(row)


def _bound(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> tuple[list[str], Iterator[list[Any]]]:
    """The columns written, and each row's values as the driver is given them."""
    given = list(rows[0])
    defaulted = [
        column
        for column in table.columns
        if column.name not in rows[0]
        and column.default is not None
        and (column.default.is_scalar or column.default.is_callable)
    ]
    processors = [_processor(connection, table.columns[name]) for name in given]

    def values() -> Iterator[list[Any]]:
        for row in rows:
            yield [
                *(
                    value if process is None else process(value)
                    for process, value in zip(
                        processors, (row[name] for name in given), strict=True
                    )
                ),
                *(_default(connection, column) for column in defaulted),
            ]

    return [*given, *(column.name for column in defaulted)], values()


def _processor(connection: Connection, column: Column[Any]) -> Callable[[Any], Any] | None:
    """How the column's type turns a value into what the driver is given."""
    return column.type._cached_bind_processor(connection.dialect)


def _default(connection: Connection, column: Column[Any]) -> Any:
    """The value an ORM insert gives a column the row leaves out, bound by its type."""
    default = column.default
    assert default is not None
    # SQLAlchemy wraps a callable default to take the execution context; ours (utc_now and
    # the like) ignore it.
    arg: Any = default.arg  # type: ignore[attr-defined]
    value = arg(None) if default.is_callable else arg
    process = _processor(connection, column)
    return value if process is None else process(value)
