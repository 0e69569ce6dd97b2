"""``starpos db``: create, upgrade and inspect the local database."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from starpos.bootstrap.database import database_url, open_database
from starpos.commands._output import print_json, show, whole
from starpos.db import migrate
from starpos.db.models import SystemParameters
from starpos.i18n import translate
from starpos.masterdata.bill_numbers import NumberingContext, next_number
from starpos.masterdata.parameters import utility_now


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
    number.add_argument("--count", type=whole(1, 1_000_000), default=1)
    number.add_argument("--sales-point", default="")
    number.add_argument("--json", action="store_true")
    number.set_defaults(handler=_number)

    bench = actions.add_parser(
        "bench", help="build a large store in an empty data folder and time meter lookups"
    )
    bench.add_argument("--customers", type=whole(1, 10_000_000), default=100_000)
    bench.add_argument("--vends", type=whole(0, 100_000_000), default=1_000_000)
    bench.add_argument("--lookups", type=whole(1, 10_000_000), default=5_000)
    bench.add_argument("--seed", type=whole(0, 2**63 - 1), default=1)
    bench.add_argument(
        "--lookups-only",
        action="store_true",
        help="only time lookups again on a database an earlier bench built",
    )
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)


def _upgrade(args: argparse.Namespace) -> int:
    with open_database() as database:
        revision = database.schema_revision()
    print(translate("cli", "Database ready at schema {revision}.").format(revision=revision))
    return 0


def _status(args: argparse.Namespace) -> int:
    with open_database(upgrade=False) as database:
        current = database.schema_revision()
    head = migrate.head_revision()
    status = {
        "url": database_url(),
        "revision": current,
        "head": head,
        "up_to_date": current == head,
    }
    return show(args, status)


def _number(args: argparse.Namespace) -> int:
    numbers = []
    with open_database() as database:
        for _ in range(args.count):
            # One transaction per number, as a sale takes one: the real contention.
            with database.unit_of_work() as uow:
                context = NumberingContext(
                    _utility_time(uow.session), sales_point_code=args.sales_point
                )
                numbers.append(next_number(uow.session, args.bill_type, context))
                uow.commit()
    if args.json:
        print_json({"numbers": numbers})
    else:
        print("\n".join(numbers))
    return 0


def _utility_time(session: Session) -> datetime:
    """The utility's local time, or this machine's when no system parameters exist yet."""
    if session.get(SystemParameters, 1) is None:
        return datetime.now()
    return utility_now(session)


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.store import remeasure, run_bench

    url = database_url()
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    with open_database() as database:
        if args.lookups_only:
            print_json(remeasure(database, lookups=args.lookups, seed=args.seed))
            return 0
        report = run_bench(
            database,
            customers=args.customers,
            vends=args.vends,
            lookups=args.lookups,
            seed=args.seed,
            path=path,
            progress=lambda text: print(text, file=sys.stderr, flush=True),
        )
    return show(args, report.as_dict())
