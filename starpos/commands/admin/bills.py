"""``starpos admin bill check|uncheck NUMBER``: checked bills (manual 3.1,
:mod:`starpos.masterdata.bill_checks`). A checked stock or registration bill does not
change; unchecking needs the permission ``uncheck``. Both are audited."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands.admin.common import acting, add_operator_options, done
from starpos.masterdata.bill_checks import check_bill, uncheck_bill


def register(actions: Any) -> None:
    bill = actions.add_parser("bill", help="check or uncheck a stock or registration bill (3.1)")
    sub = bill.add_subparsers(dest="bill_action", required=True, metavar="ACTION")
    for action, handler, text in (
        ("check", _check, "mark the bill checked: it no longer changes"),
        ("uncheck", _uncheck, "take the check off (permission uncheck)"),
    ):
        parser = sub.add_parser(action, help=text)
        parser.add_argument("number", help="the bill number")
        add_operator_options(parser)
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=handler)


def _check(args: argparse.Namespace) -> int:
    with open_database() as database:
        check_bill(database, acting(database, args), args.number)
    return done(args, f"bill {args.number.strip().upper()}", {"checked": True})


def _uncheck(args: argparse.Namespace) -> int:
    with open_database() as database:
        uncheck_bill(database, acting(database, args), args.number)
    return done(args, f"bill {args.number.strip().upper()}", {"checked": False})
