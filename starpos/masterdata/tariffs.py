"""Changing prices: a new dated version of a tariff scheme, audited as a price change.

Old versions are never edited, so every past sale keeps the price it was made with; the
version in force at a sale is the latest one starting at or before it (local wall clock).
The rate is given as the pricing's own dataclasses, which validate it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from starpos import pricing
from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import TariffKind
from starpos.db.models import (
    TariffScheme,
    TariffStep,
    TariffVersion,
    TouDaySwitch,
    TouHoliday,
    TouPrice,
    TouSeason,
    TouWeekDay,
)
from starpos.errors import PricingError
from starpos.operators import permissions
from starpos.operators.session import OperatorSession


class UnknownTariffError(PricingError):
    code = "pricing.unknown_tariff"
    template = "There is no tariff {code}. Choose one from the tariff schemes."


class TariffVersionExistsError(PricingError):
    code = "pricing.version_exists"
    template = (
        "Tariff {code} already has a version starting at {when}. Choose another start time; "
        "versions in force are never changed."
    )


def _version(
    effective_from: datetime, rate: pricing.tariffs.Rate
) -> tuple[TariffVersion, dict[str, Any]]:
    if isinstance(rate, pricing.FlatRate):
        return (
            TariffVersion(
                effective_from=effective_from, kind=TariffKind.FLAT, flat_price=rate.price
            ),
            {"flat_price": rate.price},
        )
    if isinstance(rate, pricing.StepRate):
        version = TariffVersion(effective_from=effective_from, kind=TariffKind.STEP)
        for position, block in enumerate(rate.blocks(), start=1):
            version.steps.append(
                TariffStep(
                    position=position,
                    lower_kwh=block.start_kwh,
                    upper_kwh=block.end_kwh,
                    price=block.price,
                )
            )
        return version, {"steps": [[s.end_kwh, s.price] for s in rate.steps]}
    scheme = rate.scheme
    version = TariffVersion(effective_from=effective_from, kind=TariffKind.TOU)
    version.tou_prices = [
        TouPrice(tariff_index=index, price=price)
        for index, price in enumerate(scheme.prices, start=1)
    ]
    version.tou_day_switches = [
        TouDaySwitch(
            day_tariff=day.number,
            start_minute=switch.start.hour * 60 + switch.start.minute,
            tariff_index=switch.tariff_index,
        )
        for day in scheme.day_tariffs
        for switch in day.switches
    ]
    version.tou_week_days = [
        TouWeekDay(week_tariff=week.number, weekday=weekday, day_tariff=day_tariff)
        for week in scheme.week_tariffs
        for weekday, day_tariff in enumerate(week.days)
    ]
    version.tou_seasons = [
        TouSeason(month=s.month, day=s.day, week_tariff=s.week_tariff) for s in scheme.seasons
    ]
    version.tou_holidays = [
        TouHoliday(month=h.month, day=h.day, year=h.year, day_tariff=h.day_tariff)
        for h in scheme.holidays
    ]
    return version, {"tou_prices": list(scheme.prices)}


def add_tariff_version(
    database: Database,
    by: OperatorSession,
    scheme_code: str,
    effective_from: datetime,
    rate: pricing.tariffs.Rate,
) -> None:
    """Give ``scheme_code`` a new price from ``effective_from`` (utility local time)."""
    by.require(permissions.CHANGE_PRICES)
    with database.unit_of_work() as uow:
        session = uow.session
        scheme = session.scalars(
            select(TariffScheme).where(TariffScheme.code == scheme_code)
        ).first()
        if scheme is None:
            raise UnknownTariffError(code=scheme_code)
        clash = session.scalars(
            select(TariffVersion.id).where(
                TariffVersion.scheme_id == scheme.id,
                TariffVersion.effective_from == effective_from,
            )
        ).first()
        if clash is not None:
            raise TariffVersionExistsError(code=scheme_code, when=effective_from.isoformat(" "))
        version, described = _version(effective_from, rate)
        scheme.versions.append(version)
        append(
            session,
            AuditKind.PRICE_CHANGE,
            subject=f"tariff:{scheme_code}",
            details={"effective_from": effective_from, "kind": str(version.kind), **described},
            actor=by.actor,
        )
        uow.commit()


def add_tariff_scheme(
    database: Database,
    by: OperatorSession,
    scheme_code: str,
    name: str,
    effective_from: datetime,
    rate: pricing.tariffs.Rate,
) -> None:
    """A new tariff scheme with its first version (in force from ``effective_from``)."""
    from starpos.masterdata.changes import check_code, refuse_taken
    from starpos.masterdata.terms import TARIFF

    by.require(permissions.CHANGE_PRICES)
    scheme_code = check_code(scheme_code)
    with database.unit_of_work() as uow:
        session = uow.session
        refuse_taken(session, TariffScheme, scheme_code, TARIFF)
        scheme = TariffScheme(code=scheme_code, name=name.strip() or scheme_code)
        version, described = _version(effective_from, rate)
        scheme.versions.append(version)
        session.add(scheme)
        append(
            session,
            AuditKind.PRICE_CHANGE,
            subject=f"tariff:{scheme_code}",
            details={
                "action": "added",
                "name": scheme.name,
                "effective_from": effective_from,
                "kind": str(version.kind),
                **described,
            },
            actor=by.actor,
        )
        uow.commit()


def delete_tariff_scheme(database: Database, by: OperatorSession, scheme_code: str) -> None:
    """Delete a tariff no meter uses and no sale was priced with."""
    from sqlalchemy import func

    from starpos.db.models import Meter, Vend
    from starpos.masterdata import terms
    from starpos.masterdata.changes import refuse_in_use

    by.require(permissions.CHANGE_PRICES)
    scheme_code = scheme_code.strip().upper()
    with database.unit_of_work() as uow:
        session = uow.session
        scheme = session.scalars(
            select(TariffScheme).where(TariffScheme.code == scheme_code)
        ).first()
        if scheme is None:
            raise UnknownTariffError(code=scheme_code)
        meters = session.scalar(
            select(func.count()).select_from(Meter).where(Meter.tariff_scheme_id == scheme.id)
        )
        refuse_in_use(terms.TARIFF, scheme_code, int(meters or 0), terms.METERS)
        version_ids = [version.id for version in scheme.versions]
        sales = session.scalar(
            select(func.count()).select_from(Vend).where(Vend.tariff_version_id.in_(version_ids))
        )
        refuse_in_use(terms.TARIFF, scheme_code, int(sales or 0), terms.SALES)
        for version in scheme.versions:
            session.delete(version)
        session.delete(scheme)
        append(
            session,
            AuditKind.PRICE_CHANGE,
            subject=f"tariff:{scheme_code}",
            details={"action": "deleted"},
            actor=by.actor,
        )
        uow.commit()


def tariff_overview(database: Database) -> list[dict[str, Any]]:
    """Every scheme as the administration lists it: the version in force now (utility
    local time), the next dated one (a backup tariff waiting for its date), how many
    versions it has and how many meters use it."""
    from sqlalchemy import func

    from starpos.db.models import Meter
    from starpos.db.parameters import SystemParametersMissingError, utility_now

    with database.reading() as session:
        try:
            now = utility_now(session)
        except SystemParametersMissingError:  # no company yet: this computer's clock
            now = datetime.now()
        meters = dict(
            session.execute(
                select(Meter.tariff_scheme_id, func.count())
                .where(Meter.tariff_scheme_id.is_not(None))
                .group_by(Meter.tariff_scheme_id)
            ).all()
        )
        rows = []
        for scheme in session.scalars(select(TariffScheme).order_by(TariffScheme.code)):
            versions = sorted(scheme.versions, key=lambda v: v.effective_from)
            started = [v for v in versions if v.effective_from <= now]
            waiting = [v for v in versions if v.effective_from > now]
            in_force = started[-1] if started else None
            rows.append(
                {
                    "code": scheme.code,
                    "name": scheme.name,
                    "kind": str((in_force or versions[0]).kind) if versions else "",
                    "version": len(started),
                    "versions": len(versions),
                    "effective_from": in_force.effective_from if in_force else None,
                    "next_from": waiting[0].effective_from if waiting else None,
                    "meters": int(meters.get(scheme.id, 0)),
                }
            )
        return rows


def tariff_of(database: Database, scheme_code: str) -> pricing.Tariff:
    """``scheme_code`` with every version, as the pricing takes it."""
    from starpos.masterdata.pricing_inputs import tariff

    with database.reading() as session:
        scheme_id = session.scalars(
            select(TariffScheme.id).where(TariffScheme.code == scheme_code.strip().upper())
        ).first()
        if scheme_id is None:
            raise UnknownTariffError(code=scheme_code)
        return tariff(session, scheme_id)


def list_tariffs(database: Database) -> list[dict[str, Any]]:
    """Every scheme with its versions (start, kind), by code."""
    with database.reading() as session:
        return [
            {
                "code": scheme.code,
                "name": scheme.name,
                "versions": [
                    {"effective_from": v.effective_from, "kind": str(v.kind)}
                    for v in scheme.versions
                ],
            }
            for scheme in session.scalars(select(TariffScheme).order_by(TariffScheme.code))
        ]
