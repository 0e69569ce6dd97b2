"""``starpos shift open|drop|pickup|paid-in|paid-out|drawer|end|count``: the cashier's
drawer, from the float to the blind count."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError, show
from starpos.commands.shift.common import (
    add_operator_options,
    add_print_option,
    add_shift_option,
    counted_amounts,
    money,
    operator_of,
    pieces,
    printer,
    shift_of,
)
from starpos.db.enums import CashMovementKind as Kind
from starpos.shifts import end_shift, open_shift, record_movement
from starpos.shifts.printing import print_movement

#: The movement commands and what each records.
MOVEMENTS = {
    "drop": (Kind.DROP, "take cash from the drawer to the safe"),
    "pickup": (Kind.PICKUP, "a supervisor collects cash from the drawer"),
    "paid-in": (Kind.PAID_IN, "cash paid into the drawer (not a sale)"),
    "paid-out": (Kind.PAID_OUT, "cash paid out of the drawer (not a refund)"),
}


def register(actions: Any) -> None:
    opening = actions.add_parser("open", help="open a shift on this till with its float")
    add_operator_options(opening)
    opening.add_argument("--float", dest="float_total", type=money, help="the float as a total")
    opening.add_argument(
        "--float-count", help='the float counted by denomination: "50x2 20x5 1x10"'
    )
    opening.set_defaults(handler=_open)

    for name, (kind, text) in MOVEMENTS.items():
        moving = actions.add_parser(name, help=text)
        moving.add_argument("amount", type=money)
        moving.add_argument("--reason", required=True, help="why (goes on the record)")
        add_operator_options(moving)
        add_shift_option(moving)
        add_print_option(moving)
        moving.set_defaults(handler=_movement, kind=kind)

    kick = actions.add_parser("drawer", help="open the cash drawer outside a sale (recorded)")
    kick.add_argument("--reason", required=True, help="why (goes on the record)")
    add_operator_options(kick)
    add_shift_option(kick)
    add_print_option(kick)
    kick.set_defaults(handler=_movement, kind=Kind.DRAWER_OPEN, amount=None)

    for name, text in (
        ("end", "end the shift with the blind count of the drawer"),
        ("count", "count the drawer again before the close (a recount)"),
    ):
        counting = actions.add_parser(name, help=text)
        add_operator_options(counting)
        add_shift_option(counting)
        counting.add_argument("--cash", type=money, help="the cash counted, as a total")
        counting.add_argument("--cash-count", help='the cash counted by denomination: "50x3 1x7"')
        counting.add_argument(
            "--counted",
            action="append",
            metavar="PAYMENT=AMOUNT",
            help="another payment method's total, e.g. CARD=120.00 (repeatable)",
        )
        counting.set_defaults(handler=_count)


def _open(args: argparse.Namespace) -> int:
    if args.float_total is not None and args.float_count:
        raise UsageError("give --float or --float-count, not both")
    with open_database() as database:
        operator = operator_of(database, args)
        info = open_shift(
            database,
            operator,
            float_total=args.float_total,
            float_pieces=pieces(args.float_count),
        )
    return show(args, info.as_dict())


def _movement(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        shift_id = shift_of(database, operator, args)
        movement = record_movement(
            database, operator, shift_id, args.kind, args.amount or money("0"), args.reason
        )
        if args.print_it:
            print_movement(database, printer(), movement)
    return show(args, movement.as_dict())


def _count(args: argparse.Namespace) -> int:
    counted = counted_amounts(args.counted)
    if args.cash is not None and args.cash_count:
        raise UsageError("give --cash or --cash-count, not both")
    if args.cash is not None:
        counted["cash"] = args.cash
    if not counted and not args.cash_count:
        raise UsageError("give what was counted: --cash, --cash-count or --counted")
    with open_database() as database:
        operator = operator_of(database, args)
        shift_id = shift_of(database, operator, args)
        info = end_shift(database, operator, shift_id, counted, cash_pieces=pieces(args.cash_count))
    # Blind: the answer says the count was taken, never what was expected.
    return show(args, info.as_dict())
