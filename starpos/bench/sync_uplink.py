"""The closed-loop uplink of ``starpos server bench``: every counter pushes its whole chain
at once, and the same rows go straight into PostgreSQL for the raw rate.

*Events/s* is all events over the wall time from the first push to the last answer (the
saturation throughput); *ack* is one push from sent to answered, here the queue's time.
*Raw* is the same ``sync_events`` rows, in the same batches and threads, inserted into a
copy of ``sync_events`` by ``executemany`` and by ``COPY`` (as the server stores them).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import MetaData, Table, func, select, text

from starpos.bench.sync_counters import SimulatedCounter
from starpos.bench.sync_paced import percentile
from starpos.bench.sync_process import ServerProcess, Spent, in_threads, per_push_ms
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import ReceivedEvent, SyncFinding, Vend
from starpos.server import bulk
from starpos.sync.client import HeadOfficeClient


@dataclass(frozen=True)
class UplinkResult:
    counters: int
    sales: int
    events: int
    batch: int
    seconds: Decimal
    events_per_second: Decimal
    ack_p50_ms: Decimal
    ack_p95_ms: Decimal
    #: Processor time a push, in the server process and in the simulated counters.
    server_cpu_ms_per_push: Decimal | None
    counters_cpu_ms_per_push: Decimal | None
    raw_seconds: Decimal
    raw_events_per_second: Decimal
    share_of_raw: Decimal
    #: The same rows by COPY (server/bulk.py), as the server stores them.
    raw_copy_events_per_second: Decimal
    share_of_raw_copy: Decimal
    #: What the head office raised, by kind (none expected: every sale is sound).
    findings: dict[str, int]


def run_uplink(
    database: Database,
    server: ServerProcess,
    simulated: list[SimulatedCounter],
    sales: int,
    batch: int,
) -> UplinkResult:
    spent = Spent(server)
    wall, latencies = in_threads(simulated, push_all(server.url))
    server_cpu, counters_cpu = spent.server_seconds(), spent.counters_seconds()
    events = sum(len(counter.events) for counter in simulated)
    findings = check_booked(database, simulated, sales)
    raw = _raw_rows(database, simulated, batch, by_copy=False)
    raw_copy = _raw_rows(database, simulated, batch, by_copy=True)
    ordered = sorted(latencies)
    rate = events / wall
    raw_rate = events / raw
    return UplinkResult(
        counters=len(simulated),
        sales=len(simulated) * sales,
        events=events,
        batch=batch,
        seconds=Decimal(str(round(wall, 3))),
        events_per_second=Decimal(round(rate)),
        ack_p50_ms=_ms(statistics.median(ordered)),
        ack_p95_ms=_ms(percentile(ordered, 0.95)),
        server_cpu_ms_per_push=per_push_ms(server_cpu, len(ordered)),
        counters_cpu_ms_per_push=per_push_ms(counters_cpu, len(ordered)),
        raw_seconds=Decimal(str(round(raw, 3))),
        raw_events_per_second=Decimal(round(raw_rate)),
        share_of_raw=Decimal(str(round(rate / raw_rate, 3))),
        raw_copy_events_per_second=Decimal(round(events / raw_copy)),
        share_of_raw_copy=Decimal(str(round(rate * raw_copy / events, 3))),
        findings=findings,
    )


def push_all(url: str) -> Callable[[SimulatedCounter], list[float]]:
    def work(counter: SimulatedCounter) -> list[float]:
        measured = []
        with HeadOfficeClient(url, key_id=counter.key_id, key=counter.key) as client:
            for body in counter.bodies:
                sent = time.perf_counter()
                answer = client.push_body(body)
                measured.append(time.perf_counter() - sent)
                verdicts = {result["verdict"] for result in answer["results"]}
                if verdicts != {"applied"}:
                    raise RuntimeError(f"{counter.terminal}: {verdicts}")
        return measured

    return work


def _raw_rows(
    database: Database, simulated: list[SimulatedCounter], batch: int, by_copy: bool
) -> float:
    """The same event rows, in the same batches and threads, straight into a copy of
    ``sync_events``: the rate PostgreSQL takes them at with nothing else to do, by
    ``executemany`` or (``by_copy``) by ``COPY`` as the server now stores them."""
    with database.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS bench_raw_events"))
        connection.execute(text("CREATE TABLE bench_raw_events (LIKE sync_events INCLUDING ALL)"))
    columns = [column.name for column in ReceivedEvent.__table__.columns]
    statement = text(
        f"INSERT INTO bench_raw_events ({', '.join(columns)})"
        f" VALUES ({', '.join(':' + name for name in columns)})"
    )

    table = cast(Table, ReceivedEvent.__table__).to_metadata(MetaData(), name="bench_raw_events")

    def work(counter: SimulatedCounter) -> list[float]:
        rows = [_row(counter, event) for event in counter.events]
        with database.engine.connect() as connection:
            for start in range(0, len(rows), batch):
                with connection.begin():
                    if by_copy:
                        bulk.insert_rows(connection, table, rows[start : start + batch])
                    else:
                        connection.execute(statement, rows[start : start + batch])
        return []

    try:
        wall, _ = in_threads(simulated, work)
    finally:
        with database.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS bench_raw_events"))
    return wall


def _row(counter: SimulatedCounter, event: dict[str, Any]) -> dict[str, Any]:
    return {
        "enrolment_id": counter.key_id,
        "seq": event["seq"],
        "event_id": event["event_id"],
        "occurred_at": datetime.fromisoformat(event["occurred_at"]),
        "kind": event["kind"],
        "operator_code": event["operator"],
        "sales_point_code": event["sales_point"],
        "terminal_code": event["terminal"],
        "subject": event["subject"],
        "details": event["details"],
        "previous_hash": event["previous_hash"],
        "entry_hash": event["entry_hash"],
        "received_at": utc_now(),
    }


def check_booked(
    database: Database, simulated: list[SimulatedCounter], sales: int
) -> dict[str, int]:
    """Every event of ``sales`` sales a counter stored and every sale booked, or an error;
    the findings raised, by kind."""
    with database.reading() as session:
        stored = session.scalar(select(func.count()).select_from(ReceivedEvent)) or 0
        booked = session.scalar(select(func.count()).select_from(Vend)) or 0
        findings = dict(
            session.execute(select(SyncFinding.kind, func.count()).group_by(SyncFinding.kind)).all()
        )
    if stored != 3 * sales * len(simulated) or booked != sales * len(simulated):
        raise RuntimeError(
            f"{stored} events stored, {booked} sales booked, of {3 * sales * len(simulated)}"
        )
    return {str(kind): int(count) for kind, count in findings.items()}


def _ms(value: float) -> Decimal:
    return Decimal(str(round(value * 1000, 1)))
