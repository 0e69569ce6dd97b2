"""``starpos vend bench``: full headless vends on a utility-sized store, step by step.

In an empty data folder it builds the store in bulk (``starpos.bench.store.build``:
``customers`` customers with one meter each, ``history`` earlier sales), starts the
embedded module emulator with the demo keys and credit, then sells ``vends`` times to random
meters through :func:`starpos.vending.sell` exactly as ``starpos vend`` does (lock, port,
recovery check, store checks and pricing, module checks, PENDING commit, ``SM?TC``, token
commit). The *ledger part* is the store checks with pricing plus the two commits.

The bulk builder's meters use base date 1993, whose TIDs ran out in November 2024; the
bench moves them to 2014 (the demo key's base date) before selling.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import update

from starpos.audit.log import Actor
from starpos.bench.store import build
from starpos.bootstrap.demo import provision_demo_module
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.models import Meter
from starpos.devices.sm.embedded import stop_embedded
from starpos.operators.login import acting_as
from starpos.shifts import open_shift
from starpos.vending.sale import VendRequest
from starpos.vending.sell import sell
from starpos.vending.timing import StepTimer

LEDGER_STEPS = ("store_checks", "pending_commit", "token_commit")
STEPS = ("open_and_recover", "store_checks", "module_checks", *LEDGER_STEPS[1:], "module_token")
WARM_UP = 5


@dataclass(frozen=True)
class Percentiles:
    """Milliseconds."""

    p50: Decimal
    p95: Decimal
    max: Decimal

    @classmethod
    def of(cls, seconds: list[float]) -> Percentiles:
        ordered = sorted(seconds)
        p95 = ordered[min(len(ordered) - 1, (len(ordered) * 95) // 100)]
        return cls(_ms(statistics.median(ordered)), _ms(p95), _ms(ordered[-1]))


def _ms(seconds: float) -> Decimal:
    return (Decimal(seconds) * 1000).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class VendBenchReport:
    customers: int
    history_vends: int
    vends: int
    full_vend: Percentiles
    full_vend_cpu: Percentiles
    ledger_part: Percentiles
    ledger_part_cpu: Percentiles
    steps: dict[str, Percentiles]
    vends_per_second: Decimal

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_vend_bench(
    database: Database,
    *,
    customers: int,
    history: int,
    vends: int,
    seed: int,
    progress: Callable[[str], None],
) -> VendBenchReport:
    numbers, _, _ = build(database, customers, history, seed, None, progress)
    with database.unit_of_work() as uow:
        uow.session.execute(update(Meter).values(tid_base_year=2014))
        uow.commit()
    # The cashier sells in a shift, as every sale must (docs/shifts.md).
    open_shift(database, acting_as(database, Actor("CASH1")), float_total=Decimal(0))
    try:
        provision_demo_module()
        progress("module ready")
        return _measure(database, numbers, customers, history, vends, seed)
    finally:
        stop_embedded()


def _measure(
    database: Database, numbers: list[str], customers: int, history: int, vends: int, seed: int
) -> VendBenchReport:
    rng = random.Random(seed + 2)
    totals: list[float] = []
    cpu: list[float] = []
    timers: list[StepTimer] = []
    with open_configured_module(keep_open=True) as access:
        began = time.perf_counter()
        for index in range(WARM_UP + vends):
            request = VendRequest(
                meter=rng.choice(numbers),
                net=Decimal(rng.choice((5, 10, 20, 50, 100))),
                operator_code="CASH1",
            )
            timer = StepTimer()
            started, started_cpu = time.perf_counter(), time.process_time()
            sell(database, access, request, timer)
            if index < WARM_UP:
                began = time.perf_counter()
                continue
            totals.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            timers.append(timer)
        elapsed = time.perf_counter() - began
    return VendBenchReport(
        customers=customers,
        history_vends=history,
        vends=vends,
        full_vend=Percentiles.of(totals),
        full_vend_cpu=Percentiles.of(cpu),
        ledger_part=Percentiles.of([sum(t.seconds[s] for s in LEDGER_STEPS) for t in timers]),
        ledger_part_cpu=Percentiles.of(
            [sum(t.cpu_seconds[s] for s in LEDGER_STEPS) for t in timers]
        ),
        steps={step: Percentiles.of([t.seconds[step] for t in timers]) for step in STEPS},
        vends_per_second=Decimal(vends / elapsed).quantize(Decimal("0.1")),
    )
