"""``starpos admin bench``: the back office's waits on a large store (docs/benchmarks.md)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.commands._output import show, whole


def register(actions: Any) -> None:
    bench = actions.add_parser(
        "bench", help="build a large store in an empty data folder and time the back office"
    )
    bench.add_argument("--customers", type=whole(1, 10_000_000), default=100_000)
    bench.add_argument(
        "--meters",
        type=whole(1, 100_000),
        default=10_000,
        help="meters in the range and in the CSV file",
    )
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(handler=_bench)


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.backoffice import run_backoffice_bench

    with open_database() as database, tempfile.TemporaryDirectory() as folder:
        numbers = run_backoffice_bench(
            database,
            Path(folder),
            customers=args.customers,
            meters_in_file=args.meters,
            progress=lambda text: print(text, file=sys.stderr),
        )
    return show(args, numbers)
