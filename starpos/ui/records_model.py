"""A read-only Qt table of plain records (frozen dataclasses from the counter's core).

Plain data in, cells out, so a model is tested without a view. A subclass names its
columns (English source texts of its translation context), which of them hold numbers
(right-aligned), how its rows are ordered and what each cell shows; it may colour rows
(:meth:`RecordsTableModel.styled`). The row's record itself is under ``RecordRole`` for
views that want more than the cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from starpos.ui.signals import emit
from starpos.ui.translator import tr

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordsTableModel(QAbstractTableModel):
    RecordRole = Qt.ItemDataRole.UserRole + 1

    #: the translation context of the column titles
    CONTEXT: ClassVar[str]
    COLUMNS: ClassVar[tuple[str, ...]]
    NUMERIC_COLUMNS: ClassVar[tuple[int, ...]] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    # -- what a subclass says -------------------------------------------------------------
    def ordered(self, records: Sequence[Any]) -> list[Any]:
        """The rows in the order shown (as given, unless a subclass sorts them)."""
        return list(records)

    def cell(self, record: Any, column: int) -> str:
        """What ``column`` of ``record``'s row shows."""
        raise NotImplementedError(type(self).__name__)

    def styled(self, record: Any, column: int, role: int) -> Any:
        """A colour or font for ``role`` (Background/ForegroundRole...), or None."""
        return None

    # -- the model ------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = self.ordered(records)
        self.endResetModel()

    def record_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RecordRole:
            return record
        return self.styled(record, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return tr(self.CONTEXT, self.COLUMNS[section])
        return None

    def retranslate(self) -> None:
        """Column titles and cells again, in the language just chosen."""
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            emit(self.dataChanged, self.index(0, 0), last)
