"""``starpos admin tariff list|add|version|delete`` and ``starpos admin customer-type-charges``:
tariff schemes with dated versions (manual 2.12: flat, step, time of use) and the charges
a customer type collects (manual 2.3).

A rate is given as options: ``--flat PRICE``; ``--steps END:PRICE,...`` (kWh bought this
month, the last END empty: ``200:0.10,500:0.15,:0.20``); or time of use: ``--tou-prices
T1,T2,T3,T4`` with ``--day N=HH:MM/INDEX,...`` (day tariff N switches to T-INDEX at each
time), ``--week N=D1,...,D7`` (week tariff N's day tariffs Monday to Sunday), ``--season
MM-DD=WEEK`` and ``--holiday MM-DD=DAY`` (or ``YYYY-MM-DD=DAY``), each repeatable.
"""

from __future__ import annotations

import argparse
from datetime import datetime, time
from typing import Any

from starpos import pricing
from starpos.bootstrap.database import open_database
from starpos.commands._output import (
    ENERGY,
    UNIT_PRICE,
    UsageError,
    number,
    parse_number,
    print_json,
)
from starpos.commands.admin.common import acting, add_operator_options, done
from starpos.db.enums import ChargeOccasion
from starpos.masterdata.customer_type_charges import charges_of, set_charges
from starpos.masterdata.tariffs import (
    add_tariff_scheme,
    add_tariff_version,
    delete_tariff_scheme,
    list_tariffs,
)
from starpos.pricing.tariffs import FlatRate, Step, StepRate, TouRate
from starpos.pricing.tou import DaySwitch, DayTariff, Holiday, Season, TouScheme, WeekTariff


def register(actions: Any) -> None:
    tariff = actions.add_parser("tariff", help="tariff schemes and their dated versions")
    sub = tariff.add_subparsers(dest="tariff_action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="schemes with their versions")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    adding = sub.add_parser("add", help="a new scheme with its first version")
    adding.add_argument("code")
    adding.add_argument("--name", default="")
    _rate_options(adding)
    adding.set_defaults(handler=_add)
    version = sub.add_parser("version", help="a new price from a date on (a new version)")
    version.add_argument("code")
    _rate_options(version)
    version.set_defaults(handler=_version)
    deleting = sub.add_parser("delete", help="delete a scheme no meter and no sale uses")
    deleting.add_argument("code")
    add_operator_options(deleting)
    deleting.add_argument("--json", action="store_true")
    deleting.set_defaults(handler=_delete)

    charges = actions.add_parser(
        "customer-type-charges", help="the charge items a customer type collects"
    )
    sub = charges.add_subparsers(dest="charges_action", required=True, metavar="ACTION")
    showing = sub.add_parser("show", help="a type's charge items by occasion")
    showing.add_argument("type")
    showing.add_argument("--json", action="store_true")
    showing.set_defaults(handler=_show_charges)
    setting = sub.add_parser("set", help="replace a type's charge items for one occasion")
    setting.add_argument("type")
    setting.add_argument("--occasion", choices=[o.value for o in ChargeOccasion], required=True)
    setting.add_argument("--items", default="", help="charge item codes, comma separated")
    add_operator_options(setting)
    setting.add_argument("--json", action="store_true")
    setting.set_defaults(handler=_set_charges)


def _rate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="effective_from",
        type=_moment,
        required=True,
        help="in force from (utility's local time): YYYY-MM-DD or YYYY-MM-DDTHH:MM",
    )
    parser.add_argument("--flat", type=number(UNIT_PRICE), help="flat price per kWh")
    parser.add_argument("--steps", type=_steps, help="step tariff END:PRICE,... (kWh a month)")
    parser.add_argument("--tou-prices", type=_prices, help="time of use: T1,T2,T3,T4 prices")
    parser.add_argument("--day", action="append", default=[], help="N=HH:MM/INDEX,...")
    parser.add_argument("--week", action="append", default=[], help="N=D1,...,D7")
    parser.add_argument("--season", action="append", default=[], help="MM-DD=WEEK")
    parser.add_argument("--holiday", action="append", default=[], help="[YYYY-]MM-DD=DAY")
    add_operator_options(parser)
    parser.add_argument("--json", action="store_true")


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not YYYY-MM-DD[THH:MM]") from error


