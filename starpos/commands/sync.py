"""``starpos sync``: this counter and its head office.

``enrol`` makes the counter a terminal of a head office with the code the head office gave
out; ``push`` sends what the head office has not acknowledged yet; ``pull`` brings its
master data down; ``run`` does both, then applies the credit blocks the head office issued
for this terminal's module; ``status`` says how far the head office has it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from starpos.commands._output import label_lines, print_json, whole
from starpos.i18n import tr_noop, translate

if TYPE_CHECKING:
    from starpos.devices.sm.driver import SecureModule
    from starpos.sync.pull_report import PullReport

ENROLLED = tr_noop(
    "sync", "Enrolled with {server} as terminal {terminal} of sales point {sales_point}."
)
PUSHED = tr_noop(
    "sync",
    "{applied} event(s) applied, {duplicates} already there; acknowledged up to {acknowledged}, "
    "{waiting} waiting.",
)
PULLED = tr_noop(
    "sync",
    "{kind}: {rows} row(s) of master data applied, {deleted} deleted; position {cursor}.",
)
KEPT = tr_noop(
    "sync", "Deleted at the head office but still used by this counter's records, so kept: {rows}"
)
YIELDED = tr_noop(
    "sync",
    "Ended here because the head office kept another one (its findings say why; meter and "
    "issue number for a card): {rows}",
)
CREDIT_APPLIED = tr_noop(
    "sync",
    "Credit block from the head office ({operator}) applied to module {module_id}: {operation} "
    "{amount_kwh} kWh, balance {balance_kwh} kWh (sequence {sequence}).",
)
BOOKS_AGREE = tr_noop("sync", "The module's books agree with the store.")
BOOKS_DISAGREE = tr_noop(
    "sync",
    "The module's books do NOT agree with the store ({count} finding(s)): starpos vend "
    "reconcile names them; the head office has been told.",
)
SNAPSHOT = tr_noop("sync", "Full snapshot")
CHANGES = tr_noop("sync", "Changes")
LABELS = {
    "enrolled": tr_noop("sync", "Enrolled"),
    "server": tr_noop("sync", "Head office"),
    "terminal": tr_noop("sync", "Terminal"),
    "sales_point": tr_noop("sync", "Sales point"),
    "acknowledged": tr_noop("sync", "Acknowledged up to"),
    "waiting": tr_noop("sync", "Events waiting"),
    "state": tr_noop("sync", "State"),
    "online": tr_noop("sync", "online"),
    "offline_since": tr_noop("sync", "offline since {time}"),
    "last_sync": tr_noop("sync", "Last sync"),
    "position": tr_noop("sync", "Master data position"),
    "last_error": tr_noop("sync", "Last problem"),
    "yes": tr_noop("sync", "yes"),
    "no": tr_noop("sync", "no"),
}
MESSAGES = (ENROLLED, PUSHED, PULLED, KEPT, CREDIT_APPLIED, SNAPSHOT, CHANGES)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sync", help="enrol with a head office and send it sales")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    enrol = actions.add_parser("enrol", help="make this counter a terminal of a head office")
    enrol.add_argument("--server", required=True, help="the head office server's URL")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--json", action="store_true")
    enrol.set_defaults(handler=_enrol)

    push = actions.add_parser("push", help="send what the head office does not have yet")
    push.add_argument("--batch", type=whole(1, 5000), default=500, help="events per request")
    push.add_argument("--json", action="store_true")
    push.set_defaults(handler=_push)

    run = actions.add_parser("run", help="sync now: push what waits, then pull")
    run.add_argument("--full", action="store_true", help="pull a full snapshot")
    run.add_argument("--json", action="store_true")
    run.set_defaults(handler=_run)

    pull = actions.add_parser("pull", help="bring the head office's master data down")
    pull.add_argument("--full", action="store_true", help="a full snapshot instead of the changes")
    pull.add_argument("--json", action="store_true")
    pull.set_defaults(handler=_pull)

    status = actions.add_parser("status", help="how far the head office has this counter")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)


def _enrol(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.sync.enrol import enrol

    with open_database() as database:
        enrolled = enrol(database, args.server, args.code)
    if args.json:
        print_json(
            {
                "server": enrolled.server_url,
                "terminal": enrolled.terminal_code,
                "sales_point": enrolled.sales_point_code,
                "key_id": enrolled.key_id,
            }
        )
        return 0
    text = translate("sync", ENROLLED)
    print(
        text.format(
            server=enrolled.server_url,
            terminal=enrolled.terminal_code,
            sales_point=enrolled.sales_point_code,
        )
    )
    return 0


def _push(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.sync.push import push

    with open_database() as database:
        report = push(database, batch_size=args.batch)
    if args.json:
        print_json(report.as_dict())
    else:
        print(translate("sync", PUSHED).format(**report.as_dict()))
    return 0


def _run(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.sync.cycle import sync_once

    with open_database() as database:
        report = sync_once(database, full=args.full, open_module=_configured_module)
    if args.json:
        print_json(report.as_dict())
        return 0
    if report.pushed is not None:
        print(translate("sync", PUSHED).format(**report.pushed.as_dict()))
    _print_pulled(report.pulled)
    for applied in report.credit.applied if report.credit is not None else []:
        print(translate("sync", CREDIT_APPLIED).format(**applied))
    if report.books is not None and report.books.agrees:
        print(translate("sync", BOOKS_AGREE))
    elif report.books is not None:
        count = len(report.books.findings) + len(report.books.discrepancies)
        print(translate("sync", BOOKS_DISAGREE).format(count=count or len(report.books.pending)))
    return 0


@contextmanager
def _configured_module() -> Iterator[SecureModule]:
    """This counter's module as its settings name it, under the vend's lock (opened only
    when a credit block came down for it)."""
    from starpos.bootstrap.module import ModuleTarget, module_for_command

    with module_for_command(ModuleTarget(), acting=True) as held:
        yield held.module


def _pull(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.sync.pull import pull

    with open_database() as database:
        report = pull(database, full=args.full)
    if args.json:
        print_json(report.as_dict())
        return 0
    _print_pulled(report)
    return 0


def _print_pulled(report: PullReport) -> None:
    found = report.as_dict()
    kind = translate("sync", SNAPSHOT if report.snapshot else CHANGES)
    print(translate("sync", PULLED).format(kind=kind, **found))
    if report.kept:
        print(translate("sync", KEPT).format(rows=", ".join(report.kept)))
    if report.yielded:
        print(translate("sync", YIELDED).format(rows=", ".join(map(str, report.yielded))))


def _status(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.sync.state import status

    with open_database() as database, database.reading() as session:
        found = status(session)
    if args.json:
        print_json(found.as_dict())
        return 0
    label = {key: translate("sync", text) for key, text in LABELS.items()}
    rows: list[tuple[str, object]] = [
        (label["enrolled"], label["yes"] if found.enrolled else label["no"])
    ]
    if found.enrolled:
        since = found.offline_since
        state = (
            label["online"]
            if found.online
            else label["offline_since"].format(time=_moment(since) if since else "-")
        )
        rows += [
            (label["state"], state),
            (label["server"], found.server_url),
            (label["terminal"], found.terminal_code),
            (label["sales_point"], found.sales_point_code),
            (label["acknowledged"], found.acknowledged_seq),
            (label["last_sync"], _moment(found.last_contact_at) if found.last_contact_at else "-"),
            (
                label["position"],
                found.downlink_cursor if found.downlink_cursor is not None else "-",
            ),
        ]
        if found.last_error:
            rows.append((label["last_error"], found.last_error))
    rows.append((label["waiting"], found.waiting))
    print(label_lines(rows))
    return 0


def _moment(moment: datetime) -> str:
    """A UTC time as this computer's local time, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
