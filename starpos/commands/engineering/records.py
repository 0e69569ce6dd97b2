"""``starpos engineering recover | list | show | print | bench``: a crashed batch settled, the
batches and their tokens read back, vouchers printed again, the speed measured."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.commands._output import print_json, show, whole
from starpos.commands.engineering.common import (
    RECOVERED,
    add_operator_options,
    operator_session,
    token_lines,
)
from starpos.i18n import translate
from starpos.tokenops import settle_pending_operations
from starpos.tokenops.report import batch_rows, latest_batches


def register(actions: Any) -> None:
    recovering = actions.add_parser("recover", help="settle token operations a crash left")
    recovering.add_argument("--json", action="store_true")
    recovering.set_defaults(handler=_recover)

    listing = actions.add_parser("list", help="the latest token batches")
    listing.add_argument("--limit", type=whole(1, 100_000), default=20)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    showing = actions.add_parser("show", help="one batch: its meters and tokens")
    showing.add_argument("batch")
    showing.add_argument("--json", action="store_true")
    showing.set_defaults(handler=_show)

    printing = actions.add_parser("print", help="print (or preview) a batch's vouchers again")
    printing.add_argument("batch")
    printing.add_argument("--position", type=whole(1, 100_000), help="only this meter")
    printing.add_argument("--preview", type=Path, help="write a PNG instead of printing")
    add_operator_options(printing)
    printing.set_defaults(handler=_print)

    bench = actions.add_parser(
        "bench", help="time a batch through the module emulator (empty data folder)"
    )
    bench.add_argument("--meters", type=whole(1, 100_000), default=10_000)
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)


def _recover(args: argparse.Namespace) -> int:
    with (
        open_database() as database,
        open_configured_module() as access,
        access.exclusive() as module,
    ):
        report = settle_pending_operations(database, module)
    if args.json:
        print_json(report.as_dict())
        return 0
    print(
        translate("tokenops", RECOVERED).format(
            module=report.module_id,
            recovered=len(report.recovered),
            failed=len(report.failed),
            returned=len(report.returned),
        )
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_database() as database, database.reading() as session:
        batches = latest_batches(session, args.limit)
    if args.json:
        print_json(batches)
        return 0
    for batch in batches:
        print(
            f"{batch['batch']}  {batch['date']}  {batch['operator']:<8} {batch['kind']:<20} "
            f"{batch['meters']:>6}  {batch['issued']:>6}  {batch['failed']:>6}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    from starpos.tokenops.vouchers import batch_list

    with open_database() as database, database.reading() as session:
        if args.json:
            return show(args, batch_rows(session, args.batch))
        sys.stdout.write(batch_list(session, args.batch))
    return 0


def _print(args: argparse.Namespace) -> int:
    from starpos.bootstrap.printer import ConfiguredPrinter
    from starpos.settings import Settings
    from starpos.tokenops.vouchers import preview_operation, print_operation

    printer = ConfiguredPrinter(Settings())
    with open_database() as database:
        with database.reading() as session:
            records = batch_rows(session, args.batch)
        chosen = [r for r in records if args.position in (None, r["position"]) and r["tokens"]]
        if args.preview:
            for record in chosen:
                image = preview_operation(database, printer, args.batch, record["position"])
                path = args.preview
                if len(chosen) > 1:
                    path = path.with_name(f"{path.stem}-{record['position']}{path.suffix}")
                image.save(path, "PNG")
            return 0
        operator = operator_session(database, args)
        for record in chosen:
            print_operation(database, printer, operator, args.batch, record["position"])
    print(token_lines(chosen))
    return 0


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.engineering import run_engineering_bench

    report = run_engineering_bench(
        meters=args.meters, progress=lambda text: print(text, file=sys.stderr, flush=True)
    )
    return show(args, report)
