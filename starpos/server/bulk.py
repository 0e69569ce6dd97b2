"""Many rows into one table in one statement: ``COPY ... FROM STDIN``.

A push inserts its entries, vends, charge lines and tokens by the hundred. ``executemany``
sends one ``INSERT`` per row (psycopg pipelines them, but PostgreSQL still executes each
and the driver adapts every parameter of every row in Python): the largest part of a
push's time in the profile (docs/benchmarks.md). ``COPY`` streams the rows in PostgreSQL's
text format, formatted by psycopg's C code, in one statement of the push's own
transaction. Measured on 150 entries (docs/benchmarks.md, SYN-40): a third of
``executemany``'s processor time in the server; ``INSERT ... SELECT FROM unnest(arrays)``
was slower than both, psycopg adapting each array element in Python.

The rows are the mappings an ORM insert would take, bound through the columns' own types
(enums as the store spells them, times in UTC); a column left out gets its Python-side
default as ``insert(table)`` would give it, or the database's. PostgreSQL only, like the
server itself (:class:`starpos.server.store.HeadOffice`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys) into ``table`` in the connection's
    transaction."""
    if not rows:
        return
    given = list(rows[0])
    defaulted = [
        column
        for column in table.columns
        if column.name not in rows[0]
        and column.default is not None
        and (column.default.is_scalar or column.default.is_callable)
    ]
    processors = [_processor(connection, table.columns[name]) for name in given]
    names = ", ".join([*given, *(column.name for column in defaulted)])
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            values = [
                value if process is None else process(value)
                for process, value in zip(processors, (row[name] for name in given), strict=True)
            ]
            copy.write_row([*values, *(_default(connection, column) for column in defaulted)])


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
