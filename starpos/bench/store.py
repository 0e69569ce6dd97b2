"""``starpos db bench``: a utility-sized store built in bulk, and how fast the counter reads it.

Builds the demo master data, then ``customers`` customers with one installed meter each and
``vends`` printed sales spread over the last year (each with a charge line and a token), with
bulk inserts rather than the one-by-one registration the demo uses. Then it times
:func:`starpos.masterdata.meter_lookup.lookup_meter` (meter number or PAN, a fresh read
transaction each,
as at the counter) and reports the database size the vends added, per million vends.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import (
    ContractStatus,
    CustomerStatus,
    MeterMedium,
    StockStatus,
    VendState,
)
from starpos.db.models import (
    Customer,
    CustomerType,
    Meter,
    MeterModel,
    Operator,
    PaymentTerm,
    SystemParameters,
    TariffScheme,
    Vend,
    VendCharge,
    VendToken,
)
from starpos.demo.master_data_loader import demo_file, load_master_data, read_json
from starpos.demo.seed import AlreadySeededError
from starpos.masterdata.meter_lookup import lookup_meter
from starpos.pricing import ChargeMethod
from starpos.sts.meter_number import LONG_IIN, make_meter_number, parse_meter_number

BATCH = 10_000


@dataclass(frozen=True)
class BenchReport:
    customers: int
    vends: int
    lookups: int
    lookup_p50_ms: Decimal
    lookup_p95_ms: Decimal
    lookup_p99_ms: Decimal
    lookup_max_ms: Decimal
    lookup_cpu_p50_ms: Decimal
    lookup_cpu_p99_ms: Decimal
    database_mb: Decimal
    vends_mb: Decimal
    mb_per_million_vends: Decimal
    build_seconds: Decimal

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(session: Session, model: type, rows: Iterator[dict[str, Any]]) -> None:
    for batch in _batches(rows):
        session.execute(insert(model), batch)


def _ids(session: Session, model: Any) -> dict[str, int]:
    return {code: id_ for code, id_ in session.execute(select(model.code, model.id))}


def _file_mb(path: Path) -> Decimal:
    size = sum(
        os.path.getsize(candidate)
        for candidate in (path, Path(f"{path}-wal"))
        if candidate.exists()
    )
    return (Decimal(size) / (1 << 20)).quantize(Decimal("0.1"))


def _checkpoint(database: Database) -> None:
    if database.engine.dialect.name == "sqlite":
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def build(
    database: Database,
    customers: int,
    vends: int,
    seed: int,
    path: Path | None,
    progress: Callable[[str], None],
) -> tuple[list[str], Decimal, Decimal]:
    """Fill an empty database; returns the meter numbers and its size before/after vends."""
    rng = random.Random(seed)
    with database.unit_of_work() as uow:
        session = uow.session
        if session.get(SystemParameters, 1) is not None:
            raise AlreadySeededError()
        load_master_data(session, read_json(demo_file("master_data.json")))
        types = _ids(session, CustomerType)
        models = _ids(session, MeterModel)
        schemes = _ids(session, TariffScheme)
        branch_id = 1
        today = date.today()
        _insert(
            session,
            Customer,
            (
                {
                    "code": f"B{n:08d}",
                    "name": f"Bench customer {n}",
                    "address": f"{n} Bench Road",
                    "telephone": "",
                    "id_number": f"{10**10 + n}",
                    "customer_type_id": types["RES"],
                    "status": CustomerStatus.ACTIVE,
                    "region_id": None,
                    "corporation": "",
                    "tax_reference": "",
                    "bank_id": None,
                    "bank_account": "",
                    "registered_on": today,
                    "remark": "",
                    "created_at": datetime.now(UTC),
                }
                for n in range(1, customers + 1)
            ),
        )
        numbers = [make_meter_number(LONG_IIN, "47", 20_000_000 + n) for n in range(customers)]
        customer_ids = list(session.scalars(select(Customer.id).order_by(Customer.id)))
        _insert(
            session,
            Meter,
            (
                {
                    "number": number.iain,
                    "pan": number.pan,
                    "model_id": models["SK-1P"],
                    "medium": MeterMedium.KEYPAD,
                    "sgc": "123456",
                    "ti": 1,
                    "krn": 1,
                    "ken": 255,
                    "key_type": 2,
                    "dkga": "02",
                    "ea": "07",
                    "tid_base_year": 1993,
                    "key_register": "1",
                    "last_tid": None,
                    "branch_id": branch_id,
                    "stock_status": StockStatus.INSTALLED,
                    "condition": "good",
                    "ex_factory_date": None,
                    "customer_id": customer_id,
                    "tariff_scheme_id": schemes["RES-STEP"],
                    "install_date": today,
                    "contract_status": ContractStatus.ACTIVE,
                    "contract_start": today,
                    "contract_end": None,
                    "outstanding_debt": Decimal(0),
                    "prearrange_due": False,
                    "created_at": datetime.now(UTC),
                }
                for number, customer_id in zip(numbers, customer_ids, strict=True)
            ),
        )
        uow.commit()
    progress(f"{customers} customers and meters")
    _checkpoint(database)
    before = _file_mb(path) if path else Decimal(0)
    with database.unit_of_work() as uow:
        session = uow.session
        meter_rows = session.execute(select(Meter.id, Meter.customer_id)).all()
        operator = session.scalars(select(Operator).where(Operator.code == "CASH1")).one()
        cash = session.scalars(select(PaymentTerm.id).where(PaymentTerm.code == "CASH")).one()
        uow.commit()
    start = datetime.now(UTC) - timedelta(days=365)
    done = 0
    while done < vends:
        chunk = min(100_000, vends - done)
        plan = []
        for n in range(done + 1, done + chunk + 1):
            meter_id, customer_id = meter_rows[rng.randrange(len(meter_rows))]
            net = Decimal(rng.choice((5, 10, 20, 50, 100)))
            plan.append(
                (
                    n,
                    meter_id,
                    customer_id,
                    net,
                    start + timedelta(seconds=rng.randrange(365 * 86400)),
                )
            )
        with database.unit_of_work() as uow:
            session = uow.session
            _insert(
                session,
                Vend,
                (
                    {
                        "id": n,
                        "request_id": str(uuid.UUID(int=rng.getrandbits(128))),
                        "bill_number": f"B{n:010d}",
                        "state": VendState.PRINTED,
                        "meter_id": meter_id,
                        "customer_id": customer_id,
                        "operator_id": operator.id,
                        "sales_point_id": operator.sales_point_id,
                        "terminal_id": None,
                        "payment_term_id": cash,
                        "bank_id": None,
                        "cheque_number": "",
                        "tariff_version_id": None,
                        "tendered": net,
                        "change": Decimal(0),
                        "net_amount": net,
                        "amount": net - Decimal("1.65"),
                        "taxed_charges": Decimal("1.50"),
                        "untaxed_charges": Decimal(0),
                        "vat_rate": Decimal("7.5"),
                        "vat": Decimal("0.15"),
                        "debt_repayment": Decimal(0),
                        "debt_after": Decimal(0),
                        "preinstalled": Decimal(0),
                        "prearrange": Decimal(0),
                        "amount_rounding": Decimal(0),
                        "energy_kwh": net * 8,
                        "fbe_kwh": Decimal(0),
                        "token_kwh": net * 8,
                        "first_purchase": False,
                        "tid": None,
                        "module_id": "08123734",
                        "failure_reason": None,
                        "print_count": 1,
                        "created_at": at,
                        "issued_at": at,
                        "printed_at": at,
                        "failed_at": None,
                        "cancelled_at": None,
                    }
                    for n, meter_id, customer_id, net, at in plan
                ),
            )
            _insert(
                session,
                VendCharge,
                (
                    {
                        "vend_id": n,
                        "position": 1,
                        "charge_item_id": None,
                        "method": ChargeMethod.MONTHLY,
                        "code": "SVC",
                        "name": "Monthly service charge",
                        "amount": Decimal("1.50"),
                        "taxed": True,
                    }
                    for n, *_ in plan
                ),
            )
            _insert(
                session,
                VendToken,
                (
                    {
                        "vend_id": n,
                        "position": 1,
                        "kind": "credit",
                        "token": f"{rng.randrange(10**20):020d}",
                        "tid": None,
                        "created_at": at,
                    }
                    for n, _m, _c, _net, at in plan
                ),
            )
            uow.commit()
        done += chunk
        progress(f"{done} vends")
    _checkpoint(database)
    after = _file_mb(path) if path else Decimal(0)
    return [number.iain for number in numbers], before, after


def _ms(nanoseconds: float) -> Decimal:
    return (Decimal(nanoseconds) / 1_000_000).quantize(Decimal("0.001"))


def measure_lookups(
    database: Database, numbers: list[str], lookups: int, seed: int
) -> tuple[list[int], list[int]]:
    """Wall-clock and CPU nanoseconds of each lookup, sorted (CPU time shows what a lookup
    costs when other programs compete for the processor and stretch the wall-clock tail)."""
    rng = random.Random(seed + 1)
    wall, cpu = [], []
    for _ in range(lookups):
        number = rng.choice(numbers)
        text = number if rng.random() < 0.8 else parse_meter_number(number).pan
        began, began_cpu = time.perf_counter_ns(), time.thread_time_ns()
        with database.reading() as session:
            lookup_meter(session, text)
        cpu.append(time.thread_time_ns() - began_cpu)
        wall.append(time.perf_counter_ns() - began)
    return sorted(wall), sorted(cpu)


def run_bench(
    database: Database,
    *,
    customers: int,
    vends: int,
    lookups: int,
    seed: int,
    path: Path | None,
    progress: Callable[[str], None],
) -> BenchReport:
    began = time.monotonic()
    numbers, before, after = build(database, customers, vends, seed, path, progress)
    built = Decimal(time.monotonic() - began).quantize(Decimal("0.1"))
    measure_lookups(database, numbers, min(200, lookups), seed)  # warm the page cache
    timings, cpu = measure_lookups(database, numbers, lookups, seed)
    with database.reading() as session:
        counted = session.scalar(select(func.count(Vend.id))) or 0

    def percentile(share: int, values: list[int] | None = None) -> Decimal:
        values = timings if values is None else values
        return _ms(values[min(len(values) - 1, (len(values) * share) // 100)])

    vends_mb = after - before
    per_million = (
        (vends_mb * 1_000_000 / counted).quantize(Decimal("0.1")) if counted else Decimal(0)
    )
    return BenchReport(
        customers=customers,
        vends=counted,
        lookups=lookups,
        lookup_p50_ms=_ms(statistics.median(timings)),
        lookup_p95_ms=percentile(95),
        lookup_p99_ms=percentile(99),
        lookup_max_ms=_ms(timings[-1]),
        lookup_cpu_p50_ms=_ms(statistics.median(cpu)),
        lookup_cpu_p99_ms=percentile(99, cpu),
        database_mb=after,
        vends_mb=vends_mb,
        mb_per_million_vends=per_million,
        build_seconds=built,
    )


def remeasure(database: Database, *, lookups: int, seed: int) -> dict[str, Decimal]:
    """Time lookups again on a store an earlier bench built (wall and CPU percentiles)."""
    with database.reading() as session:
        numbers = list(session.scalars(select(Meter.number)))
    measure_lookups(database, numbers, min(200, lookups), seed)
    wall, cpu = measure_lookups(database, numbers, lookups, seed)

    def at(values: list[int], share: int) -> Decimal:
        return _ms(values[min(len(values) - 1, (len(values) * share) // 100)])

    return {
        "lookup_p50_ms": at(wall, 50),
        "lookup_p95_ms": at(wall, 95),
        "lookup_p99_ms": at(wall, 99),
        "lookup_cpu_p50_ms": at(cpu, 50),
        "lookup_cpu_p99_ms": at(cpu, 99),
    }
