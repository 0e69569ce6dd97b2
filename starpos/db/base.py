"""The declarative base every table hangs off, and the small enum helper they share."""

from __future__ import annotations

import enum
from typing import TypeVar

from sqlalchemy import BigInteger, Enum, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so migrations can alter them on SQLite (batch mode) and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: A 64-bit key that is still SQLite's auto-incrementing ``INTEGER PRIMARY KEY``.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


E = TypeVar("E", bound=enum.Enum)


def str_enum(enum_class: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: ``VARCHAR`` plus a ``CHECK`` of the allowed values.

    A ``StrEnum`` is stored as its value; another enum (the pricing's, whose values are the
    command line's spellings) as its member name in lower case.
    """
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=_values,
        validate_strings=True,
    )


def stored_value(member: enum.Enum) -> str:
    """How the store spells ``member`` (:func:`str_enum`), also where a row travels as
    values (an audit entry's sale facts)."""
    return member.value if isinstance(member, enum.StrEnum) else member.name.lower()


def stored_member(enum_class: type[E], text: str) -> E:
    """The member of ``enum_class`` the store spells ``text`` (:func:`stored_value`)."""
    for member in enum_class:
        if stored_value(member) == text:
            return member
    raise ValueError(f"{text!r} is not a stored {enum_class.__name__}")


def _values(enum_class: type[enum.Enum]) -> list[str]:
    return [stored_value(member) for member in enum_class]
