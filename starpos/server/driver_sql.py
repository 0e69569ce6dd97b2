"""Statements built once, run as SQL text on the driver's connection (SYN-48).

A push runs about fifteen statements. Through SQLAlchemy's Core connection each costs its
execution context, its cache lookup and its result object: measured 0.16 ms of processor
for a statement built once, against 0.09 ms for the same SQL text run by psycopg directly
(docs/benchmarks.md). Here a statement is compiled once per dialect, its parameters still
go through their columns' types (an enum as the store spells it, a time in UTC) and its
result columns through theirs (a stored enum back to its member, money back to a Decimal),
exactly as SQLAlchemy would; only its machinery around the call is left out. The
statement runs in the connection's current transaction (or in autocommit, if the
connection is in it), like any other of the request's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement


@dataclass(frozen=True)
class _Compiled:
    sql: str
    #: Each parameter's name, the value given when the statement fixes it, and how its type
    #: binds it.
    binds: tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]
    #: The type of each result column (its processor depends on what the driver reports).
    result_types: tuple[Any, ...]


class DriverStatement:
    """A statement built once at import, run with :meth:`rows` or :meth:`run`."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}
        self._readers: dict[tuple[str, tuple[int, ...]], list[Callable[[Any], Any] | None]] = {}

    def _for(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            assert isinstance(compiled, SQLCompiler)
            # An ``IN`` is expanded at each execution: write ``store.one_of`` instead.
            assert "POSTCOMPILE" not in compiled.string, "an IN in a driver statement"
            fixed = compiled.construct_params(_check=False)
            binds = tuple(
                (
                    name,
                    fixed.get(name),
                    compiled.binds[name].type._cached_bind_processor(dialect),
                )
                for name in compiled.positiontup or compiled.bind_names.values()
                if name in compiled.binds
            )
            found = _Compiled(
                compiled.string,
                binds,
                tuple(column.type for column in compiled._result_columns),
            )
            self._compiled[dialect.name] = found
        return found

    def rows(self, connection: Connection, parameters: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The statement's rows, each value as its column's type reads it."""
        compiled = self._for(connection.dialect)
        driver = connection.connection.driver_connection
        assert driver is not None
        bound = {
            name: process(value) if process is not None else value
            for name, fixed, process in compiled.binds
            for value in (parameters.get(name, fixed),)
        }
        with driver.cursor() as cursor:
            cursor.execute(compiled.sql, bound)
            if cursor.description is None:
                return []
            found: list[tuple[Any, ...]] = cursor.fetchall()
            codes = tuple(column.type_code for column in cursor.description)
        readers = self._readers_for(connection.dialect, compiled, codes)
        if not any(readers):
            return found
        return [
            tuple(
                value if read is None else read(value)
                for read, value in zip(readers, row, strict=True)
            )
            for row in found
        ]

    def run(self, connection: Connection, parameters: Mapping[str, Any]) -> None:
        """Run a statement whose rows (if any) are not wanted."""
        self.rows(connection, parameters)

    def _readers_for(
        self, dialect: Dialect, compiled: _Compiled, codes: Sequence[int]
    ) -> list[Callable[[Any], Any] | None]:
        key = (dialect.name, tuple(codes))
        readers = self._readers.get(key)
        if readers is None:
            types = compiled.result_types or (None,) * len(codes)
            readers = [
                None if kind is None else kind._cached_result_processor(dialect, code)
                for kind, code in zip(types, codes, strict=True)
            ]
            self._readers[key] = readers
        return readers
