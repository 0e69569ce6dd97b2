"""The downlink of ``starpos server bench``: a new counter (an empty SQLite store) takes a
full snapshot, then ``changes`` customers are renamed at the head office (ten to a
transaction) and the counter pulls them."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, update

from starpos.bench.sync_counters import SALES_POINT, SimulatedCounter
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import Customer, SyncState
from starpos.sync.client import HeadOfficeClient
from starpos.sync.pull import pull


@dataclass(frozen=True)
class DownlinkResult:
    snapshot_rows: int
    snapshot_mb: Decimal
    snapshot_seconds: Decimal
    changes: int
    incremental_rows: int
    incremental_seconds: Decimal


def run_downlink(
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
        snapshot_seconds=Decimal(str(round(snapshot_seconds, 3))),
        changes=changes,
        incremental_rows=sum(incremental.rows.values()),
        incremental_seconds=Decimal(str(round(incremental_seconds, 3))),
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
