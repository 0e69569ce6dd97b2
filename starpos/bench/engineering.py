"""``starpos engineering bench``: a batch of engineering tokens for many meters, timed.

In an empty data folder it builds the store in bulk (``starpos.bench.store.build``: one
installed meter per customer, on the demo key of register 1), starts the embedded module
emulator with the demo keys and credit, writes the meter numbers to a file, then runs the
batch as ``starpos engineering issue KIND --file`` does: the engineer logs in, the file is
read and every meter checked (plan), the PLANNED rows are written (open), and the tokens
are made through the module one durable row at a time (run). Issue 16 asks for 10,000
meters in under 60 s through the emulator.

The bulk builder's meters use base date 1993, whose TIDs ran out in November 2024; the
bench moves them to 2014 (the demo key's base date) first, as ``starpos vend bench`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import update

from starpos.bench.store import build
from starpos.bootstrap.database import open_database
from starpos.bootstrap.demo import provision_demo_module
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.models import Meter
from starpos.devices.sm.embedded import stop_embedded
from starpos.operators.login import login
from starpos.paths import data_dir
from starpos.tokenops import Order, meters_from_file, open_batch, plan_batch, run_batch

ENGINEER = ("ENG1", "eng-demo")


def _seconds(start: float) -> Decimal:
    return Decimal(time.perf_counter() - start).quantize(Decimal("0.01"))


def run_engineering_bench(
    *, meters: int, progress: Callable[[str], None], watts: int = 5000
) -> dict[str, Any]:
    """Build, then time one batch of ``set_power_limit`` tokens for ``meters`` meters."""
    with open_database() as database:
        numbers, _, _ = build(database, meters, 0, 1, None, progress)
        with database.unit_of_work() as uow:
            uow.session.execute(update(Meter).values(tid_base_year=2014))
            uow.commit()
        listing = data_dir() / "bench-meters.txt"
        listing.write_text("\n".join(numbers) + "\n", encoding="utf-8")
        try:
            provision_demo_module()
            progress("module ready")
            return _measure(database, listing, watts, progress)
        finally:
            stop_embedded()


def _measure(
    database: Database, listing: Path, watts: int, progress: Callable[[str], None]
) -> dict[str, Any]:
    operator = login(database, *ENGINEER)
    began = time.perf_counter()
    cpu_began = time.process_time()
    order = Order(Kind.SET_POWER_LIMIT, watts)
    plan = plan_batch(database, operator, order, meters_from_file(listing))
    planned = _seconds(began)
    opened_at = time.perf_counter()
    batch = open_batch(database, operator, plan)
    opened = _seconds(opened_at)
    run_at = time.perf_counter()
    with open_configured_module() as access:
        outcome = run_batch(
            database, access, operator, batch, lambda done, total: _every(progress, done, total)
        )
    ran = _seconds(run_at)
    total = _seconds(began)
    cpu = Decimal(time.process_time() - cpu_began).quantize(Decimal("0.01"))
    return {
        "meters": len(plan.meters),
        "kind": Kind.SET_POWER_LIMIT.value,
        "issued": outcome.issued,
        "failed": outcome.failed,
        "plan_seconds": planned,
        "open_seconds": opened,
        "run_seconds": ran,
        "total_seconds": total,
        "process_cpu_seconds": cpu,
        "tokens_per_second": (Decimal(outcome.issued) / ran).quantize(Decimal("0.1")),
        "ms_per_token": (ran * 1000 / max(1, outcome.issued)).quantize(Decimal("0.01")),
    }


def _every(progress: Callable[[str], None], done: int, total: int) -> None:
    if done % 1000 == 0 or done == total:
        progress(f"{done}/{total} tokens")
