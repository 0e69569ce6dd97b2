"""``starpos audit verify``: walk the audit log's hash chain."""

from __future__ import annotations

import argparse
from typing import Any

from starpos.audit.log import verify
from starpos.bootstrap.database import open_database
from starpos.commands._output import print_json
from starpos.i18n import translate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="check the audit log")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser("verify", help="check that no audit entry was changed or removed")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        report = verify(session)
    if args.json:
        print_json(
            {
                "intact": report.intact,
                "entries": report.entries,
                "problems": [{"entry": p.entry_id, "problem": p.problem} for p in report.problems],
            }
        )
        return 0 if report.intact else 2
    report.raise_if_broken()
    text = translate("cli", "The audit log is intact: {count} entries checked.")
    print(text.format(count=report.entries))
    return 0
