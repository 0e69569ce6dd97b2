"""A report's rows as a sortable Qt table, and its totals as a row that stays below it.

The cells are the core's :func:`~starpos.reports.shape.cell_text`; the table sorts by value
(amounts as exact integers of micro-units, dates by their ISO text), never by a float.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidget, QTableWidgetItem, QWidget

from starpos.reports.pdf_writer import NUMBERS, TOTAL
from starpos.reports.shape import CONTEXT, Report, Row, Totals, cell_text
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.translator import tr

#: What an empty numeric cell sorts as: before every number.
NOTHING = -(10**30)


def _sort_key(key: str, numeric: bool) -> Any:
    def sort(row: Row) -> str | int:
        value = row[key]
        if numeric:
            if value is None:
                return NOTHING
            return int(Decimal(value).scaleb(6))  # exact, whatever the decimals
        return cell_text(value)

    return sort


def _shows(key: str) -> Callable[[Row], str]:
    return lambda row: cell_text(row[key])


def report_model(report: Report) -> RecordTableModel[Row]:
    columns = [
        Column[Row](
            title=column.label,
            shows=_shows(column.key),
            numeric=column.kind in NUMBERS,
            sort_key=_sort_key(column.key, column.kind in NUMBERS),
        )
        for column in report.columns
    ]
    return RecordTableModel(CONTEXT, columns)


def sorted_view(model: RecordTableModel[Row]) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(RecordTableModel.SortRole)
    return proxy


class TotalsRow(QTableWidget):
    """One row under the table: the row count and each totalled column, in its column."""

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(1, 0, parent)
        self.setObjectName("reportTotals")
        self.table = table
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedHeight(self.verticalHeader().defaultSectionSize() + 4)
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda index, _old, new: self.setColumnWidth(index, new))
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)

    def show_totals(self, report: Report, totals: Totals) -> None:
        self.setColumnCount(len(report.columns))
        bold = QFont(self.font())
        bold.setBold(True)
        for index, column in enumerate(report.columns):
            text = ""
            if column.total:
                text = cell_text(totals.sums[column.key])
            elif index == 0:
                text = tr(CONTEXT, TOTAL).format(rows=totals.count)
            item = QTableWidgetItem(text)
            item.setFont(bold)
            if column.kind in NUMBERS:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(0, index, item)
            self.setColumnWidth(index, self.table.horizontalHeader().sectionSize(index))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
