"""``starpos admin meter``: meters into stock by serial-number range or CSV file (manual
3.1), deleted when stocked in by mistake; the other stock movements, a meter's status, the
stock list and a meter's history are in :mod:`.stock_movements`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import whole
from starpos.commands.admin.common import acting, add_operator_options, done, print_problems
from starpos.commands.admin.stock_movements import register_movements
from starpos.db.enums import MeterMedium
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.meter_import import import_meters
from starpos.masterdata.meter_ranges import stock_in_range
from starpos.masterdata.meter_stock import NewMeter
from starpos.masterdata.registration import delete_meter
from starpos.masterdata.stock_moves import stock_in_meter


def register(actions: Any) -> None:
    meter = actions.add_parser("meter", help="meter stock: in, out, status, list, history, delete")
    sub = meter.add_subparsers(dest="meter_action", required=True, metavar="ACTION")

    one = sub.add_parser("stock-in", help="one new meter (its own bill)")
    one.add_argument("number", help="the meter number (with its check digit)")
    one.add_argument("--model", required=True, help="meter model code")
    one.add_argument("--branch", required=True, help="branch code")
    add_key_options(one)
    add_operator_options(one)
    one.add_argument("--json", action="store_true")
    one.set_defaults(handler=_stock_in_one)

    ranged = sub.add_parser("stock-in-range", help="new meters FIRST to LAST (one bill)")
    ranged.add_argument("first", help="the first meter number (with its check digit)")
    ranged.add_argument("last", help="the last meter number")
    ranged.add_argument("--model", required=True, help="meter model code")
    ranged.add_argument("--branch", required=True, help="branch code")
    add_key_options(ranged)
    add_operator_options(ranged)
    ranged.add_argument("--json", action="store_true")
    ranged.set_defaults(handler=_stock_in_range)

    importing = sub.add_parser("import", help="new meters from a CSV file, all or none")
    importing.add_argument("file", type=Path)
    add_operator_options(importing)
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=_import)

    deleting = sub.add_parser("delete", help="delete a meter never installed or sold to")
    deleting.add_argument("number")
    add_operator_options(deleting)
    deleting.add_argument("--json", action="store_true")
    deleting.set_defaults(handler=_delete)

    register_movements(sub)


def add_key_options(parser: argparse.ArgumentParser) -> None:
    """The key data new meters are stocked in with (manual 3.1)."""
    parser.add_argument("--sgc", required=True, help="supply group code (6 digits)")
    parser.add_argument("--ti", type=whole(0, 99), required=True, help="tariff index")
    parser.add_argument("--krn", type=whole(1, 9), default=1, help="key revision number")
    parser.add_argument("--ken", type=whole(0, 255), default=255, help="key expiry number")
    parser.add_argument("--key-type", type=whole(0, 3), default=2)
    parser.add_argument("--dkga", default="02", help="key generation algorithm 02 or 04")
    parser.add_argument("--ea", default="07", help="encryption algorithm 07 or 11")
    parser.add_argument(
        "--base-date",
        type=whole(1993, 2035),
        default=1993,
        choices=(1993, 2014, 2035),
        help="TID base year",
    )
    parser.add_argument("--key-register", help="the module's key register for these meters")
    parser.add_argument("--medium", choices=[m.value for m in MeterMedium], default="keypad")
    parser.add_argument("--ex-factory-date", type=date.fromisoformat, help="YYYY-MM-DD")


def key_of(args: argparse.Namespace, number: str = "") -> NewMeter:
    """The key data :func:`add_key_options` read, for meter ``number``."""
    return NewMeter(
        number=number,
        sgc=args.sgc,
        ti=args.ti,
        krn=args.krn,
        ken=args.ken,
        key_type=args.key_type,
        dkga=args.dkga,
        ea=args.ea,
        tid_base_year=args.base_date,
        key_register=args.key_register,
        medium=MeterMedium(args.medium),
        ex_factory_date=args.ex_factory_date,
    )


def _stock_in_range(args: argparse.Namespace) -> int:
    key = key_of(args)
    with open_database() as database:
        result = stock_in_range(
            database,
            acting(database, args),
            args.first,
            args.last,
            model_code=args.model,
            branch_code=args.branch,
            key=key,
        )
    return done(args, f"stock in {result.bill_number}: {result.count} meters", vars(result))


def _stock_in_one(args: argparse.Namespace) -> int:
    with open_database() as database:
        result = stock_in_meter(
            database,
            acting(database, args),
            key_of(args, args.number),
            model_code=args.model,
            branch_code=args.branch,
        )
    return done(args, f"stock in {result.bill_number}: {result.first}", vars(result))


def _import(args: argparse.Namespace) -> int:
    with open_database() as database:
        by = acting(database, args)
        try:
            result = import_meters(database, by, args.file)
        except CsvRefusedError as refusal:
            print_problems(args, refusal)
            raise
    return done(
        args, f"{result.count} meters", {"count": result.count, "bills": list(result.bills)}
    )


def _delete(args: argparse.Namespace) -> int:
    with open_database() as database:
        delete_meter(database, acting(database, args), args.number)
    return done(args, f"meter {args.number}", {"deleted": args.number})
