"""``starpos shift x|close|z|reprint|correct|day-close|day-reprint|days|list|verify|bench``: the
reports, the supervisor's close and the records it leaves. The listings read a head office's
store as well: every terminal's shifts, Zs and days closed (docs/shifts.md)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError, print_json, show, whole
from starpos.commands.shift.common import (
    add_operator_options,
    add_print_option,
    add_shift_option,
    counted_amounts,
    money,
    operator_of,
    printer,
    shift_of,
)
from starpos.db.enums import ShiftState
from starpos.i18n import tr_noop, translate
from starpos.operators import permissions
from starpos.shifts import (
    close_day,
    close_shift,
    correct_z,
    list_day_closes,
    list_shifts,
    list_z,
    read_z,
    verify_z,
    x_report,
)
from starpos.shifts.day_close import preview_day
from starpos.shifts.errors import DayNotClosedError, ZChainBrokenError
from starpos.shifts.limits import set_float_limit
from starpos.shifts.printing import (
    day_pdf,
    print_day,
    print_z,
    x_report_slip,
    z_pdf,
    z_report_slip,
)
from starpos.shifts.records import amount_of

INTACT = tr_noop("shifts", "{count} Z report(s) checked: the chain is intact.")
SAME_LIMIT = tr_noop("shifts", "The limit of {who} is {limit} already: nothing was changed.")
NO_LIMIT = tr_noop("shifts", "{who} has no limit already: nothing was changed.")
MESSAGES = (INTACT, SAME_LIMIT, NO_LIMIT)


def register(actions: Any) -> None:
    x = actions.add_parser("x", help="the X report: the shift so far (not a close)")
    add_operator_options(x)
    add_shift_option(x)
    add_print_option(x)
    x.set_defaults(handler=_x)

    closing = actions.add_parser("close", help="close a counted shift and make its Z")
    add_operator_options(closing)
    closing.add_argument("--shift", type=whole(1, 2**62), required=True, help="shift id")
    closing.add_argument(
        "--approve-reason", default="", help="approve a count difference above the threshold"
    )
    add_print_option(closing)
    closing.add_argument("--pdf", type=Path, help="also write the Z as PDF to this file")
    closing.set_defaults(handler=_close)

    z = actions.add_parser("z", help="show a Z (default: the till's latest), or list them")
    add_operator_options(z)
    z.add_argument("--till", help="till: a terminal code, or @ and a sales point code")
    z.add_argument("--number", type=whole(1, 2**62), help="Z number (default: the latest)")
    z.add_argument("--list", action="store_true", help="list the latest Zs")
    z.add_argument("--of-terminal", help="with --list: only this terminal's Zs")
    z.add_argument("--pdf", type=Path, help="write the Z as PDF to this file")
    z.set_defaults(handler=_z)

    reprint = actions.add_parser("reprint", help="print a Z again (marked DUPLICATE)")
    add_operator_options(reprint)
    reprint.add_argument("--till", required=True)
    reprint.add_argument("--number", type=whole(1, 2**62), required=True)
    reprint.set_defaults(handler=_reprint)

    correct = actions.add_parser(
        "correct", help="correct a Z's count with a new Z that refers to it"
    )
    add_operator_options(correct)
    correct.add_argument("--till", required=True)
    correct.add_argument("--number", type=whole(1, 2**62), required=True)
    correct.add_argument("--reason", required=True)
    correct.add_argument("--counted", action="append", metavar="PAYMENT=AMOUNT", required=True)
    correct.set_defaults(handler=_correct)

    day = actions.add_parser("day-close", help="close the sales point's day")
    add_operator_options(day)
    day.add_argument("--date", type=date.fromisoformat, help="the day (default: today)")
    add_print_option(day)
    day.add_argument("--pdf", type=Path, help="also write the day close as PDF to this file")
    day.set_defaults(handler=_day_close)

    day_reprint = actions.add_parser(
        "day-reprint", help="print a closed day again (marked DUPLICATE)"
    )
    add_operator_options(day_reprint)
    day_reprint.add_argument("--date", type=date.fromisoformat, help="the day (default: today)")
    day_reprint.set_defaults(handler=_day_reprint)

    days = actions.add_parser("days", help="the days closed (at a head office: every terminal's)")
    add_operator_options(days)
    days.add_argument("--of-sales-point", help="only this sales point's days")
    days.add_argument("--of-terminal", help="only the days this terminal closed")
    days.add_argument("--begin", type=date.fromisoformat, help="from this day (default: all)")
    days.add_argument("--end", type=date.fromisoformat, help="to this day (default: all)")
    days.set_defaults(handler=_days)

    listing = actions.add_parser("list", help="the latest shifts")
    listing.add_argument("--state", choices=[state.value for state in ShiftState])
    listing.add_argument("--limit", type=whole(1, 100_000), default=50)
    listing.add_argument("--of-terminal", help="only this terminal's shifts")
    listing.add_argument("--of-sales-point", help="only this sales point's shifts")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    verify = actions.add_parser("verify", help="check every till's chain of Z reports")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)

    limit = actions.add_parser(
        "float-limit", help="set the vendor float limit of a sales point or an operator"
    )
    add_operator_options(limit)
    whose = limit.add_mutually_exclusive_group(required=True)
    whose.add_argument("--of-sales-point", help="the sales point whose limit it is")
    whose.add_argument("--of-operator", help="the operator whose limit it is")
    value = limit.add_mutually_exclusive_group(required=True)
    value.add_argument("--amount", type=money, help="the limit")
    value.add_argument("--none", action="store_true", help="no limit")
    limit.set_defaults(handler=_float_limit)

    bench = actions.add_parser("bench", help="time the Z of a shift with many sales")
    bench.add_argument("--sales", type=whole(1, 1_000_000), default=1000)
    bench.add_argument("--rounds", type=whole(1, 1000), default=20)
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)


def _x(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        totals = x_report(database, operator, shift_of(database, operator, args))
        slip = x_report_slip(database, operator, totals)
        if args.print_it:
            printer().print_slip(slip)
        supervisor = operator.may(permissions.CLOSE_SHIFT)
    if args.json:
        figures = totals.as_dict()
        if not supervisor:
            figures.pop("expected")  # the cashier's X: the count stays blind (SHF-5)
        print_json(figures)
    else:
        print(slip.text())
    return 0


def _close(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        result = close_shift(database, operator, args.shift, approve_reason=args.approve_reason)
        if args.print_it:
            print_z(database, printer(), operator, result.z.till, result.z.number)
        if args.pdf:
            args.pdf.write_bytes(z_pdf(database, result.z.till, result.z.number))
        slip = z_report_slip(database, result.z, duplicate=False)
    if args.json:
        print_json(result.as_dict())
    else:
        print(slip.text())
    return 0


def _z(args: argparse.Namespace) -> int:
    with open_database() as database:
        # A Z shows what was expected and the variance: a report, not the cashier's count.
        operator_of(database, args, permissions.VIEW_REPORTS)
        if args.list:
            found = list_z(database, args.till, terminal=args.of_terminal)
            return show(args, {"z": [_summary(z.as_dict()) for z in found]})
        if not args.till:
            raise UsageError("--till is required (a terminal code, or @ and a sales point code)")
        z = read_z(database, args.till, args.number)
        if args.pdf:
            args.pdf.write_bytes(z_pdf(database, z.till, z.number))
        slip = z_report_slip(database, z, duplicate=False)
    if args.json:
        print_json(z.as_dict())
    else:
        print(slip.text())
    return 0


def _summary(z: dict[str, Any]) -> dict[str, Any]:
    keys = ("terminal", "till", "number", "kind", "made_at", "made_by", "grand_totals", "z_hash")
    return {key: z[key] for key in keys}


def _reprint(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args, permissions.VIEW_REPORTS)
        copies = print_z(database, printer(), operator, args.till, args.number)
    return show(args, {"till": args.till, "number": args.number, "print_count": copies})


def _correct(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        z = correct_z(
            database, operator, args.till, args.number, args.reason, counted_amounts(args.counted)
        )
    return show(args, z.as_dict())


def _day_close(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        result = close_day(database, operator, args.date)
        figures = result.as_dict()
        if args.print_it:  # the original: the first print of the close (SHF-21)
            figures["print_count"] = print_day(database, printer(), operator, result.business_date)
        if args.pdf:
            args.pdf.write_bytes(day_pdf(database, operator, result.business_date))
    return show(args, figures)


def _day_reprint(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        found = preview_day(database, operator, args.date)
        if not found.closed:
            raise DayNotClosedError(day=found.business_date, sales_point=found.sales_point)
        copies = print_day(database, printer(), operator, found.business_date)
    day = found.business_date.isoformat()
    return show(args, {"sales_point": found.sales_point, "date": day, "print_count": copies})


def _days(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator_of(database, args, permissions.VIEW_REPORTS)
        closed = list_day_closes(
            database,
            sales_point=args.of_sales_point,
            terminal=args.of_terminal,
            since=args.begin,
            until=args.end,
        )
    return show(args, {"days": [day.as_dict() for day in closed]})


def _list(args: argparse.Namespace) -> int:
    state = ShiftState(args.state) if args.state else None
    with open_database() as database:
        shifts = list_shifts(
            database,
            state=state,
            limit=args.limit,
            terminal=args.of_terminal,
            sales_point=args.of_sales_point,
        )
    if args.json:
        print_json([info.as_dict() for info in shifts])
        return 0
    for info in shifts:
        # The terminal whose store it is: at a head office two terminals' tills may share
        # a name (``@SP01``), so the till alone does not say whose drawer it was.
        print(
            f"{info.shift_id:>6}  {info.terminal or '-':<8} {info.till:<10} {info.operator:<10}"
            f" {info.state.value:<7} {info.opened_at:%Y-%m-%d %H:%M}"
        )
    return 0


def _verify(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        checked, problems = verify_z(session)
    if args.json:
        print_json({"checked": checked, "intact": not problems,
                    "problems": [p.as_dict() for p in problems]})  # fmt: skip
        return 0 if not problems else 1
    if problems:
        first = problems[0]
        raise ZChainBrokenError(count=len(problems), number=first.number, till=first.till)
    print(translate("shifts", INTACT).format(count=checked))
    return 0


def _float_limit(args: argparse.Namespace) -> int:
    with open_database() as database:
        operator = operator_of(database, args)
        changed = set_float_limit(
            database,
            operator,
            None if args.none else args.amount,
            sales_point=args.of_sales_point,
            operator=args.of_operator,
        )
        limit = None
        if not args.none:
            with database.reading() as session:
                limit = amount_of(session, args.amount)  # as kept: the currency's decimals
    whose = args.of_sales_point or args.of_operator
    if not changed and not args.json:  # nothing written, nothing audited (SHF-23): say so
        said = translate("shifts", NO_LIMIT if limit is None else SAME_LIMIT)
        print(said.format(who=whose, limit=limit))
        return 0
    return show(args, {"float_limit": limit, "of": whose, "changed": changed})


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.shifts import run_z_bench

    report = run_z_bench(
        sales=args.sales,
        rounds=args.rounds,
        progress=lambda text: print(text, file=sys.stderr, flush=True),
    )
    return show(args, report)
