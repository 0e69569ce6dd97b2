"""This shift's vends as a Qt table model, searchable through a proxy.

The model is plain data in, cells out (tested without a view); the proxy matches the
search text against every column, so a cashier can find a sale by meter number, bill
number, customer name or token.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from starpos.counter.views import ShiftVend
from starpos.i18n import tr_noop
from starpos.ui.money import format_kwh, format_money, group_token
from starpos.ui.signals import emit
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

AnyIndex = QModelIndex | QPersistentModelIndex


class ShiftVendsModel(QAbstractTableModel):
    #: the row's ShiftVend object, for views that want more than the cells
    VendRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, decimals: int = 2) -> None:
        super().__init__()
        self.decimals = decimals
        self._rows: list[ShiftVend] = []

    def set_vends(self, vends: Sequence[ShiftVend]) -> None:
        self.beginResetModel()
        self._rows = sorted(vends, key=lambda vend: vend.issued_at, reverse=True)
        self.endResetModel()

    def vend_at(self, row: int) -> ShiftVend:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        vend = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(vend, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.VendRole:
            return vend
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return tr("shift", COLUMNS[section])
        return None

    def retranslate(self) -> None:
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            emit(self.dataChanged, self.index(0, 0), last)

    def _cell(self, vend: ShiftVend, column: int) -> str:
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
