"""This shift's vends as a Qt table model, searchable through a proxy.

The model is plain data in, cells out (tested without a view); the proxy matches the
search text against every column, so a cashier can find a sale by meter number, bill
number, customer name or token.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel

from starpos.counter.views import ShiftVend
from starpos.i18n import tr_noop
from starpos.ui.money import format_kwh, format_money, group_token
from starpos.ui.records_model import AnyIndex, RecordsTableModel
from starpos.ui.translator import tr

COLUMNS = (
    tr_noop("shift", "Time"),
    tr_noop("shift", "Bill"),
    tr_noop("shift", "Meter"),
    tr_noop("shift", "Customer"),
    tr_noop("shift", "Net amount"),
    tr_noop("shift", "Energy (kWh)"),
    tr_noop("shift", "Token"),
    tr_noop("shift", "State"),
)
NUMERIC_COLUMNS = (4, 5)
#: Vend states as the ledger names them, shown translated.
STATES = (
    tr_noop("shift", "PENDING"),
    tr_noop("shift", "ISSUED"),
    tr_noop("shift", "PRINTED"),
    tr_noop("shift", "FAILED"),
    tr_noop("shift", "CANCELLED"),
)


class ShiftVendsModel(RecordsTableModel):
    CONTEXT = "shift"
    COLUMNS = COLUMNS
    NUMERIC_COLUMNS = NUMERIC_COLUMNS
    #: the row's ShiftVend object, for views that want more than the cells
    VendRole = RecordsTableModel.RecordRole

    def __init__(self, decimals: int = 2) -> None:
        super().__init__()
        self.decimals = decimals

    def set_vends(self, vends: Sequence[ShiftVend]) -> None:
        self.set_records(vends)

    def vend_at(self, row: int) -> ShiftVend:
        vend: ShiftVend = self.record_at(row)
        return vend

    def ordered(self, records: Sequence[ShiftVend]) -> list[ShiftVend]:
        return sorted(records, key=lambda vend: vend.issued_at, reverse=True)

    def cell(self, vend: ShiftVend, column: int) -> str:
        if column == 0:
            return vend.issued_at.strftime("%H:%M:%S")
        if column == 1:
            return vend.bill_number
        if column == 2:
            return vend.meter_number
        if column == 3:
            return vend.customer_name
        if column == 4:
            return format_money(vend.net, self.decimals)
        if column == 5:
            return format_kwh(vend.energy_kwh)
        if column == 6:
            return group_token(vend.token)
        return tr("shift", vend.state)


class ShiftVendsFilter(QSortFilterProxyModel):
    """Keeps the rows where any column contains the search text (spaces ignored)."""

    def __init__(self) -> None:
        super().__init__()
        self._needle = ""

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = "".join(text.split()).casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        for column in range(model.columnCount()):
            value = model.data(model.index(source_row, column, source_parent))
            if value is not None and self._needle in "".join(str(value).split()).casefold():
                return True
        return False
