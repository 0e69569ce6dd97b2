"""Many new meters into stock on one bill, fast: a serial-number range or a CSV file.

:func:`starpos.masterdata.meter_stock.stock_in_new` adds meters one by one (a flush each);
ten thousand meters take seconds that way, so a range or a file is checked whole first
(every number new, none twice) and then written with one multi-row insert for the meters
and one for their stock-in moves, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from starpos.db.column_types import utc_now
from starpos.db.enums import ContractStatus, MeterCondition, StockMovementKind, StockStatus
from starpos.db.models import Meter, StockMovement
from starpos.masterdata.meter_stock import NewMeter
from starpos.sts.meter_number import MeterNumber

_METERS = cast(Table, Meter.__table__)
_MOVES = cast(Table, StockMovement.__table__)
#: Numbers asked about in one ``IN (...)`` (well under SQLite's 32,766 variables).
_CHUNK = 900


@dataclass(frozen=True)
class StockedMeter:
    """A new meter with its model and branch resolved to ids."""

    number: MeterNumber
    key: NewMeter
    model_id: int
    branch_id: int


def existing_numbers(session: Session, numbers: Iterable[str]) -> set[str]:
    """Which of ``numbers`` (IAINs) the store already has."""
    wanted = list(numbers)
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(session.scalars(select(Meter.number).where(Meter.number.in_(chunk))))
    return found


def insert_new_meters(
    session: Session,
    meters: Sequence[StockedMeter],
    bill_number: str,
    *,
    operator_id: int | None,
    moved_at: datetime | None = None,
) -> None:
    """Insert checked new meters IN_STOCK with an IN_NEW move each on ``bill_number``."""
    if not meters:
        return
    now = moved_at or utc_now()
    rows: list[dict[str, Any]] = [
        {
            "number": meter.number.iain,
            "pan": meter.number.pan,
            "model_id": meter.model_id,
            "medium": meter.key.medium,
            "sgc": meter.key.sgc,
            "ti": meter.key.ti,
            "krn": meter.key.krn,
            "ken": meter.key.ken,
            "key_type": meter.key.key_type,
            "dkga": meter.key.dkga,
            "ea": meter.key.ea,
            "tid_base_year": meter.key.tid_base_year,
            "key_register": meter.key.key_register,
            "ex_factory_date": meter.key.ex_factory_date,
            "branch_id": meter.branch_id,
            "stock_status": StockStatus.IN_STOCK,
            "condition": MeterCondition.GOOD,
            "contract_status": ContractStatus.NONE,
            "outstanding_debt": Decimal(0),
            "prearrange_due": False,
            "created_at": now,
        }
        for meter in meters
    ]
    session.execute(insert(Meter), rows)
    ids: dict[str, int] = {}
    numbers = [meter.number.iain for meter in meters]
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        found = session.execute(select(Meter.number, Meter.id).where(Meter.number.in_(chunk)))
        ids.update((number, id_) for number, id_ in found)
    session.execute(
        insert(StockMovement),
        [
            {
                "bill_number": bill_number,
                "kind": StockMovementKind.IN_NEW,
                "meter_id": ids[meter.number.iain],
                "branch_id": meter.branch_id,
                "condition": MeterCondition.GOOD,
                "drawer": "",
                "operator_id": operator_id,
                "moved_at": now,
                "remark": "",
            }
            for meter in meters
        ],
    )
