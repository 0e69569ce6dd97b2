"""The shared read every layer of the core needs: system parameters and the utility clock.

Months, years, tariff versions, bill-number prefixes and an operator's lockout all follow
the utility's local wall clock (system parameters' time zone), the same clock the secure
module's TIDs count in; moments are stored in UTC. It lives with the store, below every
core package (operators included), so none of them has to reach up for the time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from starpos.db.models import SystemParameters
from starpos.errors import ConfigError


class SystemParametersMissingError(ConfigError):
    code = "config.system_parameters_missing"
    template = (
        "The system parameters (company, currency, time zone) are not set up. An "
        "administrator must fill them in first, or run: starpos demo seed"
    )


class UnknownTimeZoneError(ConfigError):
    code = "config.unknown_time_zone"
    template = (
        "The time zone {zone} in the system parameters is unknown. Use a name like Africa/Lagos."
    )


def system_parameters(session: Session) -> SystemParameters:
    parameters = session.get(SystemParameters, 1)
    if parameters is None:
        raise SystemParametersMissingError()
    return parameters


def utility_zone(session: Session) -> ZoneInfo:
    return _zone(system_parameters(session).time_zone)


# One column with a plain statement: the vend's PENDING commit asks for the clock every sale.
_READ_ZONE = select(cast(Table, SystemParameters.__table__).c.time_zone).where(
    cast(Table, SystemParameters.__table__).c.id == 1
)


def utility_now_core(session: Session) -> datetime:
    """:func:`utility_now` reading only the time zone column (no ORM load of the row)."""
    zone = session.connection().execute(_READ_ZONE).scalar_one_or_none()
    if zone is None:
        raise SystemParametersMissingError()
    return datetime.now(UTC).astimezone(_zone(zone)).replace(tzinfo=None)


def _zone(zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise UnknownTimeZoneError(zone=zone) from error


def to_local(session: Session, moment: datetime) -> datetime:
    """``moment`` (aware) as the utility's naive local wall-clock time."""
    return moment.astimezone(utility_zone(session)).replace(tzinfo=None)


def to_utc(session: Session, local: datetime) -> datetime:
    """A naive local wall-clock time of the utility as an aware UTC moment."""
    return local.replace(tzinfo=utility_zone(session)).astimezone(UTC)


def utility_now(session: Session, now: datetime | None = None) -> datetime:
    """The utility's local wall-clock time now (naive)."""
    return to_local(session, now or datetime.now(UTC))
