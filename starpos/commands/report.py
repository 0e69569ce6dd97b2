"""``starpos report``: the manual's reports (section 5) from the store, as text, JSON, CSV or
PDF.

``starpos report NAME [filters] [--json [FILE] | --csv [FILE] | --pdf FILE]`` runs one report
of :mod:`starpos.reports.registry` (``starpos report list`` names them all); each report's
filters are its options (``starpos report NAME --help``). ``--begin`` and ``--end`` are days
of the utility's calendar, both included; one left out leaves that side open (the manual's
rule). Rows stream from the database to the output, so a CSV of a million rows takes no
more memory than one of ten. A file is written under a temporary name and renamed when
complete: a failure never leaves half a report behind.

Reading a report needs no login, as ``starpos vend list`` does not: whoever runs it can read
the database file anyway.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

from starpos.commands._output import UsageError, cells, left, print_json, right, whole
from starpos.i18n import translate

#: Rows read before the text table's column widths are fixed (later rows may overflow).
WIDTH_SAMPLE = 200


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def register(subparsers: Any) -> None:
    from starpos.reports.registry import REPORTS
    from starpos.reports.shape import CONTEXT, FilterKind

    parser = subparsers.add_parser("report", help="the manual's reports (section 5)")
    reports = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
    listing = reports.add_parser("list", help="every report, with its manual section")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    bench = reports.add_parser(
        "bench", help="time each report's first page and a CSV of every sale on a large store"
    )
    bench.add_argument("--customers", type=whole(1, 10_000_000), default=100_000)
    bench.add_argument("--vends", type=whole(1, 100_000_000), default=1_000_000)
    bench.add_argument("--seed", type=whole(0, 2**63 - 1), default=1)
    bench.set_defaults(handler=_bench)
    for report in REPORTS.values():
        title = f"{translate(CONTEXT, report.title)} (manual {report.section})"
        one = reports.add_parser(report.name, help=title, description=title)
        for chosen in report.filters:
            option = f"--{chosen.name.replace('_', '-')}"
            label = translate(CONTEXT, chosen.label)
            if chosen.kind is FilterKind.DATE:
                one.add_argument(option, dest=chosen.name, type=_date, help=f"{label} (YYYY-MM-DD)")
            elif chosen.kind is FilterKind.DAYS:
                one.add_argument(
                    option, dest=chosen.name, type=whole(0, 100_000), help=label,
                    default=chosen.default,
                )  # fmt: skip
            elif chosen.kind is FilterKind.CHOICE:
                one.add_argument(
                    option, dest=chosen.name, choices=chosen.choices, help=label,
                    default=chosen.default,
                )  # fmt: skip
            elif chosen.kind is FilterKind.FLAG:
                one.add_argument(option, dest=chosen.name, action="store_true", help=label)
            else:
                one.add_argument(option, dest=chosen.name, help=label)
        shape = one.add_mutually_exclusive_group()
        shape.add_argument(
            "--json", nargs="?", const="-", metavar="FILE", help="JSON rows (to FILE or stdout)"
        )
        shape.add_argument(
            "--csv", nargs="?", const="-", metavar="FILE", help="CSV with a header (FILE or stdout)"
        )
        shape.add_argument("--pdf", metavar="FILE", help="a PDF to print or send")
        one.set_defaults(handler=_run, report_spec=report)


def _list(args: argparse.Namespace) -> int:
    from starpos.reports.registry import REPORTS
    from starpos.reports.shape import CONTEXT

    found = [
        {"name": report.name, "section": report.section, "title": translate(CONTEXT, report.title)}
        for report in REPORTS.values()
    ]
    if args.json:
        print_json(found)
    else:
        for entry in found:
            print(f"{left(entry['name'], 22)}  {left(entry['section'], 5)}  {entry['title']}")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.reports import run_report_bench
    from starpos.bootstrap.database import open_database
    from starpos.paths import data_dir

    with open_database() as database:
        found = run_report_bench(
            database,
            customers=args.customers,
            vends=args.vends,
            seed=args.seed,
            folder=Path(data_dir()),
            progress=lambda text: print(text, file=sys.stderr, flush=True),
        )
    print_json(found)
    return 0


def _run(args: argparse.Namespace) -> int:
    from starpos.bootstrap.database import open_database
    from starpos.reports.bounds import day_bounds
    from starpos.reports.csv_writer import write_csv
    from starpos.reports.json_writer import write_json
    from starpos.reports.pdf_writer import write_pdf
    from starpos.reports.shape import Report

    report: Report = args.report_spec
    choice = {chosen.name: getattr(args, chosen.name) for chosen in report.filters}
    day_bounds(choice)  # a reversed range is refused before anything is written
    with open_database() as database, database.reading() as session:
        rows = report.rows(session, choice)
        if args.pdf:
            with _output_file(args.pdf, binary=True) as out:
                write_pdf(report, rows, out, choice)  # type: ignore[arg-type]
        elif args.csv:
            with _output_file(args.csv, binary=False, bom=True) as out:
                write_csv(report, rows, out)  # type: ignore[arg-type]
        elif args.json:
            with _output_file(args.json, binary=False) as out:
                write_json(report, rows, out)  # type: ignore[arg-type]
        else:
            _print_table(report, rows, choice)
    return 0


@contextmanager
def _output_file(name: str, *, binary: bool, bom: bool = False) -> Iterator[IO[Any]]:
    """Standard output for ``-``; else a temporary file renamed to ``name`` when complete.

    A CSV file starts with the UTF-8 byte order mark so a spreadsheet opened on it by a
    double click reads Chinese and French right; standard output carries none (scripts).
    """
    if name == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(name)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{name}: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    try:
        if binary:
            with os.fdopen(handle, "wb") as out:
                yield out
        else:
            encoding = "utf-8-sig" if bom else "utf-8"
            with os.fdopen(handle, "w", encoding=encoding, newline="") as text:
                yield text
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _print_table(report: Any, rows: Iterator[Any], choice: dict[str, Any]) -> None:
    from starpos.reports.pdf_writer import NUMBERS, TOTAL
    from starpos.reports.shape import CONTEXT, Totals, cell_text, filter_summary

    print(f"{translate(CONTEXT, report.title)} ({report.section})")
    print(filter_summary(report, choice))
    totals = Totals(report)
    sample: list[list[str]] = []
    header = [translate(CONTEXT, column.label) for column in report.columns]
    numeric = [column.kind in NUMBERS for column in report.columns]
    widths = [cells(text) for text in header]  # screen cells: a Chinese character is two

    def line(texts: list[str]) -> str:
        cells = [
            right(text, width) if number else left(text, width)
            for text, width, number in zip(texts, widths, numeric, strict=True)
        ]
        return "  ".join(cells).rstrip()

    stream = iter(rows)
    for row in stream:
        totals.add(row)
        sample.append([cell_text(row[key]) for key in report.keys])
        if len(sample) >= WIDTH_SAMPLE:
            break
    for texts in sample:
        widths = [max(width, cells(text)) for width, text in zip(widths, texts, strict=True)]
    print(line(header))
    for texts in sample:
        print(line(texts))
    for row in stream:
        totals.add(row)
        print(line([cell_text(row[key]) for key in report.keys]))
    summed = [
        cell_text(totals.sums[column.key]) if column.total else "" for column in report.columns
    ]
    print(line(summed))
    print(translate(CONTEXT, TOTAL).format(rows=totals.count))
