"""Tariff versions in force at the sale time, and TOU indexes (manual 2.12 A)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time
from decimal import Decimal

import pytest

from starpos.pricing import (
    DaySwitch,
    DayTariff,
    FlatRate,
    Holiday,
    Season,
    Tariff,
    TariffVersion,
    TouRate,
    TouScheme,
    WeekTariff,
    price_from_net,
    tariff_index_at,
)
from starpos.pricing.errors import InvalidPricingRuleError, TariffNotInForceError
from tests.unit.pricing.pricing_sales import SALE_TIME, context

D = Decimal

# The manual's example: T1 1:00-8:00, T3 8:00-18:00, T4 18:00-22:00, T2 22:00-1:00;
# week tariff 1 from May 1st, week tariff 2 (day tariff 2 on weekends) from November 1st;
# January 1st, May 1st and October 1st use day tariff 2.
SCHEME = TouScheme(
    prices=(D("0.6"), D("0.75"), D("1.0"), D("1.3")),
    day_tariffs=(
        DayTariff(
            1,
            (
                DaySwitch(time(1), 1),
                DaySwitch(time(8), 3),
                DaySwitch(time(18), 4),
                DaySwitch(time(22), 2),
            ),
        ),
        DayTariff(2, (DaySwitch(time(0), 2),)),
    ),
    week_tariffs=(WeekTariff(1, (1, 1, 1, 1, 1, 1, 1)), WeekTariff(2, (1, 1, 1, 1, 1, 2, 2))),
    seasons=(Season(5, 1, 1), Season(11, 1, 2)),
    holidays=(Holiday(1, 1, 2), Holiday(5, 1, 2), Holiday(10, 1, 2)),
)


@pytest.mark.parametrize(
    ("when", "index"),
    [
        (datetime(2026, 6, 3, 0, 30), 2),  # before 1:00 the day's last switch (T2) runs
        (datetime(2026, 6, 3, 7, 59), 1),
        (datetime(2026, 6, 3, 8, 0), 3),
        (datetime(2026, 6, 3, 20, 0), 4),
        (datetime(2026, 6, 3, 23, 0), 2),
        (datetime(2026, 6, 6, 12, 0), 3),  # a summer Saturday: week tariff 1
        (datetime(2026, 1, 17, 12, 0), 2),  # a January Saturday: still November's season
        (datetime(2026, 1, 16, 12, 0), 3),  # a January Friday
        (datetime(2026, 5, 1, 12, 0), 2),  # a holiday wins over the week
    ],
)
def test_the_tou_index_at_a_moment(when: datetime, index: int) -> None:
    assert tariff_index_at(SCHEME, when) == index


def test_an_empty_scheme_is_t1_all_the_time() -> None:
    scheme = TouScheme(prices=(D(1), D(2), D(3), D(4)))
    assert tariff_index_at(scheme, datetime(2026, 12, 25, 19, 0)) == 1


def test_a_scheme_naming_an_undefined_day_tariff_is_a_setup_error() -> None:
    scheme = TouScheme(prices=(D(1), D(2), D(3), D(4)), holidays=(Holiday(3, 14, 5),))
    with pytest.raises(InvalidPricingRuleError):
        tariff_index_at(scheme, SALE_TIME)


def test_a_tou_meter_is_credited_at_the_price_in_force_at_the_sale() -> None:
    tariff = Tariff("TOU", (TariffVersion(datetime(2020, 1, 1), TouRate(SCHEME)),))
    # 14 March 2026, a Saturday in November's season at 10:30: day tariff 2, T2 at 0.75
    assert price_from_net(D(75), context(tariff=tariff)).energy_kwh == D("100.0")


def test_the_version_in_force_at_the_sale_time_prices_it() -> None:
    tariff = Tariff(
        "FLAT",
        (
            TariffVersion(datetime(2020, 1, 1), FlatRate(D("1.00"))),
            TariffVersion(datetime(2026, 3, 14, 10, 0), FlatRate(D("2.00"))),
        ),
    )
    sale = context(tariff=tariff)
    assert price_from_net(D(100), sale).energy_kwh == D("50.0")
    earlier = replace(sale, at=datetime(2026, 3, 14, 9, 59))
    assert price_from_net(D(100), earlier).energy_kwh == D("100.0")
    with pytest.raises(TariffNotInForceError):
        price_from_net(D(100), replace(sale, at=datetime(2019, 12, 31)))
