"""How a row of master data travels: which columns, in which order, as which JSON values.

A row is a JSON array. A root's row is its own columns (:func:`root_shape`). A part's row
starts with what names its owner (the root's key, then the identity of every part between:
a tariff block starts with its scheme's code and its version's start), then its own
columns (:func:`part_shape`). Left out: surrogate ids (they differ between stores), the
column that points at the owner (the leading values say it), and a root's or part's
``local`` columns. A column that references another root's row by id travels as that row's key.

Values: text, whole numbers and booleans as JSON; decimals as strings (exact); dates and
times in ISO 8601; enums by their value.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Table

from starpos.db.base import stored_member, stored_value
from starpos.db.column_types import ScaledDecimal, UtcDateTime
from starpos.sync.owned_tables import BY_NAME, Part, Root

Codec = Callable[[Any], Any]


@dataclass(frozen=True)
class WireColumn:
    """One value of a row on the wire: the column it is read from or written to, and, for a
    reference, the root whose key stands for the referenced row's id."""

    name: str
    column: Column[Any]
    refers_to: Root | None
    encode: Codec
    decode: Codec


@dataclass(frozen=True)
class Shape:
    """The rows of one table on the wire: ``leading`` names the owner (empty for a root)."""

    table: Table
    leading: tuple[WireColumn, ...]
    columns: tuple[WireColumn, ...]

    @property
    def name(self) -> str:
        return self.table.name

    def header(self) -> list[str]:
        return [column.name for column in (*self.leading, *self.columns)]

    def encode(self, values: Sequence[Any]) -> list[Any]:
        every = (*self.leading, *self.columns)
        return [codec.encode(value) for codec, value in zip(every, values, strict=True)]

    def decode(self, values: Sequence[Any]) -> list[Any]:
        every = (*self.leading, *self.columns)
        if len(values) != len(every):
            raise ValueError(f"{self.name}: {len(values)} values for {len(every)} columns")
        return [codec.decode(value) for codec, value in zip(every, values, strict=True)]


def _plain(value: Any) -> Any:
    return value


def _encode_any(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return stored_value(value)
    return value


def _nullable(decode: Codec) -> Codec:
    def run(value: Any) -> Any:
        return None if value is None else decode(value)

    return run


def _decoder(column: Column[Any]) -> Codec:
    kind = column.type
    if isinstance(kind, ScaledDecimal):
        return _nullable(lambda value: Decimal(str(value)))
    if isinstance(kind, (UtcDateTime, DateTime)):
        return _nullable(datetime.fromisoformat)
    if isinstance(kind, Date):
        return _nullable(date.fromisoformat)
    if isinstance(kind, Boolean):
        return _nullable(bool)
    enum_class = getattr(kind, "enum_class", None)
    if enum_class is not None:
        # Some enums are stored by name (the pricing's methods): travel as the store spells them.
        return _nullable(lambda value: stored_member(enum_class, value))
    return _plain


def _referenced_root(column: Column[Any]) -> Root | None:
    """The root whose key stands for this column's value, when it references a row by id."""
    for foreign_key in column.foreign_keys:
        target = foreign_key.column
        root = BY_NAME.get(target.table.name)
        if root is not None and target.name != root.key:
            return root
    return None


def _wire(column: Column[Any], name: str | None = None) -> WireColumn:
    refers_to = _referenced_root(column)
    decode = _plain if refers_to is not None else _decoder(column)
    if refers_to is not None:
        # Travels as the referenced row's key: coded like that key column.
        decode = _decoder(refers_to.key_column)
    return WireColumn(name or column.name, column, refers_to, _encode_any, decode)


def _surrogate(table: Table, kept_key: str | None) -> set[str]:
    """Primary-key columns that are only a number in this store (not the row's key)."""
    return {
        column.name
        for column in table.primary_key.columns
        if column.autoincrement is not False
        and column.name != kept_key
        and not column.foreign_keys
        and column.name == "id"
    }


def root_shape(root: Root) -> Shape:
    left_out = _surrogate(root.table, root.key) | root.local
    columns = tuple(_wire(column) for column in root.table.columns if column.name not in left_out)
    return Shape(root.table, (), columns)


def part_shape(root: Root, chain: Sequence[Part]) -> Shape:
    """The shape of the last part of ``chain`` (the parts from ``root`` down to it)."""
    part = chain[-1]
    leading = [_wire(root.key_column, f"{root.name}.{root.key}")]
    for owner in chain[:-1]:
        leading += [_wire(owner.table.c[name], f"{owner.name}.{name}") for name in owner.identity]
    left_out = _surrogate(part.table, None) | {part.parent_column} | part.local
    columns = tuple(_wire(column) for column in part.table.columns if column.name not in left_out)
    return Shape(part.table, tuple(leading), columns)


def owner_column(part: Part) -> Column[Any]:
    """The owner's column that ``part.parent_column`` points at (its id, or its key)."""
    (foreign_key,) = part.table.c[part.parent_column].foreign_keys
    return foreign_key.column
