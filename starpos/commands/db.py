"""``starpos db``: create, upgrade and inspect the local database."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from starpos.bootstrap.database import database_url, open_database
from starpos.commands._output import print_json, show, whole
from starpos.db import migrate
from starpos.db.models import SystemParameters
from starpos.db.parameters import utility_now
from starpos.i18n import tr_noop, translate
from starpos.masterdata.bill_numbers import NumberingContext, next_number

if TYPE_CHECKING:
    from starpos.backup.make import BackupReport
    from starpos.bootstrap.backup import NotDue, RestoreReport

#: What ``db backup`` and ``db restore`` print (context "cli", translated when shown).
BACKUP_WRITTEN = tr_noop(
    "cli",
    "Backup written to {folder}: {size} MB, {vends} vends, audit log intact ({entries} "
    "entries), in {seconds} s.",
)
BACKUP_PRUNED = tr_noop("cli", "Removed {count} backup(s) older than {days} days.")
BACKUP_NOT_DUE = tr_noop(
    "cli", "No backup due: the last one was made at {last}; the next is due at {next}."
)
BACKUP_OFF = tr_noop("cli", "The daily backup is off (backup.daily_at is off).")
BACKUP_PENDING = tr_noop(
    "cli", "Vends in progress when it was made (recovery settles them after a restore): {bills}"
)
BACKUP_USABLE = tr_noop("cli", "The backup {folder} is complete and checked ({vends} vends).")
RESTORED = tr_noop("cli", "Restored {folder} (made at {made_at}).")
KEPT_ASIDE = tr_noop("cli", "The store you had is kept as {aside}.")
MODULE_STATE_BACK = tr_noop(
    "cli", "The module emulator's state was missing: the backup's was put back."
)
CREDENTIAL_BACK = tr_noop("cli", "The module credential was missing: the backup's was put back.")
SETTINGS_OUTCOME = {
    "restored": tr_noop("cli", "The settings file was missing: the backup's was put back."),
    "replaced": tr_noop(
        "cli", "The settings file was replaced by the backup's (the old one is kept aside)."
    ),
    "kept": tr_noop(
        "cli", "The settings file was kept (--settings replaces it with the backup's)."
    ),
    "none": "",
}
SETTLED = tr_noop(
    "cli",
    "Module {module}: {settled} vend(s) in progress in the backup settled from the replaced "
    "store, {recovered} recovered from the module, {failed} failed.",
)
MODULE_AGREES = tr_noop(
    "cli", "The module's balance ({balance} kWh) agrees with the restored store."
)
MODULE_MADE_MORE = tr_noop(
    "cli",
    "The module made {kwh} kWh of tokens that the restored store does not have; these vends "
    "made them (they are in the replaced store, not in the restored one):",
)
IN_DOUBT = tr_noop(
    "cli",
    "In progress in the backup, outcome unknown (failed; the module may have made its token):",
)
ALL_NAMED = tr_noop("cli", "Every kWh the module made beyond the restored store is named above.")
NOT_ALL_NAMED = tr_noop(
    "cli",
    "The module's balance differs from the restored store by {unaccounted} kWh, of which the "
    "vends above account for {named} kWh: compare the module's history with the replaced store.",
)
NO_COMPARISON = tr_noop(
    "cli",
    "The module's credit was updated since the last vend in the restored store: its balance "
    "cannot be compared; the vends above are what the restored store lacks.",
)
REPLACED_UNREADABLE = tr_noop(
    "cli", "The replaced store could not be read ({problem}): the missing vends cannot be named."
)
MODULE_TALLY = tr_noop(
    "cli",
    "By its own counters the module made {tokens} credit token(s), {kwh} kWh, that the "
    "restored store does not hold (the last TID it made: {tid}).",
)
STARTED_EMPTY = tr_noop(
    "cli",
    "The store is empty: log in as STAR with the password star (you will choose a new one), "
    "then follow the set-up checklist (starpos admin checklist).",
)
COUNTERS_RAISED = tr_noop(
    "cli", "Bill numbers continue after the replaced store's ({count} counter(s) raised)."
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="create, upgrade and inspect the local database")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    init = actions.add_parser(
        "init",
        help="create the database (or upgrade it) in the data folder; an empty one gets the "
        "operator STAR (password star, changed at the first login)",
    )
    init.add_argument(
        "--new-store",
        action="store_true",
        help="make a new, empty store where one was (the old file is kept aside, renamed)",
    )
    init.set_defaults(handler=_init)
    upgrade = actions.add_parser("upgrade", help="bring the database schema up to date")
    upgrade.set_defaults(handler=_upgrade)

    status = actions.add_parser("status", help="where the database is and its schema version")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    number = actions.add_parser("number", help="allocate bill numbers (scripting and tests)")
    number.add_argument("bill_type")
    number.add_argument("--count", type=whole(1, 1_000_000), default=1)
    number.add_argument("--sales-point", default="")
    number.add_argument("--json", action="store_true")
    number.set_defaults(handler=_number)

    backup = actions.add_parser(
        "backup", help="copy the store, module emulator state and settings to a dated folder"
    )
    backup.add_argument(
        "--scheduled",
        action="store_true",
        help="only when the daily backup is due (backup.daily_at): for a timer or cron",
    )
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(handler=_backup)

    restore = actions.add_parser(
        "restore", help="put a backup in place of the store (the program must be closed)"
    )
    restore.add_argument("folder", help="the backup's folder (starpos-backup-YYYYMMDD-HHMMSS)")
    restore.add_argument(
        "--check", action="store_true", help="only check the backup; change nothing"
    )
    restore.add_argument(
        "--settings",
        action="store_true",
        help="also replace the settings file with the backup's (the current one is kept aside)",
    )
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(handler=_restore)

    bench = actions.add_parser(
        "bench", help="build a large store in an empty data folder and time meter lookups"
    )
    bench.add_argument("--customers", type=whole(1, 10_000_000), default=100_000)
    bench.add_argument("--vends", type=whole(0, 100_000_000), default=1_000_000)
    bench.add_argument("--lookups", type=whole(1, 10_000_000), default=5_000)
    bench.add_argument("--seed", type=whole(0, 2**63 - 1), default=1)
    bench.add_argument(
        "--lookups-only",
        action="store_true",
        help="only time lookups again on a database an earlier bench built",
    )
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)


NEW_STORE = tr_noop(
    "cli",
    "A new store {store} was made at schema {revision}; the file that was there is kept as "
    "{aside}. A module that served the old store refuses to sell for this one until it is "
    "re-bound (starpos sm rebind) or the old store is restored.",
)
NEW_STORE_NOTHING_ASIDE = tr_noop("cli", "A new store {store} was made at schema {revision}.")


def _init(args: argparse.Namespace) -> int:
    from starpos.masterdata.starting_kit import start_empty

    if not args.new_store:
        with open_database() as database:
            revision = database.schema_revision()
            started = start_empty(database)
        print(translate("cli", "Database ready at schema {revision}.").format(revision=revision))
    else:
        from starpos.bootstrap.database import make_new_store
        from starpos.vending.store_binding import store_id

        database, aside = make_new_store()
        with database:
            revision = database.schema_revision()
            with database.reading() as session:
                store = store_id(session)
            started = start_empty(database)
        key = NEW_STORE if aside is not None else NEW_STORE_NOTHING_ASIDE
        print(translate("cli", key).format(store=store, revision=revision, aside=aside))
    if started:
        print(translate("cli", STARTED_EMPTY))
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    with open_database() as database:
        revision = database.schema_revision()
    print(translate("cli", "Database ready at schema {revision}.").format(revision=revision))
    return 0


def _status(args: argparse.Namespace) -> int:
    with open_database(upgrade=False) as database:
        current = database.schema_revision()
    head = migrate.head_revision()
    status = {
        "url": database_url(),
        "revision": current,
        "head": head,
        "up_to_date": current == head,
    }
    return show(args, status)


def _number(args: argparse.Namespace) -> int:
    numbers = []
    with open_database() as database:
        for _ in range(args.count):
            # One transaction per number, as a sale takes one: the real contention.
            with database.unit_of_work() as uow:
                context = NumberingContext(
                    _utility_time(uow.session), sales_point_code=args.sales_point
                )
                numbers.append(next_number(uow.session, args.bill_type, context))
                uow.commit()
    if args.json:
        print_json({"numbers": numbers})
    else:
        print("\n".join(numbers))
    return 0


def _utility_time(session: Session) -> datetime:
    """The utility's local time, or this machine's when no system parameters exist yet."""
    if session.get(SystemParameters, 1) is None:
        return datetime.now()
    return utility_now(session)


def _backup(args: argparse.Namespace) -> int:
    from starpos.bootstrap.backup import backup_now, scheduled_backup

    report = scheduled_backup() if args.scheduled else backup_now()
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(backup_lines(report)))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from starpos.backup.restore import check_backup
    from starpos.bootstrap.backup import restore_backup

    folder = Path(args.folder).expanduser()
    if args.check:
        checked = check_backup(folder)
        if args.json:
            print_json({"backup": str(folder), "usable": True, **checked.summary.as_dict()})
        else:
            print(
                translate("cli", BACKUP_USABLE).format(folder=folder, vends=checked.summary.vends)
            )
        return 0
    report = restore_backup(folder, replace_settings=args.settings)
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(restore_lines(report)))
    after = report.after
    return 0 if not after.missing and not after.in_doubt and report_agrees(report) else 1


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.store import remeasure, run_bench

    url = database_url()
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    with open_database() as database:
        if args.lookups_only:
            print_json(remeasure(database, lookups=args.lookups, seed=args.seed))
            return 0
        report = run_bench(
            database,
            customers=args.customers,
            vends=args.vends,
            lookups=args.lookups,
            seed=args.seed,
            path=path,
            progress=lambda text: print(text, file=sys.stderr, flush=True),
        )
    return show(args, report.as_dict())


def backup_lines(report: BackupReport | NotDue) -> list[str]:
    from starpos.bootstrap.backup import NotDue

    if isinstance(report, NotDue):
        if report.next is None:
            return [translate("cli", BACKUP_OFF)]
        last = report.last.astimezone().strftime("%Y-%m-%d %H:%M") if report.last else "-"
        upcoming = report.next.astimezone().strftime("%Y-%m-%d %H:%M")
        return [translate("cli", BACKUP_NOT_DUE).format(last=last, next=upcoming)]
    lines = [
        translate("cli", BACKUP_WRITTEN).format(
            folder=report.folder,
            size=f"{report.size_bytes / 1_000_000:.1f}",
            vends=report.store.vends,
            entries=report.store.audit.entries,
            seconds=f"{report.seconds:.1f}",
        )
    ]
    if report.store.pending:
        lines.append(translate("cli", BACKUP_PENDING).format(bills=", ".join(report.store.pending)))
    if report.pruned:
        lines.append(
            translate("cli", BACKUP_PRUNED).format(count=len(report.pruned), days=report.keep_days)
        )
    return lines


def report_agrees(report: RestoreReport) -> bool:
    reconciled = report.after.reconcile
    return reconciled is not None and reconciled.agrees


def restore_lines(report: RestoreReport) -> list[str]:
    after = report.after
    made_at = report.backup.manifest.made_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    lines = [translate("cli", RESTORED).format(folder=report.backup.folder, made_at=made_at)]
    if report.replaced is not None:
        lines.append(translate("cli", KEPT_ASIDE).format(aside=report.replaced))
    if report.module_state:
        lines.append(translate("cli", MODULE_STATE_BACK))
    if report.credential:
        lines.append(translate("cli", CREDENTIAL_BACK))
    if SETTINGS_OUTCOME[report.settings]:
        lines.append(translate("cli", SETTINGS_OUTCOME[report.settings]))
    recovery = after.recovery
    lines.append(
        translate("cli", SETTLED).format(
            module=after.module_id,
            settled=len(after.settled_from_replaced),
            recovered=len(recovery.recovered) if recovery else 0,
            failed=len(after.failed_as_in_replaced) + (len(recovery.failed) if recovery else 0),
        )
    )
    if after.replaced_store_problem:
        lines.append(
            translate("cli", REPLACED_UNREADABLE).format(problem=after.replaced_store_problem)
        )
    if after.missing:
        lines.append(translate("cli", MODULE_MADE_MORE).format(kwh=after.missing_kwh))
        lines.extend(_vend_line(vend) for vend in after.missing)
    if after.in_doubt:
        lines.append(translate("cli", IN_DOUBT))
        lines.extend(_vend_line(vend) for vend in after.in_doubt)
    unaccounted = after.unaccounted_kwh
    if unaccounted is None:
        lines.append(translate("cli", NO_COMPARISON))
    elif not after.missing and not after.in_doubt and not unaccounted:
        balance = after.reconcile.balance if after.reconcile else "-"
        lines.append(translate("cli", MODULE_AGREES).format(balance=balance))
    elif after.fully_named:
        lines.append(translate("cli", ALL_NAMED))
    else:
        lines.append(
            translate("cli", NOT_ALL_NAMED).format(unaccounted=unaccounted, named=after.missing_kwh)
        )
    tally = after.tally
    if tally is not None and (tally.tokens_beyond or tally.kwh_beyond):
        lines.append(
            translate("cli", MODULE_TALLY).format(
                tokens=tally.tokens_beyond, kwh=tally.kwh_beyond, tid=tally.last_tid or "-"
            )
        )
    if after.counters_raised:
        lines.append(translate("cli", COUNTERS_RAISED).format(count=len(after.counters_raised)))
    return lines


def _vend_line(vend: Any) -> str:
    token = " ".join(vend.token[i : i + 4] for i in range(0, 20, 4)) if vend.token else "-"
    tid = vend.tid if vend.tid is not None else "-"
    return f"  {vend.bill:<14} {vend.meter:<13} TID {tid!s:<8} {vend.token_kwh!s:>8} kWh  {token}"
