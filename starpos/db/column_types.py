"""Column types that keep money, energy and time exact on every database.

Money and energy are ``Decimal`` (DESIGN.md rule 5). PostgreSQL stores them as ``NUMERIC``.
SQLite has no decimal storage class: a ``NUMERIC`` column there holds a binary float, so on
SQLite the same columns hold a scaled integer (hundredths of a currency unit, tenths of a
kWh ...). Integers are exact in SQLite, sums of them too, and the type turns them back into
``Decimal`` on the way out (docs/decisions.md, "Decimals on SQLite").

A value with more decimals than the column keeps is refused rather than rounded: rounding
is a business rule and belongs to pricing, not to storage.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Numeric
from sqlalchemy.types import TypeDecorator, TypeEngine


class ScaledDecimal(TypeDecorator[Decimal]):
    """A ``Decimal`` with a fixed number of decimals (``NUMERIC(precision, scale)``)."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 18, scale: int = 2) -> None:
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.precision = precision
        self.scale = scale
        self._unit = Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"a Decimal is needed here, not {type(value).__name__} {value!r}")
        exact = Decimal(value)
        if exact != exact.quantize(self._unit):
            raise ValueError(f"{exact} has more than {self.scale} decimals")
        if dialect.name == "sqlite":
            return int(exact.scaleb(self.scale))
        return exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            # A SUM over an empty set or a mixed expression may come back as a float
            # only if someone wrote floats in; integers are the only thing stored here.
            return Decimal(int(value)).scaleb(-self.scale).quantize(self._unit)
        return Decimal(value).quantize(self._unit)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Money(ScaledDecimal):
    """An amount of currency: up to 2 decimals (the manual's "Amount Decimal" is 0, 1 or 2)."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(precision=16, scale=2)


class UnitPrice(ScaledDecimal):
    """A price per kWh, 4 decimals (tariff rates such as 0.6543)."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(precision=14, scale=4)


class Energy(ScaledDecimal):
    """Energy in kWh at the STS token resolution of 0.1 kWh."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(precision=14, scale=1)


class Percent(ScaledDecimal):
    """A percentage such as a VAT rate of ``15`` or ``7.5`` (per hundred), 4 decimals."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(precision=9, scale=4)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, stored in UTC and read back as an aware UTC ``datetime``."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError(f"an aware datetime is needed here, not {value!r}")
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)

    def __repr__(self) -> str:
        return "UtcDateTime()"


def utc_now() -> datetime:
    return datetime.now(UTC)
