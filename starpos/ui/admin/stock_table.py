"""The meter stock as a table that reads the store a page at a time.

A utility's stock runs to 100,000 meters: the table holds only the pages it has shown, asks
for the next one when the view scrolls to the end (Qt's ``canFetchMore``/``fetchMore``),
and a click on a column title asks the store for that order (:class:`StoreOrderProxy`)
instead of sorting the rows it happens to hold. Tested without a view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal

from starpos.db.enums import MeterCondition, StockStatus
from starpos.i18n import tr_noop, translate
from starpos.masterdata.meter_stock import CONDITION_TERMS
from starpos.masterdata.stock_list import STOCK_TERMS, StockListPage, StockRow
from starpos.ui.models.record_table import AnyIndex, Column, RecordTableModel
from starpos.ui.signals import emit

#: Rows asked of the store at a time: a few screenfuls.
PAGE = 100


def condition_text(value: str) -> str:
    return translate("terms", CONDITION_TERMS[MeterCondition(value)])


def stock_text(value: str) -> str:
    return translate("terms", STOCK_TERMS[StockStatus(value)])


COLUMNS: list[Column[StockRow]] = [
    Column(tr_noop("admin", "Meter number"), lambda r: r.number),
    Column(tr_noop("admin", "Model"), lambda r: r.model),
    Column(tr_noop("admin", "Branch"), lambda r: r.branch),
    Column(tr_noop("admin", "Where"), lambda r: stock_text(r.stock)),
    Column(tr_noop("admin", "Status"), lambda r: condition_text(r.status)),
    Column(tr_noop("admin", "Customer"), lambda r: r.customer),
    Column(tr_noop("admin", "Stocked in"), lambda r: f"{r.stocked_in:%Y-%m-%d}"),
]
#: the store's order (:data:`starpos.masterdata.stock_list.ORDERS`) of each column
ORDER_OF_COLUMN = ("number", "model", "branch", "stock", "status", "customer", "stocked_in")


class PagedStockModel(RecordTableModel[StockRow]):
    #: the view reached the last row held: the page from this offset is wanted
    more_wanted = Signal(int)

    def __init__(self) -> None:
        super().__init__("admin", COLUMNS)
        self.total = 0
        self._asking = False

    def show_first(self, page: StockListPage) -> None:
        """The first page of a new question (filters or order changed)."""
        self.total, self._asking = page.total, False
        self.set_records(page.rows)

    def show_more(self, page: StockListPage) -> None:
        """A later page; ignored unless it continues the rows held."""
        self._asking = False
        held = self.rowCount()
        if page.offset != held or not page.rows:
            return
        self.total = page.total
        self.beginInsertRows(QModelIndex(), held, held + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._asking and self.rowCount() < self.total

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._asking = True
            emit(self.more_wanted, self.rowCount())


class StoreOrderProxy(QSortFilterProxyModel):
    """Passes the rows through in the store's order; sorting asks the store again
    (``order_wanted``) since the rows held are only the first pages."""

    order_wanted = Signal(int, Qt.SortOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(ORDER_OF_COLUMN):
            emit(self.order_wanted, column, order)