def _steps(text: str) -> StepRate:
    steps = []
    for part in text.split(","):
        end, _, price = part.partition(":")
        if not price:
            raise argparse.ArgumentTypeError(f"a step is END:PRICE, not {part!r}")
        steps.append(
            Step(parse_number(end, ENERGY) if end else None, parse_number(price, UNIT_PRICE))
        )
    return StepRate(tuple(steps))


def _prices(text: str) -> tuple[Any, ...]:
    prices = tuple(parse_number(part, UNIT_PRICE) for part in text.split(","))
    if len(prices) != 4:
        raise argparse.ArgumentTypeError("give four prices T1,T2,T3,T4")
    return prices


def _pair(text: str) -> tuple[str, str]:
    key, sign, value = text.partition("=")
    if not sign or not key or not value:
        raise UsageError(f"{text!r}: give KEY=VALUE")
    return key.strip(), value.strip()


def _int(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise UsageError(f"{text!r} is not a whole number")
    return int(text)


def _tou(args: argparse.Namespace) -> TouScheme:
    days = []
    for text in args.day:
        key, value = _pair(text)
        switches = []
        for part in value.split(","):
            at, _, index = part.partition("/")
            try:
                start = time.fromisoformat(at)
            except ValueError as error:
                raise UsageError(f"{at!r} is not HH:MM") from error
            switches.append(DaySwitch(start, _int(index)))
        days.append(DayTariff(_int(key), tuple(switches)))
    weeks = []
    for text in args.week:
        key, value = _pair(text)
        numbers = tuple(_int(part) for part in value.split(","))
        if len(numbers) != 7:
            raise UsageError(f"{text!r}: a week tariff has 7 day tariffs")
        weeks.append(WeekTariff(_int(key), numbers))
    seasons = []
    for text in args.season:
        key, value = _pair(text)
        month, _, day = key.partition("-")
        seasons.append(Season(_int(month), _int(day), _int(value)))
    holidays = []
    for text in args.holiday:
        key, value = _pair(text)
        parts = key.split("-")
        year = _int(parts[0]) if len(parts) == 3 else None
        holidays.append(Holiday(_int(parts[-2]), _int(parts[-1]), _int(value), year))
    return TouScheme(args.tou_prices, tuple(days), tuple(weeks), tuple(seasons), tuple(holidays))


def _rate(args: argparse.Namespace) -> pricing.tariffs.Rate:
    given = [args.flat is not None, args.steps is not None, args.tou_prices is not None]
    if sum(given) != 1:
        raise UsageError("give one rate: --flat, --steps or --tou-prices")
    if args.flat is not None:
        return FlatRate(args.flat)
    if args.steps is not None:
        steps: StepRate = args.steps
        return steps
    return TouRate(_tou(args))


def _list(args: argparse.Namespace) -> int:
    with open_database() as database:
        tariffs = list_tariffs(database)
    if args.json:
        print_json(tariffs)
        return 0
    for tariff in tariffs:
        versions = ", ".join(
            f"{v['kind']} {v['effective_from']:%Y-%m-%d %H:%M}" for v in tariff["versions"]
        )
        print(f"{tariff['code']:<12} {tariff['name']:<32} {versions}")
    return 0


def _add(args: argparse.Namespace) -> int:
    rate = _rate(args)
    with open_database() as database:
        add_tariff_scheme(
            database, acting(database, args), args.code, args.name, args.effective_from, rate
        )
    return done(args, f"tariff {args.code.upper()}", {"code": args.code.upper()})


def _version(args: argparse.Namespace) -> int:
    rate = _rate(args)
    with open_database() as database:
        add_tariff_version(
            database, acting(database, args), args.code.upper(), args.effective_from, rate
        )
    return done(args, f"tariff {args.code.upper()}", {"code": args.code.upper()})


def _delete(args: argparse.Namespace) -> int:
    with open_database() as database:
        delete_tariff_scheme(database, acting(database, args), args.code)
    return done(args, f"tariff {args.code.upper()}", {"deleted": args.code.upper()})


def _show_charges(args: argparse.Namespace) -> int:
    with open_database() as database:
        charges = charges_of(database, args.type)
    if args.json:
        print_json(charges)
    else:
        for occasion, codes in charges.items():
            print(f"{occasion:<14} {','.join(codes) or '-'}")
    return 0


def _set_charges(args: argparse.Namespace) -> int:
    items = [code for code in args.items.split(",") if code.strip()]
    with open_database() as database:
        set_charges(
            database, acting(database, args), args.type, ChargeOccasion(args.occasion), items
        )
    return done(args, f"customer-type-charges {args.type.upper()}", {"items": items})
