"""Time-of-use (TOU) schemes, as stored for meters that apply them (manual 2.12 A).

A scheme maps a moment to one of four tariff indexes T1..T4, each with a price:

- a *day tariff* (up to 8, numbered 1..8) switches index at given times of day and
  cycles: before its first switch time its last switch is in force (the manual's T2 from
  22:00 to 1:00);
- a *week tariff* (up to 8) names the day tariff of each weekday, Monday first;
- *seasons* name the week tariff from a month and day on, cycling over the year;
- *holidays* name a day tariff for a date and win over the week and season.

Missing parts take the manual's defaults: day tariff 1 is T1 all day, week tariff 1 uses
day tariff 1 every day, no season means week tariff 1 all year, no holidays. Times are the
vending system's local wall clock (the same clock as the token's TID).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from starpos.pricing.errors import InvalidPricingRuleError

TARIFF_INDEXES = (1, 2, 3, 4)
PROPOSAL_NUMBERS = range(1, 9)


@dataclass(frozen=True)
class DaySwitch:
    """From ``start`` (time of day) the index ``tariff_index`` (1..4) is in force."""

    start: time
    tariff_index: int


@dataclass(frozen=True)
class Season:
    """From ``month``/``day`` each year on, week tariff ``week_tariff`` (1..8) applies."""

    month: int
    day: int
    week_tariff: int


@dataclass(frozen=True)
class Holiday:
    """On ``month``/``day`` (every year, or only ``year``) day tariff ``day_tariff`` applies."""

    month: int
    day: int
    day_tariff: int
    year: int | None = None

    def falls_on(self, when: date) -> bool:
        return (when.month, when.day) == (self.month, self.day) and self.year in (None, when.year)


@dataclass(frozen=True)
class DayTariff:
    """Day tariff proposal ``number`` (1..8): the index switches at these times."""

    number: int
    switches: tuple[DaySwitch, ...]


@dataclass(frozen=True)
class WeekTariff:
    """Week tariff proposal ``number`` (1..8): the day tariff of each weekday, Monday first."""

    number: int
    days: tuple[int, int, int, int, int, int, int]


@dataclass(frozen=True)
class TouScheme:
    """A whole TOU scheme. ``prices`` are T1..T4 in currency per kWh."""

    prices: tuple[Decimal, Decimal, Decimal, Decimal]
    day_tariffs: tuple[DayTariff, ...] = ()
    week_tariffs: tuple[WeekTariff, ...] = ()
    seasons: tuple[Season, ...] = ()
    holidays: tuple[Holiday, ...] = ()

    def __post_init__(self) -> None:
        if len(self.prices) != 4 or any(price <= 0 for price in self.prices):
            raise InvalidPricingRuleError(name="TOU prices", reason="give four positive prices")
        for day in self.day_tariffs:
            if day.number not in PROPOSAL_NUMBERS or not day.switches:
                raise InvalidPricingRuleError(
                    name=f"day tariff {day.number}", reason="numbered 1..8 with switches"
                )
            if any(switch.tariff_index not in TARIFF_INDEXES for switch in day.switches):
                raise InvalidPricingRuleError(
                    name=f"day tariff {day.number}", reason="an index is not T1..T4"
                )
        for week in self.week_tariffs:
            if week.number not in PROPOSAL_NUMBERS or len(week.days) != 7:
                raise InvalidPricingRuleError(
                    name=f"week tariff {week.number}", reason="numbered 1..8 with 7 days"
                )

    def day_switches(self, number: int) -> tuple[DaySwitch, ...]:
        for day in self.day_tariffs:
            if day.number == number:
                return tuple(sorted(day.switches, key=lambda switch: switch.start))
        if number != 1:
            raise InvalidPricingRuleError(name=f"day tariff {number}", reason="it is not defined")
        return (DaySwitch(time(0), 1),)

    def week_days(self, number: int) -> tuple[int, ...]:
        for week in self.week_tariffs:
            if week.number == number:
                return week.days
        if number != 1:
            raise InvalidPricingRuleError(name=f"week tariff {number}", reason="it is not defined")
        return (1,) * 7


def _week_tariff_on(scheme: TouScheme, when: date) -> int:
    if not scheme.seasons:
        return 1
    ordered = sorted(scheme.seasons, key=lambda season: (season.month, season.day))
    current = ordered[-1]  # before the first start the year's last season still runs
    for season in ordered:
        if (season.month, season.day) <= (when.month, when.day):
            current = season
    return current.week_tariff


def day_tariff_on(scheme: TouScheme, when: date) -> int:
    """The day tariff number in force on ``when`` (a holiday wins over the week)."""
    for holiday in scheme.holidays:
        if holiday.falls_on(when):
            return holiday.day_tariff
    return scheme.week_days(_week_tariff_on(scheme, when))[when.weekday()]


def tariff_index_at(scheme: TouScheme, when: datetime) -> int:
    """The index T1..T4 (as 1..4) in force at ``when``."""
    switches = scheme.day_switches(day_tariff_on(scheme, when.date()))
    current = switches[-1]
    for switch in switches:
        if switch.start <= when.time():
            current = switch
    return current.tariff_index


def price_at(scheme: TouScheme, when: datetime) -> Decimal:
    """The price per kWh in force at ``when``."""
    return scheme.prices[tariff_index_at(scheme, when) - 1]
