"""``starpos report bench``: each report's first page over a large store, and a CSV of every
sale in constant memory (docs/benchmarks.md, issue 13).

The store is the one ``starpos db bench`` builds (customers with a meter each, a year of
printed sales); an empty data folder is filled the same way first. A first page is the
first :data:`FIRST_PAGE` rows a report yields in a fresh read transaction, with a one-month
date filter on the dated reports (the filter a person uses) and the defaults elsewhere. The
CSV runs as its own ``starpos report`` process, whose peak resident memory the kernel
reports (``wait4``): the whole year against one month shows whether memory grows with rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from starpos.bench.store import build
from starpos.db import Database
from starpos.db.models import SystemParameters, Vend
from starpos.db.parameters import utility_now
from starpos.reports.registry import REPORTS
from starpos.reports.shape import BEGIN, END

FIRST_PAGE = 100


def _ms(seconds: float) -> Decimal:
    return Decimal(seconds * 1000).quantize(Decimal("0.1"))


def first_pages(database: Database, month: tuple[date, date]) -> dict[str, dict[str, Any]]:
    """Each report: milliseconds to its first page (cold, then warm) and the rows it had."""
    timings: dict[str, dict[str, Any]] = {}
    for name, report in REPORTS.items():
        choice: dict[str, Any] = {}
        if report.filter(BEGIN) is not None:
            choice = {BEGIN: month[0], END: month[1]}
        runs = []
        for _ in range(2):
            began = time.perf_counter()
            with database.reading() as session:
                rows = list(islice(report.rows(session, choice), FIRST_PAGE))
            runs.append(time.perf_counter() - began)
        timings[name] = {
            "first_page_ms": _ms(runs[0]),
            "again_ms": _ms(runs[1]),
            "rows": len(rows),
            "filter": "one month" if choice else "defaults",
        }
    return timings


def csv_run(arguments: list[str], target: Path) -> dict[str, Any]:
    """Run ``starpos report ...--csv target`` as a child; its seconds, peak RSS and lines."""
    command = [sys.executable, "-m", "starpos", "report", *arguments, "--csv", str(target)]
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    if status != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        raise RuntimeError(f"starpos report failed: {error}")
    with target.open("rb") as handle:
        lines = sum(1 for _ in handle) - 1
    target.unlink()
    return {
        "rows": lines,
        "seconds": Decimal(seconds).quantize(Decimal("0.1")),
        "peak_rss_mb": (Decimal(usage.ru_maxrss) / 1024).quantize(Decimal("0.1")),  # KiB
    }


def run_report_bench(
    database: Database,
    *,
    customers: int,
    vends: int,
    seed: int,
    folder: Path,
    progress: Callable[[str], None],
) -> dict[str, Any]:
    with database.reading() as session:
        empty = session.get(SystemParameters, 1) is None
    if empty:
        build(database, customers, vends, seed, None, progress)
    with database.reading() as session:
        counted = session.scalar(select(func.count(Vend.id))) or 0
        today = utility_now(session).date()
    # A month in the middle of the year of sales the bench store holds.
    begin = (today - timedelta(days=180)).replace(day=1)
    end = (begin + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    progress(f"{counted} vends; first pages for {begin} to {end}")
    pages = first_pages(database, (begin, end))
    progress("CSV of one month, then of every sale")
    month = csv_run(["power-vending", "--begin", begin.isoformat(), "--end", end.isoformat()],
                    folder / "bench-month.csv")  # fmt: skip
    everything = csv_run(["power-vending", "--state", "any"], folder / "bench-all.csv")
    return {
        "vends": counted,
        "month": f"{begin} to {end}",
        "first_pages": pages,
        "csv_one_month": month,
        "csv_all_sales": everything,
    }
