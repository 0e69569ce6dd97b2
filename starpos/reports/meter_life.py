"""Forecast report of expiring meters (manual 5.2): meters whose using life (the meter model's
years, counted from the install date, else the ex-factory date) ends within ``days`` days,
and with ``overdue`` also those already past it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, false, func, or_, select

from starpos.db.models import Customer, Meter, MeterModel
from starpos.db.parameters import utility_now
from starpos.i18n import tr_noop
from starpos.reports.shape import (
    CONTEXT,
    TODAY,
    Column,
    ColumnKind,
    Filter,
    FilterKind,
    Report,
    Row,
    days_of,
    streamed,
)

DEFAULT_DAYS = 120

COLUMNS = (
    Column("meter", tr_noop(CONTEXT, "Meter")),
    Column("model", tr_noop(CONTEXT, "Meter model")),
    Column("customer", tr_noop(CONTEXT, "Customer")),
    Column("stock_status", tr_noop(CONTEXT, "Using status")),
    Column("since", tr_noop(CONTEXT, "In use since"), ColumnKind.DATE),
    Column("life_years", tr_noop(CONTEXT, "Using life (years)"), ColumnKind.INTEGER),
    Column("end_of_life", tr_noop(CONTEXT, "End of life"), ColumnKind.DATE),
    Column("days_left", tr_noop(CONTEXT, "Days left"), ColumnKind.INTEGER),
)

FILTERS = (
    Filter("days", tr_noop(CONTEXT, "Within days"), FilterKind.DAYS, (), DEFAULT_DAYS),
    Filter("overdue", tr_noop(CONTEXT, "Include overdue meters"), FilterKind.FLAG, (), False),
    Filter("as_of", tr_noop(CONTEXT, "As of (default today)"), FilterKind.DATE, empty=TODAY),
    Filter("model", tr_noop(CONTEXT, "Meter model")),
)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def _may_end_in_range(session: Any, as_of: date, days: int, overdue: bool) -> Any:
    """A plain date condition per model that keeps every meter the exact rule below may
    keep (a day of slack each side for 29 February), so the database skips the rest."""
    since = func.coalesce(Meter.install_date, Meter.ex_factory_date)
    cases = []
    for model_id, years in session.execute(
        select(MeterModel.id, MeterModel.using_life_years).where(
            MeterModel.using_life_years.is_not(None)
        )
    ):
        latest = add_years(as_of + timedelta(days=days + 1), -years)
        condition = and_(Meter.model_id == model_id, since <= latest)
        if not overdue:
            condition = and_(condition, since >= add_years(as_of - timedelta(days=1), -years))
        cases.append(condition)
    return or_(false(), *cases)


def rows(session: Any, choice: Mapping[str, Any]) -> Iterator[Row]:
    days = days_of(choice, DEFAULT_DAYS)
    overdue = bool(choice.get("overdue"))
    as_of: date = choice.get("as_of") or utility_now(session).date()
    query = (
        select(
            Meter.number, MeterModel.code.label("model"), Customer.code.label("customer"),
            Meter.stock_status, Meter.install_date, Meter.ex_factory_date,
            MeterModel.using_life_years,
        )
        .join(MeterModel, MeterModel.id == Meter.model_id)
        .outerjoin(Customer, Customer.id == Meter.customer_id)
        .where(MeterModel.using_life_years.is_not(None))
        .order_by(Meter.number)
    )  # fmt: skip
    if choice.get("model"):
        query = query.where(MeterModel.code == choice["model"])
    query = query.where(_may_end_in_range(session, as_of, days, overdue))
    for found in streamed(session, query):
        since = found["install_date"] or found["ex_factory_date"]
        if since is None:
            continue
        end = add_years(since, found["using_life_years"])
        left = (end - as_of).days
        if left <= days and (overdue or left >= 0):
            yield {
                "meter": found["number"],
                "model": found["model"],
                "customer": found["customer"] or "",
                "stock_status": str(found["stock_status"]),
                "since": since,
                "life_years": found["using_life_years"],
                "end_of_life": end,
                "days_left": left,
            }


REPORT = Report(
    name="expiring-meters",
    section="5.2",
    title=tr_noop(CONTEXT, "Forecast report of expiring meters"),
    columns=COLUMNS,
    filters=FILTERS,
    rows=rows,
)
