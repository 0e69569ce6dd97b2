"""``starpos db``: create, upgrade and inspect the local database."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from starpos.bill_numbers import NumberingContext, next_number
from starpos.cli import print_json
from starpos.db import Database, migrate
from starpos.db.engine import database_url
from starpos.i18n import translate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="create, upgrade and inspect the local database")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    init = actions.add_parser("init", help="create the database (or upgrade it) in the data folder")
    init.set_defaults(handler=_upgrade)
    upgrade = actions.add_parser("upgrade", help="bring the database schema up to date")
    upgrade.set_defaults(handler=_upgrade)

    status = actions.add_parser("status", help="where the database is and its schema version")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    number = actions.add_parser("number", help="allocate bill numbers (scripting and tests)")
    number.add_argument("bill_type")
    number.add_argument("--count", type=int, default=1)
    number.add_argument("--sales-point", default="")
    number.add_argument("--json", action="store_true")
    number.set_defaults(handler=_number)


def _upgrade(args: argparse.Namespace) -> int:
    with Database.open() as database:
        revision = database.schema_revision()
    print(translate("cli", "Database ready at schema {revision}.").format(revision=revision))
    return 0


def _status(args: argparse.Namespace) -> int:
    with Database.open(upgrade=False) as database:
        current = database.schema_revision()
    head = migrate.head_revision()
    status = {
        "url": database_url(),
        "revision": current,
        "head": head,
        "up_to_date": current == head,
    }
    if args.json:
        print_json(status)
    else:
        for key, value in status.items():
            print(f"{key}: {value}")
    return 0


def _number(args: argparse.Namespace) -> int:
    numbers = []
    with Database.open() as database:
        for _ in range(args.count):
            # One transaction per number, as a sale takes one: the real contention.
            with database.unit_of_work() as uow:
                context = NumberingContext(datetime.now(), sales_point_code=args.sales_point)
                numbers.append(next_number(uow.session, args.bill_type, context))
                uow.commit()
    if args.json:
        print_json({"numbers": numbers})
    else:
        print("\n".join(numbers))
    return 0
