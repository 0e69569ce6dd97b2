"""``starpos server bench``: a head office under load, on an empty PostgreSQL store.

1. **Build**: the demo master data and ``customers`` customers with a meter each, in bulk
   (:func:`starpos.bench.store.build`), and ``counters`` enrolled terminals.
2. **Uplink** (:mod:`starpos.bench.sync_uplink`): ``counters`` simulated counters, one
   thread each with its own connection and key, push their audit chains (``sales`` sales
   each: the PENDING entry with every fact, ISSUED with its token, PRINTED) in batches of
   ``batch`` events, all at once, to one ``starpos server run`` process
   (:mod:`starpos.bench.sync_process`); then the same rows straight into PostgreSQL.
3. **Offered load** (:mod:`starpos.bench.sync_paced`): the same counters go on selling and
   push small batches at a steady pace, ``paced_rate`` events a second in all, for
   ``paced_seconds``: the acknowledgement times a counter sees when the server is not
   saturated.
4. **Downlink** (:mod:`starpos.bench.sync_downlink`): a new counter (an empty SQLite
   store) takes a full snapshot; then ``changes`` customers are edited at the head office
   and the counter pulls them.

The chains are made by :mod:`starpos.bench.sync_counters`, hashed and linked as a
counter's audit log is, and the server checks them as it checks any counter's; every sale
names real codes, so it is booked. Each run also reports the processor time a push cost
the server process and the simulated counters: whom the run measured.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from starpos.bench.store import build
from starpos.bench.sync_counters import SALES_POINT, SimulatedCounter, make_chains
from starpos.bench.sync_downlink import DownlinkResult, run_downlink
from starpos.bench.sync_paced import PacedResult, run_paced
from starpos.bench.sync_process import ServerProcess
from starpos.bench.sync_uplink import UplinkResult, check_booked, run_uplink
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import SalesPoint, Terminal, TerminalEnrolment
from starpos.sync.keys import new_key, public_hex


@dataclass(frozen=True)
class ServerBenchReport:
    customers: int
    build_seconds: Decimal
    uplink: UplinkResult
    paced: PacedResult | None
    downlink: DownlinkResult

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_server_bench(
    folder: Path,
    database: Database,
    *,
    counters: int,
    sales: int,
    batch: int,
    customers: int,
    changes: int,
    seed: int,
    paced_rate: int,
    paced_seconds: int,
    paced_batch: int,
    progress: Callable[[str], None],
) -> ServerBenchReport:
    started = time.perf_counter()
    meters, _, _ = build(database, customers, 0, seed, None, progress)
    build_seconds = Decimal(str(round(time.perf_counter() - started, 3)))
    simulated = _enrol(database, counters)
    # Whole sales (three entries each) per counter, enough for the pace and the time.
    paced_sales = -(-paced_rate * paced_seconds // (3 * counters))
    make_chains(
        database, simulated, meters, sales, batch, random.Random(seed), paced_sales, paced_batch
    )
    progress(f"{counters} counters, {sales} sales each")
    server = ServerProcess(folder)
    try:
        uplink = run_uplink(database, server, simulated, sales, batch)
        progress(f"uplink: {uplink.events_per_second} events/s")
        paced = None
        if paced_sales:
            paced = run_paced(server, simulated, paced_rate, paced_batch)
            check_booked(database, simulated, sales + paced_sales)
            progress(f"offered {paced_rate} events/s: ack p95 {paced.ack_p95_ms} ms")
        downlink = run_downlink(database, server.url, simulated[0], changes)
        progress(f"downlink: snapshot in {downlink.snapshot_seconds} s")
    finally:
        server.stop()
    return ServerBenchReport(customers, build_seconds, uplink, paced, downlink)


def _enrol(database: Database, counters: int) -> list[SimulatedCounter]:
    made = []
    with database.unit_of_work() as uow:
        session = uow.session
        point = session.scalars(select(SalesPoint.id).where(SalesPoint.code == SALES_POINT)).one()
        for number in range(1, counters + 1):
            code = f"BT{number:04d}"
            terminal = session.scalars(
                insert(Terminal)
                .values(code=code, name=f"Bench counter {number}", sales_point_id=point)
                .returning(Terminal.id)
            ).one()
            key = new_key()
            key_id = str(uuid.uuid4())
            session.add(
                TerminalEnrolment(
                    id=key_id,
                    terminal_id=terminal,
                    public_key=public_hex(key),
                    enrolled_at=utc_now(),
                )
            )
            made.append(SimulatedCounter(code, key_id, key, [], []))
        uow.commit()
    return made
