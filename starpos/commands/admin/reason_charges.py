"""``starpos admin replacement-reason charges show|set``: the charge items a meter
replacement reason costs (manual 2.4), kept as a customer type's charges are
(``starpos admin customer-type-charges``)."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import left, print_json
from starpos.commands.admin.common import acting, add_operator_options, done
from starpos.masterdata.replacement_reason_charges import (
    all_reason_charges,
    reason_charges_of,
    set_reason_charges,
)


def register_reason_charges(kind_actions: Any) -> None:
    """``charges`` under ``starpos admin replacement-reason``."""
    charges = kind_actions.add_parser("charges", help="the charge items a reason costs")
    sub = charges.add_subparsers(dest="charges_action", required=True, metavar="ACTION")
    showing = sub.add_parser("show", help="a reason's charge items (every reason's without one)")
    showing.add_argument("reason", nargs="?")
    showing.add_argument("--json", action="store_true")
    showing.set_defaults(handler=_show)
    setting = sub.add_parser("set", help="replace a reason's charge items")
    setting.add_argument("reason")
    setting.add_argument("--items", default="", help="charge item codes, comma separated")
    add_operator_options(setting)
    setting.add_argument("--json", action="store_true")
    setting.set_defaults(handler=_set)


def _show(args: argparse.Namespace) -> int:
    with open_database() as database:
        if args.reason:
            found = {args.reason.strip().upper(): reason_charges_of(database, args.reason)}
        else:
            found = all_reason_charges(database)
    if args.json:
        print_json(found)
    else:
        for reason, codes in found.items():
            print(f"{left(reason, 12)} {','.join(codes) or '-'}")
    return 0


def _set(args: argparse.Namespace) -> int:
    items = [code for code in args.items.split(",") if code.strip()]
    with open_database() as database:
        stored = set_reason_charges(database, acting(database, args), args.reason, items)
    return done(args, f"replacement-reason charges {args.reason.upper()}", {"items": stored})
