"""``starpos admin customer``: register a customer with meters from stock (manual 3.3),
import a CSV file of customers with their meters, cancel a meter contract (manual 4.4),
blacklist and reinstate (manual 4.3). Listing and showing: ``starpos customer``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError
from starpos.commands.admin.common import acting, add_operator_options, done, print_problems
from starpos.db.enums import CustomerStatus
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.customer_import import import_customers
from starpos.masterdata.registration import (
    MeterContract,
    cancel_meter_contract,
    register_with_meters,
    set_customer_status,
)


def register(actions: Any) -> None:
    customer = actions.add_parser("customer", help="register, import, cancel, blacklist")
    sub = customer.add_subparsers(dest="customer_action", required=True, metavar="ACTION")

    registering = sub.add_parser("register", help="a customer with meters from stock")
    registering.add_argument("--name", required=True)
    registering.add_argument("--type", required=True, help="customer type code")
    registering.add_argument(
        "--meter",
        action="append",
        required=True,
        help="METER_NUMBER:TARIFF_CODE, repeat for more meters",
    )
    registering.add_argument("--code", help="customer code (default: the numbering rule's)")
    registering.add_argument("--address", default="")
    registering.add_argument("--telephone", default="")
    registering.add_argument("--id-number")
    registering.add_argument("--region", help="region code")
    add_operator_options(registering)
    registering.add_argument("--json", action="store_true")
    registering.set_defaults(handler=_register)

    importing = sub.add_parser("import", help="customers with their meters from a CSV file")
    importing.add_argument("file", type=Path)
    add_operator_options(importing)
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(handler=_import)

    cancelling = sub.add_parser("cancel-contract", help="end a meter's contract (back to stock)")
    cancelling.add_argument("meter")
    add_operator_options(cancelling)
    cancelling.add_argument("--json", action="store_true")
    cancelling.set_defaults(handler=_cancel)

    for action, status in (
        ("blacklist", CustomerStatus.BLACKLISTED),
        ("reinstate", CustomerStatus.ACTIVE),
    ):
        changing = sub.add_parser(action, help=f"{action} a customer, with the reason")
        changing.add_argument("code")
        changing.add_argument("--reason", required=True)
        add_operator_options(changing)
        changing.add_argument("--json", action="store_true")
        changing.set_defaults(handler=_status, status=status)


def _contract(text: str) -> MeterContract:
    number, sign, tariff = text.partition(":")
    if not sign or not number or not tariff:
        raise UsageError(f"--meter {text!r}: give METER_NUMBER:TARIFF_CODE")
    return MeterContract(number.strip(), tariff.strip())


def _register(args: argparse.Namespace) -> int:
    contracts = [_contract(text) for text in args.meter]
    with open_database() as database:
        code = register_with_meters(
            database,
            acting(database, args),
            name=args.name,
            customer_type_code=args.type,
            meters=contracts,
            address=args.address,
            telephone=args.telephone,
            id_number=args.id_number,
            region_code=args.region,
            code=args.code,
        )
    return done(args, f"customer {code}", {"code": code})


def _import(args: argparse.Namespace) -> int:
    with open_database() as database:
        by = acting(database, args)
        try:
            result = import_customers(database, by, args.file)
        except CsvRefusedError as refusal:
            print_problems(args, refusal)
            raise
    return done(
        args,
        f"{result.customers} customers, {result.meters} meters",
        {"customers": result.customers, "meters": result.meters},
    )


def _cancel(args: argparse.Namespace) -> int:
    with open_database() as database:
        bill = cancel_meter_contract(database, acting(database, args), args.meter)
    return done(args, f"contract of {args.meter} ({bill})", {"bill": bill})


def _status(args: argparse.Namespace) -> int:
    with open_database() as database:
        set_customer_status(database, acting(database, args), args.code, args.status, args.reason)
    return done(args, f"customer {args.code}", {"status": str(args.status)})
