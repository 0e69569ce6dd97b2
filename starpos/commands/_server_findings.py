"""``starpos server findings``, ``resolve-finding`` and ``check``: what the head office found
wrong, a finding closed once dealt with (SYN-59), and the ghost vending check (SYN-60).

Registered under ``starpos server`` by :mod:`starpos.commands.server`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from starpos.commands._credentials import add_credential_options
from starpos.commands._head_office import open_head_office
from starpos.commands._output import print_json, whole
from starpos.i18n import tr_noop, translate

NO_FINDINGS = tr_noop("sync", "No open findings.")
CHECK_AGREES = tr_noop(
    "sync",
    "The head office's books agree: {terminals} terminal keys, {events} events, {modules} "
    "modules and {tokens} tokens checked.",
)
CHECK_DISAGREES = tr_noop(
    "sync",
    "The head office's books do NOT agree: {count} findings ({terminals} terminal keys, "
    "{events} events, {modules} modules and {tokens} tokens checked).",
)
FINDING_RESOLVED = tr_noop("sync", "Finding {id} ({kind}) resolved; it is no longer open.")
FINDINGS_MESSAGES = (NO_FINDINGS, FINDING_RESOLVED, CHECK_AGREES, CHECK_DISAGREES)


def register_findings(actions: Any) -> None:
    findings = actions.add_parser("findings", help="what the head office found wrong")
    findings.add_argument("--all", action="store_true", help="resolved ones too")
    findings.add_argument("--json", action="store_true")
    findings.set_defaults(handler=_findings)

    check = actions.add_parser(
        "check", help="the ghost vending check: chains, modules' credit, counters' verdicts"
    )
    check.add_argument("--terminal", help="only this terminal and its modules")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_check)

    resolve = actions.add_parser(
        "resolve-finding", help="close a finding once dealt with, saying what was done"
    )
    resolve.add_argument("finding", type=whole(1, 2**63 - 1), help="its number (findings)")
    resolve.add_argument("--note", required=True, help="what was done (kept in the audit log)")
    add_credential_options(resolve, terminal=False)
    resolve.add_argument("--json", action="store_true")
    resolve.set_defaults(handler=_resolve_finding)


def _findings(args: argparse.Namespace) -> int:
    from starpos.server.findings import PROBLEMS, list_findings

    office = open_head_office()
    try:
        with office.transaction() as session:
            found = list_findings(session, include_resolved=args.all)
    finally:
        office.database.close()
    problems = {
        row.id: translate("sync", PROBLEMS[row.kind]) for row in found if row.kind in PROBLEMS
    }
    if args.json:
        print_json([{**row.as_dict(), "problem": problems.get(row.id)} for row in found])
        return 0
    if not found:
        print(translate("sync", NO_FINDINGS))
    for row in found:
        when = row.raised_at.strftime("%Y-%m-%d %H:%M:%S")
        where = f"{row.terminal or '-'} #{row.seq}" if row.seq is not None else row.terminal
        sys.stdout.write(f"{row.id}  {when}  {row.kind}  {where}  {row.subject}  {row.details}\n")
        if row.id in problems:
            sys.stdout.write(f"    {problems[row.id]}\n")
    return 0


def _check(args: argparse.Namespace) -> int:
    from starpos.server.ghost_check import ghost_check

    office = open_head_office()
    try:
        with office.transaction() as session:
            report = ghost_check(session, args.terminal)
    finally:
        office.database.close()
    code = 0 if report.agrees else 2
    if args.json:
        print_json(report.as_dict())
        return code
    figures = {
        "terminals": report.terminals, "events": report.events, "modules": report.modules,
        "tokens": report.tokens, "count": len(report.findings),
    }  # fmt: skip
    for finding in report.findings:
        facts = json.dumps(finding.facts, default=str, ensure_ascii=False)
        sys.stdout.write(f"{finding.kind}  {finding.where}  {facts}\n")
    print(translate("sync", CHECK_AGREES if report.agrees else CHECK_DISAGREES).format(**figures))
    return code


def _resolve_finding(args: argparse.Namespace) -> int:
    from starpos.commands._credentials import authenticated
    from starpos.operators import permissions
    from starpos.server.findings import resolve_finding

    office = open_head_office()
    try:
        # A supervisor's sign-off, as approving a cash count difference is (SYN-59).
        operator = authenticated(office.database, args, permissions.APPROVE_VARIANCE)
        with office.transaction() as session:
            row = resolve_finding(session, args.finding, args.note, operator.actor)
    finally:
        office.database.close()
    if args.json:
        print_json(row.as_dict())
    else:
        print(translate("sync", FINDING_RESOLVED).format(id=row.id, kind=row.kind))
    return 0
