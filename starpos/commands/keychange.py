"""``starpos keychange``: flag meters for a key change at their next purchase (issue 16,
docs/key-changes.md).

``flag`` picks the meters (``--meter``, ``--file``, ``--from-meter/--to-meter``, every meter
on a key with ``--on-register/--on-sgc/--on-ti/--on-krn/--on-base-date``, or in one step
``--renew``: every meter still on base date 1993 or whose key expires within
``--within-days``) and the new key (``--new-...``; what is not given stays the meter's own),
prints the list for confirmation (``--yes`` for scripts) and flags them. ``list`` shows the
flags and their tokens, ``unflag`` withdraws flags whose tokens are not made yet. Flagging
and unflagging log the operator in (``key_change`` permission), like ``starpos
engineering``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError, print_json, whole
from starpos.commands.engineering.common import (
    NOTHING_MADE,
    add_operator_options,
    confirmed,
    operator_session,
    plan_lines,
)
from starpos.db import Database
from starpos.db.enums import KeyChangeState
from starpos.i18n import tr_noop, translate
from starpos.tokenops import KeyTarget, MeterList, meter_range, meters_from_file, one_meter
from starpos.tokenops.key_change_flags import (
    flag_meters,
    list_flags,
    meters_on_key,
    meters_to_renew,
    plan_flags,
    unflag,
)

FLAGGED = tr_noop("tokenops", "{count} meter(s) flagged for a key change at their next purchase.")
UNFLAGGED = tr_noop("tokenops", "{count} meter(s) unflagged.")
MESSAGES = (FLAGGED, UNFLAGGED)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "keychange", help="flag meters for a key change at their next purchase"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    flag = actions.add_parser("flag", help="flag meters for a new key")
    source = flag.add_mutually_exclusive_group(required=True)
    source.add_argument("--meter", help="one meter number (11 or 13 digits) or PAN")
    source.add_argument("--file", type=Path, help="text or CSV file, one meter a line")
    source.add_argument("--from-meter", help="first meter number of a range (with --to-meter)")
    source.add_argument("--on-key", action="store_true", help="every meter on the key --on-...")
    source.add_argument(
        "--renew", action="store_true", help="every meter on base date 1993 or near expiry"
    )
    flag.add_argument("--to-meter", help="last meter number of the range")
    flag.add_argument("--on-register", type=whole(0, 99), help="with --on-key: module register")
    flag.add_argument("--on-sgc", help="with --on-key: supply group code")
    flag.add_argument("--on-ti", type=whole(0, 99), help="with --on-key: tariff index")
    flag.add_argument("--on-krn", type=whole(1, 9), help="with --on-key: key revision number")
    flag.add_argument("--on-base-date", type=whole(1993, 2035), help="with --on-key: base date")
    flag.add_argument(
        "--within-days", type=whole(0, 3650), default=30, help="with --renew (default 30)"
    )
    flag.add_argument("--new-register", type=whole(0, 99), help="module register of the new key")
    flag.add_argument("--new-sgc", help="new supply group code (6 digits)")
    flag.add_argument("--new-ti", type=whole(0, 99), help="new tariff index")
    flag.add_argument("--new-krn", type=whole(1, 9), help="new key revision number")
    flag.add_argument("--new-ken", type=whole(0, 255), help="new key expiry number")
    flag.add_argument("--new-key-type", type=whole(0, 3), help="new key type")
    flag.add_argument("--new-base-date", type=whole(1993, 2035), help="new base date")
    add_operator_options(flag)
    flag.add_argument("--yes", action="store_true", help="flag them without asking")
    flag.add_argument("--json", action="store_true")
    flag.set_defaults(handler=_flag)

    listing = actions.add_parser("list", help="the flags, newest first")
    listing.add_argument("--state", choices=[state.value for state in KeyChangeState])
    listing.add_argument("--limit", type=whole(1, 100_000), default=1000)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    withdraw = actions.add_parser("unflag", help="withdraw flags whose tokens are not made")
    withdraw.add_argument("meters", nargs="+", help="meter numbers")
    add_operator_options(withdraw)
    withdraw.add_argument("--json", action="store_true")
    withdraw.set_defaults(handler=_unflag)


def _meters(database: Database, args: argparse.Namespace) -> MeterList:
    if args.meter:
        return one_meter(args.meter)
    if args.file:
        return meters_from_file(args.file)
    if args.renew:
        return meters_to_renew(database, args.within_days)
    if args.on_key:
        criteria = (args.on_register, args.on_sgc, args.on_ti, args.on_krn, args.on_base_date)
        if all(value is None for value in criteria):
            raise UsageError("starpos keychange flag --on-key: name the key with --on-...")
        return meters_on_key(
            database, register=args.on_register, sgc=args.on_sgc, ti=args.on_ti,
            krn=args.on_krn, base_date=args.on_base_date,
        )  # fmt: skip
    if not args.to_meter:
        raise UsageError("starpos keychange flag: --from-meter needs --to-meter")
    with database.reading() as session:
        return meter_range(session, args.from_meter, args.to_meter)


def _flag(args: argparse.Namespace) -> int:
    target = KeyTarget(
        register=args.new_register, sgc=args.new_sgc, ti=args.new_ti, krn=args.new_krn,
        ken=args.new_ken, key_type=args.new_key_type, base_date=args.new_base_date,
    )  # fmt: skip
    with open_database() as database:
        operator = operator_session(database, args)
        plan = plan_flags(database, operator, target, _meters(database, args))
        if args.json and not args.yes:
            print_json({"plan": plan.as_dict()})
        elif not args.json:
            print("\n".join(plan_lines(plan)))
        if not args.yes and not confirmed(len(plan.meters)):
            print(translate("tokenops", NOTHING_MADE), file=sys.stderr)
            return 1
        count = flag_meters(database, operator, plan)
    if args.json:
        print_json({"flagged": count, "plan": plan.as_dict()})
    else:
        print(translate("tokenops", FLAGGED).format(count=count))
    return 0


def _list(args: argparse.Namespace) -> int:
    state = KeyChangeState(args.state) if args.state else None
    with open_database() as database:
        flags = list_flags(database, state, args.limit)
    if args.json:
        print_json({"flags": [flag.as_dict() for flag in flags]})
        return 0
    for flag in flags:
        tokens = " ".join(flag.tokens)
        print(f"{flag.meter:<13}  {flag.state:<9}  {flag.new_key}  {flag.bill or '-'}  {tokens}")
    return 0


def _unflag(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_session(database, args)
        done = unflag(database, operator, list(args.meters))
    if args.json:
        print_json({"unflagged": done})
    else:
        print(translate("tokenops", UNFLAGGED).format(count=len(done)))
    return 0
