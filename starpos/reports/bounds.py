"""The manual's begin/end rule (section 5, "enquiry condition") over the utility's calendar.

Both bounds are days of the utility's calendar (``db/parameters.py``) and both are included;
an empty bound leaves that side open. Moments are stored in UTC, so a day becomes the UTC
instant its local midnight falls on, computed once per report (not per row).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, true
from sqlalchemy.orm import InstrumentedAttribute

from starpos.errors import StarposError
from starpos.reports.shape import BEGIN, END


class ReportFilterError(StarposError):
    code = "reports.bad_filter"
    template = "The first day {begin} comes after the last day {end}. Swap them and try again."


def day_bounds(choice: Mapping[str, Any]) -> tuple[date | None, date | None]:
    begin, end = choice.get(BEGIN), choice.get(END)
    if begin is not None and end is not None and begin > end:
        raise ReportFilterError(begin=begin.isoformat(), end=end.isoformat())
    return begin, end


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant the utility's day ``day`` begins."""
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


def moment_between(
    column: InstrumentedAttribute[Any], choice: Mapping[str, Any], zone: ZoneInfo
) -> ColumnElement[bool]:
    """``column`` (a UTC moment) falls on a day from begin to end, both included."""
    begin, end = day_bounds(choice)
    conditions: list[ColumnElement[bool]] = []
    if begin is not None:
        conditions.append(column >= local_midnight(begin, zone))
    if end is not None:
        conditions.append(column < local_midnight(end + timedelta(days=1), zone))
    return and_(true(), *conditions)


def day_between(
    column: InstrumentedAttribute[Any], choice: Mapping[str, Any]
) -> ColumnElement[bool]:
    """``column`` (a calendar date) is from begin to end, both included."""
    begin, end = day_bounds(choice)
    conditions: list[ColumnElement[bool]] = []
    if begin is not None:
        conditions.append(column >= begin)
    if end is not None:
        conditions.append(column <= end)
    return and_(true(), *conditions)


def local(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A stored UTC moment as the utility's naive wall clock, to the second."""
    if moment is None:
        return None
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


class ReportDateError(StarposError):
    code = "reports.bad_date"
    template = "{text} is not a date: write it as YYYY-MM-DD, for example 2026-12-01."


class ReportDaysError(StarposError):
    code = "reports.bad_days"
    template = "{text} is not a number of days: write a whole number such as 60."


def parse_day(text: str) -> date | None:
    """A typed day (empty: no bound); :class:`ReportDateError` for anything else."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ReportDateError(text=cleaned[:40]) from None


def parse_days(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > 6:
        raise ReportDaysError(text=cleaned[:40])
    return int(cleaned)
