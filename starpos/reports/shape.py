"""What every report is made of: typed columns, the filters it takes, and its rows.

A report is data (:class:`Report`): the command line builds its options from ``filters``,
the window builds its filter form from the same list, and the CSV, JSON and PDF writers
read ``columns`` for the header, the types and the totals. Labels are marked with
:func:`~starpos.i18n.tr_noop` (context ``reports``) and translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from starpos.i18n import tr_noop, translate

#: The translation context of every report label.
CONTEXT = "reports"

#: One row: column key -> value (str, int, Decimal, date, datetime or None).
Row = dict[str, Any]


class ColumnKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    MONEY = "money"  # Decimal, the currency's decimals
    ENERGY = "energy"  # Decimal kWh
    DATE = "date"
    DATETIME = "datetime"  # the utility's wall clock, naive


class FilterKind(StrEnum):
    DATE = "date"  # a day of the utility's calendar
    TEXT = "text"  # an exact code or number
    DAYS = "days"  # a whole number of days
    CHOICE = "choice"  # one of ``choices``
    FLAG = "flag"  # on or off


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ColumnKind = ColumnKind.TEXT
    #: Summed in the totals row (money, energy and counts only).
    total: bool = False


@dataclass(frozen=True)
class Filter:
    name: str
    label: str
    kind: FilterKind = FilterKind.TEXT
    choices: tuple[str, ...] = ()
    default: Any = None
    #: What the filter means when left empty, as the summary of the filters says it.
    empty: str = ""


#: The manual's begin/end pair (section 5: an empty bound means the whole range).
BEGIN = "begin"
END = "end"


def date_range(label_begin: str, label_end: str) -> tuple[Filter, Filter]:
    return Filter(BEGIN, label_begin, FilterKind.DATE), Filter(END, label_end, FilterKind.DATE)


#: Builds the rows of a report from the chosen filter values (missing or None: no filter).
RowSource = Callable[[Session, Mapping[str, Any]], Iterator[Row]]


@dataclass(frozen=True)
class Report:
    name: str  # the command's word, e.g. "power-vending"
    section: str  # the STAR manual's section, e.g. "5.3"
    title: str
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...]
    rows: RowSource
    #: The columns a chart of this report draws from (None: the report has no chart).
    chart: str | None = None
    description: str = ""
    _keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple(column.key for column in self.columns))

    @property
    def keys(self) -> tuple[str, ...]:
        return self._keys

    def filter(self, name: str) -> Filter | None:
        return next((chosen for chosen in self.filters if chosen.name == name), None)


@dataclass
class Totals:
    """The running totals of a report: its row count and the sum of each totalled column."""

    report: Report
    count: int = 0
    sums: dict[str, Decimal | int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for column in self.report.columns:
            if column.total:
                self.sums[column.key] = 0 if column.kind is ColumnKind.INTEGER else Decimal(0)

    def add(self, row: Row) -> None:
        self.count += 1
        for key in self.sums:
            value = row.get(key)
            if value is not None:
                self.sums[key] += value

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.count, **self.sums}


def counted(report: Report, rows: Iterator[Row], totals: Totals) -> Iterator[Row]:
    """``rows`` as they stream past, added to ``totals`` on the way."""
    for row in rows:
        totals.add(row)
        yield row


def plain(value: Any) -> Any:
    """A cell as JSON and CSV carry it: Decimal as its exact text, dates in ISO 8601."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return " ".join(str(item) for item in value)
    return value


#: Rows fetched from the database at a time: a report streams in constant memory
#: (yield_per opens a server-side cursor on PostgreSQL).
BATCH = 1000


def streamed(session: Session, query: Any) -> Iterator[RowMapping]:
    """The rows of ``query`` as mappings, a batch at a time."""
    yield from session.execute(query.execution_options(yield_per=BATCH)).mappings()


def days_of(choice: Mapping[str, Any], default: int) -> int:
    """The ``days`` filter, or ``default`` when it is empty."""
    value = choice.get("days")
    return default if value is None else int(value)


ALL = tr_noop(CONTEXT, "(all)")
TODAY = tr_noop(CONTEXT, "today")
YES = tr_noop(CONTEXT, "yes")
NO = tr_noop(CONTEXT, "no")


def filter_summary(report: Report, choice: Mapping[str, Any], lang: str | None = None) -> str:
    """The filters used, as a person reads them ("First day: 2026-11-01; Meter: (all)")."""
    parts = []
    for chosen in report.filters:
        value = choice.get(chosen.name)
        if value is None or value == "":
            value = chosen.default
        if chosen.kind is FilterKind.FLAG:
            text = translate(CONTEXT, YES if value else NO, lang)
        elif value is None or value == "":
            text = translate(CONTEXT, chosen.empty or ALL, lang)
        else:
            text = str(plain(value))
        parts.append(f"{translate(CONTEXT, chosen.label, lang)}: {text}")
    return "; ".join(parts)


def cell_text(value: Any) -> str:
    """A cell as a person reads it on screen and paper (exact decimals, ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(plain(value))
