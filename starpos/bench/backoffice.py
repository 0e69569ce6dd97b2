"""The back office's speed on a large store (issue 12, "Proof"): ``starpos admin bench``.

On a store of ``customers`` customers with as many meters (built in bulk like ``starpos db
bench``), it times what an administrator waits for: the customer list's first page, a
search (fuzzy, and exact by code), stock-in of a 10,000-meter range, and the import of a
10,000-meter CSV file (checked whole, then written). Targets: list < 150 ms, search
< 100 ms, range < 5 s, file < 10 s.
"""

from __future__ import annotations

import csv
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from starpos.audit.log import Actor
from starpos.bench.store import build
from starpos.db import Database
from starpos.masterdata.customers import list_customers
from starpos.masterdata.meter_import import import_meters
from starpos.masterdata.meter_ranges import stock_in_range
from starpos.masterdata.meter_stock import NewMeter
from starpos.operators.login import acting_as
from starpos.sts.meter_number import make_meter_number

#: Rows the customer list shows first: two screenfuls (22 rows show at 1366x768); more are
#: read as the list is scrolled.
FIRST_PAGE = 50


def _ms(seconds: float) -> Decimal:
    return Decimal(f"{seconds * 1000:.1f}")


def _median_ms(action: Callable[[], object], repeat: int) -> tuple[Decimal, Decimal]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return _ms(statistics.median(times)), _ms(max(times))


def run_backoffice_bench(
    database: Database,
    folder: Path,
    *,
    customers: int = 100_000,
    meters_in_file: int = 10_000,
    progress: Callable[[str], None] = lambda _text: None,
) -> dict[str, Any]:
    """Build the store, then time the back office's waits; the numbers, in ms and s."""
    started = time.perf_counter()
    build(database, customers, 0, 1, None, progress)
    built = time.perf_counter() - started
    star = acting_as(database, Actor("STAR"))
    with database.reading() as session:
        some = list_customers(session, limit=1, offset=customers // 2)[0]

    def first_page() -> object:
        with database.reading() as session:
            return list_customers(session, limit=FIRST_PAGE)

    def fuzzy() -> object:
        with database.reading() as session:
            return list_customers(session, some.name.split()[-1][:4], limit=FIRST_PAGE)

    def exact() -> object:
        with database.reading() as session:
            return list_customers(session, some.code, limit=FIRST_PAGE)

    page_ms, page_max = _median_ms(first_page, 20)
    fuzzy_ms, fuzzy_max = _median_ms(fuzzy, 20)
    exact_ms, exact_max = _median_ms(exact, 20)

    key = NewMeter(number="", sgc="123456", ti=1, key_register="1", tid_base_year=2014)
    first = make_meter_number("600727", "71", 10_000_000).iain
    last = make_meter_number("600727", "71", 10_000_000 + meters_in_file - 1).iain
    started = time.perf_counter()
    stock_in_range(database, star, first, last, model_code="SK-1P", branch_code="BR01", key=key)
    range_s = time.perf_counter() - started

    path = folder / "meters.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["meter_number", "model", "branch", "sgc", "ti", "base_date",
                         "key_register"])  # fmt: skip
        for serial in range(meters_in_file):
            number = make_meter_number("600727", "72", 10_000_000 + serial).iain
            writer.writerow([number, "SK-1P", "BR01", "123456", "1", "2014", "1"])
    started = time.perf_counter()
    import_meters(database, star, path)
    file_s = time.perf_counter() - started
    return {
        "customers": customers,
        "build_s": Decimal(f"{built:.1f}"),
        "customer_list_first_page_ms": page_ms,
        "customer_list_first_page_max_ms": page_max,
        "search_fuzzy_ms": fuzzy_ms,
        "search_fuzzy_max_ms": fuzzy_max,
        "search_exact_ms": exact_ms,
        "search_exact_max_ms": exact_max,
        "stock_in_range_meters": meters_in_file,
        "stock_in_range_s": Decimal(f"{range_s:.2f}"),
        "csv_import_meters": meters_in_file,
        "csv_import_s": Decimal(f"{file_s:.2f}"),
    }
