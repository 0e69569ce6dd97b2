"""``starpos server bench``: a head office under load, on an empty PostgreSQL store.

1. **Build**: the demo master data and ``customers`` customers with a meter each, in bulk
   (:func:`starpos.bench.store.build`), and ``counters`` enrolled terminals.
2. **Uplink**: ``counters`` simulated counters, one thread each with its own connection and
   key, push their audit chains (``sales`` sales each: the PENDING entry with every fact,
   ISSUED with its token, PRINTED) in batches of ``batch`` events, all at once, to one
   ``starpos server run`` process. Measured: events applied per second (all events over the
   wall time from the first push to the last answer) and each push's latency (sent to
   answered: the acknowledgement). Then the same rows, in the same batches and threads,
   inserted straight into a copy of ``sync_events``: the raw rate PostgreSQL takes them at.
3. **Offered load** (:mod:`starpos.bench.sync_paced`): the same counters go on selling and
   push small batches at a steady pace, ``paced_rate`` events a second in all, for
   ``paced_seconds``: the acknowledgement times a counter sees when the server is not
   saturated.
4. **Downlink**: a new counter (an empty SQLite store) takes a full snapshot; then
   ``changes`` customers are edited at the head office and the counter pulls them.

The chains are made by :mod:`starpos.bench.sync_counters`, hashed and linked as a
counter's audit log is, and the server checks them as it checks any counter's; every sale
names real codes, so it is booked.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy import MetaData, Table, func, insert, select, text, update

from starpos.bench.store import build
from starpos.bench.sync_counters import SALES_POINT, SimulatedCounter, make_chains
from starpos.bench.sync_paced import PacedResult, percentile, run_paced
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import (
    Customer,
    ReceivedEvent,
    SalesPoint,
    SyncFinding,
    SyncState,
    Terminal,
    TerminalEnrolment,
    Vend,
)
from starpos.server import bulk
from starpos.sync.client import HeadOfficeClient
from starpos.sync.keys import new_key, public_hex
from starpos.sync.pull import pull

START_TIMEOUT_S = 60.0


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
    raw_seconds: Decimal
    raw_events_per_second: Decimal
    share_of_raw: Decimal
    #: The same rows by COPY (server/bulk.py), as the server stores them.
    raw_copy_events_per_second: Decimal
    share_of_raw_copy: Decimal
    #: What the head office raised, by kind (none expected: every sale is sound).
    findings: dict[str, int]


@dataclass(frozen=True)
class DownlinkResult:
    snapshot_rows: int
    snapshot_mb: Decimal
    snapshot_seconds: Decimal
    changes: int
    incremental_rows: int
    incremental_seconds: Decimal


@dataclass(frozen=True)
class ServerBenchReport:
    customers: int
    build_seconds: Decimal
    uplink: UplinkResult
    paced: PacedResult | None
    downlink: DownlinkResult

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _seconds(value: float) -> Decimal:
    return Decimal(str(round(value, 3)))


def _ms(value: float) -> Decimal:
    return Decimal(str(round(value * 1000, 1)))


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
    build_seconds = _seconds(time.perf_counter() - started)
    simulated = _enrol(database, counters)
    # Whole sales (three entries each) per counter, enough for the pace and the time.
    paced_sales = -(-paced_rate * paced_seconds // (3 * counters))
    make_chains(
        database, simulated, meters, sales, batch, random.Random(seed), paced_sales, paced_batch
    )
    progress(f"{counters} counters, {sales} sales each")
    server = _ServerProcess(folder)
    try:
        uplink = _uplink(database, server.url, simulated, sales, batch)
        progress(f"uplink: {uplink.events_per_second} events/s")
        paced = None
        if paced_sales:
            paced = run_paced(server.url, simulated, paced_rate, paced_batch, _in_threads)
            _check_booked(database, simulated, sales + paced_sales)
            progress(f"offered {paced_rate} events/s: ack p95 {paced.ack_p95_ms} ms")
        downlink = _downlink(database, server.url, simulated[0], changes)
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


class _ServerProcess:
    """``starpos server run`` on this data folder, on a free port."""

    def __init__(self, folder: Path) -> None:
        command = [sys.executable, "-m", "starpos", "--data-dir", str(folder)]
        self.log = (folder / "server-bench.log").open("ab")
        self.process = subprocess.Popen(
            [*command, "server", "run", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=self.log,
        )
        assert self.process.stdout is not None
        self.url = self._announced(self.process.stdout)

    def _announced(self, stdout: IO[bytes]) -> str:
        found: list[str] = []
        reader = threading.Thread(target=lambda: found.append(stdout.readline().decode()))
        reader.start()
        reader.join(START_TIMEOUT_S)
        line = found[0].strip() if found else ""
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError("the head office server did not start (server-bench.log)")
        return line

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.log.close()


def _in_threads(
    simulated: list[SimulatedCounter], work: Callable[[SimulatedCounter], list[float]]
) -> tuple[float, list[float]]:
    """Run ``work`` for every counter at once; the wall time and every latency measured."""
    start = threading.Barrier(len(simulated) + 1)
    latencies: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run(counter: SimulatedCounter) -> None:
        start.wait()
        try:
            measured = work(counter)
        except BaseException as error:  # reported after every thread ended
            with lock:
                failures.append(error)
            return
        with lock:
            latencies.extend(measured)

    threads = [threading.Thread(target=run, args=(counter,)) for counter in simulated]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    if failures:
        raise failures[0]
    return wall, latencies


def _push_all(url: str) -> Callable[[SimulatedCounter], list[float]]:
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
        wall, _ = _in_threads(simulated, work)
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


def _uplink(
    database: Database, url: str, simulated: list[SimulatedCounter], sales: int, batch: int
) -> UplinkResult:
    wall, latencies = _in_threads(simulated, _push_all(url))
    events = sum(len(counter.events) for counter in simulated)
    findings = _check_booked(database, simulated, sales)
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
        seconds=_seconds(wall),
        events_per_second=Decimal(round(rate)),
        ack_p50_ms=_ms(statistics.median(ordered)),
        ack_p95_ms=_ms(percentile(ordered, 0.95)),
        raw_seconds=_seconds(raw),
        raw_events_per_second=Decimal(round(raw_rate)),
        share_of_raw=Decimal(str(round(rate / raw_rate, 3))),
        raw_copy_events_per_second=Decimal(round(events / raw_copy)),
        share_of_raw_copy=Decimal(str(round(rate * raw_copy / events, 3))),
        findings=findings,
    )


def _check_booked(
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


def _downlink(
    database: Database, url: str, counter: SimulatedCounter, changes: int
) -> DownlinkResult:
    with (
        tempfile.TemporaryDirectory() as folder,
        Database.open(f"sqlite:///{Path(folder) / 'counter.db'}") as local,
    ):
        with local.unit_of_work() as uow:
            uow.session.add(
                SyncState(
                    id=1,
                    server_url=url,
                    key_id=counter.key_id,
                    terminal_code=counter.terminal,
                    sales_point_code=SALES_POINT,
                    enrolled_at=utc_now(),
                )
            )
            uow.commit()
        with HeadOfficeClient(url, key_id=counter.key_id, key=counter.key) as client:
            began = time.perf_counter()
            snapshot = pull(local, full=True, client=client)
            snapshot_seconds = time.perf_counter() - began
            _edit_customers(database, changes)
            began = time.perf_counter()
            incremental = pull(local, client=client)
            incremental_seconds = time.perf_counter() - began
    return DownlinkResult(
        snapshot_rows=sum(snapshot.rows.values()),
        snapshot_mb=Decimal(str(round(snapshot.size / 1024 / 1024, 1))),
        snapshot_seconds=_seconds(snapshot_seconds),
        changes=changes,
        incremental_rows=sum(incremental.rows.values()),
        incremental_seconds=_seconds(incremental_seconds),
    )


def _edit_customers(database: Database, changes: int) -> None:
    """``changes`` customers renamed at the head office, ten to a transaction."""
    with database.reading() as session:
        codes = list(session.scalars(select(Customer.code).order_by(Customer.code).limit(changes)))
    for start in range(0, len(codes), 10):
        with database.engine.begin() as connection:
            for code in codes[start : start + 10]:
                connection.execute(
                    update(Customer).where(Customer.code == code).values(name=f"Edited {code}")
                )
