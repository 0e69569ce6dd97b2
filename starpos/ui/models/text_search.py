"""Search a table by typing: the rows where any column contains the text, spaces ignored.

Spaces are ignored on both sides, so a token read out in groups ("5555 6666") or a number
typed without them finds the row all the same. The manual's enquiry screens offer two
searches: fuzzy (a column contains the text, the default) and exact (a column is the text).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel

from starpos.ui.models.record_table import AnyIndex, RecordTableModel


class TextSearchFilter(QSortFilterProxyModel):
    """Keeps the rows where any column contains the search text (spaces ignored); sorts
    by each column's sort key (amounts by value, not as text)."""

    def __init__(self) -> None:
        super().__init__()
        self._needle = ""
        self._exact = False
        self.setSortRole(RecordTableModel.SortRole)

    def set_search(self, text: str, exact: bool = False) -> None:
        """Keep the rows a column of which contains ``text`` (``exact``: equals it)."""
        self.beginFilterChange()
        self._needle = "".join(text.split()).casefold()
        self._exact = exact
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        for column in range(model.columnCount()):
            value = model.data(model.index(source_row, column, source_parent))
            if value is None:
                continue
            shown = "".join(str(value).split()).casefold()
            if shown == self._needle or (not self._exact and self._needle in shown):
                return True
        return False
