"""``starpos admin system|checklist|password|default-amounts``: the utility's system
parameters (manual 1.1), the set-up checklist, an operator's own password, and the
cashier's quick amounts (manual 1.9)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import MONEY, UsageError, label_lines, number, print_json, show, whole
from starpos.commands.admin.common import acting, add_operator_options, done
from starpos.i18n import tr_noop, translate
from starpos.masterdata.company import set_system_parameters, system_parameters_view
from starpos.masterdata.default_amounts import default_amounts, set_default_amounts
from starpos.masterdata.setup_checklist import LABELS, is_ready, setup_checklist
from starpos.masterdata.terminals import this_terminal_code
from starpos.operators.passwords import change_password
from starpos.settings import Settings

DONE_MARK = tr_noop("cli", "done")
TO_DO_MARK = tr_noop("cli", "to do")
READY = tr_noop("cli", "The utility is ready to sell.")
OLD_PASSWORD = tr_noop("cli", "Current password of {operator}: ")
NEW_PASSWORD = tr_noop("cli", "New password: ")
MESSAGES = (DONE_MARK, TO_DO_MARK, READY, OLD_PASSWORD, NEW_PASSWORD)

#: option -> (system parameter, reader)
_SYSTEM_OPTIONS: dict[str, tuple[str, Any]] = {
    "--company-name": ("company_name", str),
    "--address": ("company_address", str),
    "--telephone": ("telephone", str),
    "--fax": ("fax", str),
    "--tax-reference": ("tax_reference", str),
    "--currency": ("currency", str),
    "--amount-decimals": ("amount_decimals", whole(0, 2)),
    "--warn-amount": ("warn_amount", number(MONEY)),
    "--time-zone": ("time_zone", str),
    "--region-levels": ("region_levels", whole(1, 5)),
}


def register(actions: Any) -> None:
    system = actions.add_parser("system", help="system parameters (company, currency, clock)")
    sub = system.add_subparsers(dest="system_action", required=True, metavar="ACTION")
    showing = sub.add_parser("show", help="the saved system parameters")
    showing.add_argument("--json", action="store_true")
    showing.set_defaults(handler=_show_system)
    setting = sub.add_parser(
        "set", help="save system parameters (the first save needs --company-name and --currency)"
    )
    for option, (_, reader) in _SYSTEM_OPTIONS.items():
        setting.add_argument(option, type=reader)
    add_operator_options(setting)
    setting.add_argument("--json", action="store_true")
    setting.set_defaults(handler=_set_system)

    checklist = actions.add_parser("checklist", help="what is set up and what is not yet")
    checklist.add_argument("--json", action="store_true")
    checklist.set_defaults(handler=_checklist)

    password = actions.add_parser(
        "password", help="change an operator's own password (STAR's first one too)"
    )
    password.add_argument("--operator", help="operator code (default $STARPOS_OPERATOR)")
    password.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the current password, then the new one, from standard input (two lines)",
    )
    password.add_argument("--json", action="store_true")
    password.set_defaults(handler=_password)

    amounts = actions.add_parser("default-amounts", help="the cashier's quick amounts")
    sub = amounts.add_subparsers(dest="amounts_action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="the amounts, in key order")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list_amounts)
    setting = sub.add_parser("set", help="replace them (F1, F2, ... in this order)")
    setting.add_argument("amounts", nargs="+", type=number(MONEY))
    add_operator_options(setting)
    setting.add_argument("--json", action="store_true")
    setting.set_defaults(handler=_set_amounts)


def _show_system(args: argparse.Namespace) -> int:
    with open_database() as database:
        return show(args, system_parameters_view(database))


def _set_system(args: argparse.Namespace) -> int:
    values = {
        name: getattr(args, option[2:].replace("-", "_"))
        for option, (name, _) in _SYSTEM_OPTIONS.items()
        if getattr(args, option[2:].replace("-", "_")) is not None
    }
    with open_database() as database:
        set_system_parameters(database, acting(database, args), **values)
    return done(args, "system", {"saved": sorted(values)})


def _checklist(args: argparse.Namespace) -> int:
    configured = str(Settings().get("terminal.code") or "")
    with open_database() as database, database.reading() as session:
        items = setup_checklist(session, this_terminal_code(session, configured))
    if args.json:
        print_json(
            {"ready": is_ready(items), "items": [{"key": i.key, "done": i.done} for i in items]}
        )
        return 0
    rows = [
        (
            translate("cli", DONE_MARK if item.done else TO_DO_MARK),
            translate("admin", LABELS[item.key]),
        )
        for item in items
    ]
    print(label_lines(rows))
    if is_ready(items):
        print(translate("cli", READY))
    return 0


def _password(args: argparse.Namespace) -> int:
    code = (args.operator or os.environ.get("STARPOS_OPERATOR") or "").strip().upper()
    if not code:
        raise UsageError("--operator is required (or set STARPOS_OPERATOR)")
    if args.password_stdin:
        old, new = sys.stdin.readline().rstrip("\r\n"), sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        old = getpass.getpass(translate("cli", OLD_PASSWORD).format(operator=code))
        new = getpass.getpass(translate("cli", NEW_PASSWORD))
    else:
        raise UsageError("no terminal to ask the passwords on: give them with --password-stdin")
    with open_database() as database:
        change_password(database, code, old, new)
    return done(args, f"password {code}")


def _list_amounts(args: argparse.Namespace) -> int:
    with open_database() as database:
        amounts = default_amounts(database)
    if args.json:
        print_json(amounts)
    else:
        print(label_lines((f"F{n}", amount) for n, amount in enumerate(amounts, start=1)))
    return 0


def _set_amounts(args: argparse.Namespace) -> int:
    with open_database() as database:
        set_default_amounts(database, acting(database, args), args.amounts)
    return done(args, "default-amounts", {"amounts": args.amounts})
