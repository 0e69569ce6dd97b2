"""A report as a QTextDocument for the print preview and the printer: title, the filters
used, a table whose header row repeats on every page, the totals; Qt prints the page number
at the foot of each page."""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTableFormat,
)

from starpos.reports.pdf_writer import TOTAL
from starpos.reports.runner import ReportResult
from starpos.reports.shape import CONTEXT, cell_text, filter_summary
from starpos.ui.translator import tr


def report_document(result: ReportResult) -> QTextDocument:
    report = result.report
    document = QTextDocument()
    base = QFont(document.defaultFont())
    base.setPointSizeF(7.5)
    document.setDefaultFont(base)
    cursor = QTextCursor(document)
    heading = QTextCharFormat()
    heading.setFontPointSize(13)
    heading.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(f"{tr(CONTEXT, report.title)} ({report.section})\n", heading)
    cursor.insertText(filter_summary(report, result.choice) + "\n", QTextCharFormat())
    shape = QTextTableFormat()
    shape.setHeaderRowCount(1)  # repeated at the top of every page
    shape.setCellPadding(2)
    shape.setCellSpacing(0)
    shape.setBorder(0.5)
    shape.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table = cursor.insertTable(len(result.rows) + 2, len(report.columns), shape)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    for column, spec in enumerate(report.columns):
        table.cellAt(0, column).firstCursorPosition().insertText(tr(CONTEXT, spec.label), bold)
    for row_index, row in enumerate(result.rows, start=1):
        for column, key in enumerate(report.keys):
            table.cellAt(row_index, column).firstCursorPosition().insertText(cell_text(row[key]))
    last = len(result.rows) + 1
    for column, spec in enumerate(report.columns):
        if spec.total:
            text = cell_text(result.totals.sums[spec.key])
        elif column == 0:
            text = tr(CONTEXT, TOTAL).format(rows=result.totals.count)
        else:
            text = ""
        table.cellAt(last, column).firstCursorPosition().insertText(text, bold)
    return document
