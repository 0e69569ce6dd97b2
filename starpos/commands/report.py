"""``starpos report``: the manual's reports (chapter 5) from the store, as text, JSON or CSV.

``starpos report engineering-tokens [--begin DATE] [--end DATE] [--kind K] [--state S]
[--meter M] [--batch B] [--json | --csv]`` is the engineering token report (manual 5.7):
every engineering, test and free token made from ``--begin`` to ``--end`` (dates of the
utility's calendar, both included), oldest first. Reading a report needs no login, as
``starpos vend list`` does not: whoever runs it can read the database file anyway.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import UsageError, left, print_json
from starpos.db.enums import TokenOperationKind, TokenOperationState
from starpos.i18n import translate


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="reports: engineering tokens (manual 5.7)")
    reports = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
    tokens = reports.add_parser(
        "engineering-tokens", help="engineering, test and free tokens made (manual 5.7)"
    )
    tokens.add_argument("--begin", type=_date, help="first day (YYYY-MM-DD, included)")
    tokens.add_argument("--end", type=_date, help="last day (YYYY-MM-DD, included)")
    tokens.add_argument("--kind", choices=[kind.value for kind in TokenOperationKind])
    tokens.add_argument("--state", choices=[state.value for state in TokenOperationState])
    tokens.add_argument("--meter", help="one meter number")
    tokens.add_argument("--batch", help="one batch id")
    shape = tokens.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true")
    shape.add_argument("--csv", action="store_true", help="comma-separated, with a header")
    tokens.set_defaults(handler=_engineering_tokens)


def _engineering_tokens(args: argparse.Namespace) -> int:
    from starpos.tokenops import kinds
    from starpos.tokenops.report import COLUMNS, ReportFilter, report_rows

    if args.begin and args.end and args.begin > args.end:
        raise UsageError("--begin must not be after --end")
    chosen = ReportFilter(
        begin=args.begin,
        end=args.end,
        kind=TokenOperationKind(args.kind) if args.kind else None,
        state=TokenOperationState(args.state) if args.state else None,
        meter=args.meter,
        batch=args.batch,
    )
    with open_database() as database, database.reading() as session:
        rows = report_rows(session, chosen)
        if args.json:
            print_json(list(rows))
        elif args.csv:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow(_csv_value(row[column]) for column in COLUMNS)
        else:
            for row in rows:
                kind = translate("tokenops", kinds.LABELS[TokenOperationKind(row["kind"])])
                state = kinds.STATE_LABELS[TokenOperationState(row["state"])]
                value = f"{row['value']} {row['unit']}".strip()
                print(
                    f"{row['date']}  {row['meter']:<13}  {left(kind, 40)}  {left(value, 12)}  "
                    f"{left(translate('tokenops', state), 8)}  {' '.join(row['tokens'])}"
                )
    return 0


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value)
