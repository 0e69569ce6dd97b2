"""What the meter stock screen asks of the core, as plain calls its worker thread runs.

Each call opens its own transaction in the core (:mod:`starpos.masterdata.stock_moves`,
:mod:`starpos.masterdata.stock_list`), acting as the operator who logged in; a change
answers with the bill number it made, which the screen shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from starpos.db import Database
from starpos.db.enums import MeterCondition
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.meter_import import import_meters
from starpos.masterdata.meter_ranges import stock_in_range
from starpos.masterdata.meter_stock import NewMeter
from starpos.masterdata.stock_list import (
    HistoryEntry,
    StockFilter,
    StockListPage,
    meter_history,
    stock_choices,
    stock_page,
)
from starpos.masterdata.stock_moves import (
    last_of_range,
    receive_from_branch,
    set_meter_status,
    stock_out_meters,
)
from starpos.operators import permissions
from starpos.operators.session import OperatorSession


@dataclass(frozen=True)
class BillMade:
    """What a stock movement answers: its bill (several for a file) and how many meters."""

    bills: tuple[str, ...]
    count: int


class StockService(Protocol):
    def may_move(self) -> bool: ...
    def page(
        self, chosen: StockFilter, order: str, descending: bool, limit: int, offset: int
    ) -> StockListPage: ...
    def choices(self) -> tuple[list[str], list[str]]: ...
    def history(self, number: str) -> list[HistoryEntry]: ...
    def stock_in(
        self, key: NewMeter, count: int, model_code: str, branch_code: str
    ) -> BillMade: ...
    def stock_in_file(self, path: Path) -> BillMade | CsvRefusedError: ...
    def stock_out(self, numbers: Sequence[str], to_branch: str | None, drawer: str) -> BillMade: ...
    def from_branch(self, numbers: Sequence[str], origin_bill: str | None) -> BillMade: ...
    def set_status(self, number: str, status: MeterCondition, reason: str) -> None: ...


class CoreStockService:
    """:class:`StockService` on a store, as ``operator``."""

    def __init__(self, database: Database, operator: OperatorSession) -> None:
        self.database, self.operator = database, operator

    def may_move(self) -> bool:
        return self.operator.may(permissions.MANAGE_METERS)

    def page(
        self, chosen: StockFilter, order: str, descending: bool, limit: int, offset: int
    ) -> StockListPage:
        with self.database.reading() as session:
            return stock_page(
                session, chosen, order=order, descending=descending, limit=limit, offset=offset
            )

    def choices(self) -> tuple[list[str], list[str]]:
        with self.database.reading() as session:
            return stock_choices(session)

    def history(self, number: str) -> list[HistoryEntry]:
        with self.database.reading() as session:
            return meter_history(session, number)

    def stock_in(self, key: NewMeter, count: int, model_code: str, branch_code: str) -> BillMade:
        """``count`` new meters from ``key.number`` on, on one bill (one meter: ``count`` 1)."""
        last = last_of_range(key.number, count)
        result = stock_in_range(
            self.database, self.operator, key.number, last, model_code=model_code,
            branch_code=branch_code, key=key,
        )  # fmt: skip
        return BillMade((result.bill_number,), result.count)

    def stock_in_file(self, path: Path) -> BillMade | CsvRefusedError:
        """The bills made, or the refusal naming every bad row (shown row by row, not as
        one line like other refusals)."""
        try:
            result = import_meters(self.database, self.operator, path)
        except CsvRefusedError as refusal:
            return refusal
        return BillMade(result.bills, result.count)

    def stock_out(self, numbers: Sequence[str], to_branch: str | None, drawer: str) -> BillMade:
        result = stock_out_meters(
            self.database, self.operator, numbers, to_branch=to_branch, drawer=drawer
        )
        return BillMade((result.bill_number,), result.count)

    def from_branch(self, numbers: Sequence[str], origin_bill: str | None) -> BillMade:
        result = receive_from_branch(
            self.database, self.operator, numbers, origin_bill_number=origin_bill
        )
        return BillMade((result.bill_number,), result.count)

    def set_status(self, number: str, status: MeterCondition, reason: str) -> None:
        set_meter_status(self.database, self.operator, number, status, reason)
