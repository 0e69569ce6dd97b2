"""One read-only Qt table of plain records (frozen dataclasses from the counter's core).

Plain data in, cells out, so a table is tested without a view. A table is configured, not
subclassed: its columns (an English title in the table's translation context, what each
cell shows, whether it holds a number and is right-aligned), the order of its rows and,
optionally, a colour or font for what needs a person's eye. The row's record itself is
under :attr:`RecordTableModel.RecordRole` for views that want more than the cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from starpos.ui.signals import emit
from starpos.ui.translator import tr

AnyIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


@dataclass(frozen=True)
class Column(Generic[R]):
    #: the English source text of the column's title (marked with ``tr_noop``)
    title: str
    #: what the column shows for a record, translated at display time
    shows: Callable[[R], str]
    #: numbers are right-aligned
    numeric: bool = False
    #: what the column sorts by (a string or an integer), when not its text: amounts by
    #: value, times by time
    sort_key: Callable[[R], str | int] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    RecordRole = Qt.ItemDataRole.UserRole + 1
    #: what a view sorts by (:attr:`Column.sort_key`, else the text shown)
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        context: str,
        columns: Sequence[Column[R]],
        order: Callable[[Sequence[R]], list[R]] = list,
        style: Callable[[R, int, int], Any] | None = None,
    ) -> None:
        """``context``: the translation context of the titles; ``order``: the records in
        the order shown; ``style(record, column, role)``: a brush or font for a role such as
        ``BackgroundRole``, or None."""
        super().__init__()
        self.context = context
        self.columns = tuple(columns)
        self._order = order
        self._style = style
        self._rows: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = self._order(records)
        self.endResetModel()

    def record_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[column].shows(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return record
        if role == self.SortRole:
            key = self.columns[column].sort_key
            return self.columns[column].shows(record) if key is None else key(record)
        return None if self._style is None else self._style(record, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return tr(self.context, self.columns[section].title)
        return None

    def retranslate(self) -> None:
        """Column titles and cells again, in the language just chosen."""
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.columns) - 1)
            emit(self.dataChanged, self.index(0, 0), last)
