"""``starpos admin meter stock-out|stock-in-from-branch|status|list|history``: the stock
movements after stock-in (manual 3.1-3.2), each on a numbered bill the output names; a
meter's status Good / Maintenance / Scrap with the reason; the stock a page at a time with
filters; one meter's history."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import left, print_json, whole
from starpos.commands._status_labels import status_text
from starpos.commands.admin.common import acting, add_operator_options, done
from starpos.db.enums import MeterCondition, StockStatus
from starpos.i18n import tr_noop, translate
from starpos.masterdata.meter_stock import CONDITION_TERMS
from starpos.masterdata.stock_list import KIND_TERMS, ORDERS, StockFilter, meter_history, stock_page
from starpos.masterdata.stock_moves import (
    receive_from_branch,
    set_meter_status,
    stock_out_meters,
)

SHOWN = tr_noop("cli", "{shown} of {total} meters (from {first})")
STATUS_SET = tr_noop("cli", "meter {number} is now {status} (was {before})")
MESSAGES = (SHOWN, STATUS_SET)


def register_movements(sub: Any) -> None:
    out = sub.add_parser("stock-out", help="meters out for installation or to another branch")
    out.add_argument("numbers", nargs="+", metavar="NUMBER", help="meter numbers (one bill)")
    out.add_argument("--to-branch", help="the branch they go to (else: for installation)")
    out.add_argument("--drawer", default="", help="who takes the meters (manual 3.2)")
    add_operator_options(out)
    out.add_argument("--json", action="store_true")
    out.set_defaults(handler=_stock_out)

    back = sub.add_parser("stock-in-from-branch", help="meters another branch sent here")
    back.add_argument("numbers", nargs="+", metavar="NUMBER", help="meter numbers (one bill)")
    back.add_argument("--origin-bill", help="the other branch's stock-out bill (else found)")
    add_operator_options(back)
    back.add_argument("--json", action="store_true")
    back.set_defaults(handler=_from_branch)

    status = sub.add_parser("status", help="mark a meter Good, Maintenance or Scrap")
    status.add_argument("number")
    status.add_argument("status", choices=[c.value for c in MeterCondition])
    status.add_argument("--reason", required=True, help="why (kept in the audit log)")
    add_operator_options(status)
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    listing = sub.add_parser("list", help="the meter stock, a page at a time")
    listing.add_argument("--search", default="", help="a part of the meter number")
    listing.add_argument("--stock", choices=[s.value for s in StockStatus])
    listing.add_argument("--status", choices=[c.value for c in MeterCondition])
    listing.add_argument("--branch", default="", help="branch code")
    listing.add_argument("--model", default="", help="meter model code")
    listing.add_argument("--order", choices=sorted(ORDERS), default="number")
    listing.add_argument("--descending", action="store_true")
    listing.add_argument("--limit", type=whole(1, 100_000), default=100)
    listing.add_argument("--offset", type=whole(0, 2**62), default=0)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    history = sub.add_parser("history", help="a meter's stock movements and status changes")
    history.add_argument("number")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=_history)


def _moved(args: argparse.Namespace, what: str, result: Any) -> int:
    return done(
        args,
        f"{what} {result.bill_number}: {result.count} meters",
        {"bill_number": result.bill_number, "count": result.count, "meters": list(result.meters)},
    )


def _stock_out(args: argparse.Namespace) -> int:
    with open_database() as database:
        result = stock_out_meters(
            database, acting(database, args), args.numbers, to_branch=args.to_branch,
            drawer=args.drawer,
        )  # fmt: skip
    return _moved(args, "stock out", result)


def _from_branch(args: argparse.Namespace) -> int:
    with open_database() as database:
        result = receive_from_branch(
            database, acting(database, args), args.numbers, origin_bill_number=args.origin_bill
        )
    return _moved(args, "stock in", result)


def _condition(value: str) -> str:
    return translate("terms", CONDITION_TERMS[MeterCondition(value)])


def _status(args: argparse.Namespace) -> int:
    condition = MeterCondition(args.status)
    with open_database() as database:
        before = set_meter_status(
            database, acting(database, args), args.number, condition, args.reason
        )
    what = translate("cli", STATUS_SET).format(
        number=args.number, status=_condition(condition), before=_condition(before)
    )
    return done(args, what, {"number": args.number, "status": condition, "before": before})


def _list(args: argparse.Namespace) -> int:
    chosen = StockFilter(
        search=args.search,
        stock=StockStatus(args.stock) if args.stock else None,
        status=MeterCondition(args.status) if args.status else None,
        branch=args.branch,
        model=args.model,
    )
    with open_database() as database, database.reading() as session:
        page = stock_page(
            session, chosen, order=args.order, descending=args.descending, limit=args.limit,
            offset=args.offset,
        )  # fmt: skip
    if args.json:
        print_json(
            {"total": page.total, "offset": page.offset, "meters": [r.as_dict() for r in page.rows]}
        )
        return 0
    for row in page.rows:
        print(
            f"{row.number:<13}  {left(status_text(StockStatus, row.stock), 20)} "
            f"{left(_condition(row.status), 12)} {row.model:<10} {row.branch:<8} {row.customer}"
        )
    print(
        translate("cli", SHOWN).format(
            shown=len(page.rows), total=page.total, first=page.offset + 1
        )
    )
    return 0


def _history(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        entries = meter_history(session, args.number)
    if args.json:
        print_json([entry.as_dict() for entry in entries])
        return 0
    for entry in entries:
        where = entry.branch + (f" -> {entry.other_branch}" if entry.other_branch else "")
        print(
            f"{entry.at:%Y-%m-%d %H:%M}  "
            f"{left(translate('terms', KIND_TERMS.get(entry.kind, entry.kind)), 30)} "
            f"{entry.bill or '-':<14} {left(_condition(entry.status), 12)} {where:<16} "
            f"{entry.operator:<8} {entry.drawer or entry.reason}"
        )
    return 0
