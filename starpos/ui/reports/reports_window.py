"""The Reports window: pick a report, fill its filters, read it as a sortable table with a
totals row or as charts, preview and print it, export it as CSV or PDF.

The form is built from the report's own filter list (:mod:`starpos.reports.shape`), the same
list the command line builds its options from. Running and exporting go to the database
worker; the window never waits on the store (DESIGN.md rule 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from starpos.reports.bounds import parse_day, parse_days
from starpos.reports.registry import REPORTS
from starpos.reports.runner import ReportResult
from starpos.reports.shape import ALL, CONTEXT, Filter, FilterKind, Report, filter_summary
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.reports.bar_chart import BarChart
from starpos.ui.reports.print_document import report_document
from starpos.ui.reports.report_table import TotalsRow, report_model, sorted_view
from starpos.ui.services import ReportService
from starpos.ui.threading.workers import JobFailure, Workers
from starpos.ui.translator import tr

UI = "reportswindow"
FILTERS_A_LINE = 3


class ReportsWindow(QDialog):
    def __init__(
        self, service: ReportService, workers: Workers, funnel: ErrorFunnel,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("reportsWindow")
        self.service, self.workers, self.funnel = service, workers, funnel
        self.shown: ReportResult | None = None
        self.inputs: dict[str, QWidget] = {}
        self.picker = QListWidget()
        self.picker.setObjectName("reportPicker")
        for report in REPORTS.values():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, report.name)
            self.picker.addItem(item)
        self.picker.currentRowChanged.connect(lambda _row: self._build_filters())
        self.picker.setMinimumWidth(330)
        self.picker.setMaximumWidth(360)
        self.title = QLabel()
        self.title.setObjectName("reportTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.form_box = QWidget()
        self.form = QGridLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form_labels: list[tuple[QLabel, Filter]] = []
        self.run_button = QPushButton()
        self.run_button.setObjectName("runReport")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run_report)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.print_preview)
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        buttons = QHBoxLayout()
        for button in (self.run_button, self.preview_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.table = QTableView()
        self.table.setObjectName("reportTable")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.totals = TotalsRow(self.table)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(0)
        table_layout.addWidget(self.table)
        table_layout.addWidget(self.totals)
        self.charts = [BarChart() for _ in range(4)]
        chart_page = QWidget()
        grid = QGridLayout(chart_page)
        for index, chart in enumerate(self.charts):
            grid.addWidget(chart, index // 2, index % 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(table_page, "")
        self.tabs.addTab(chart_page, "")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.form_box)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(self.picker)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_preview)
        self.resize(1180, 720)
        self.retranslate_ui()
        self.picker.setCurrentRow(0)

    # -- the chosen report and its filters -----------------------------------------------
    @property
    def report(self) -> Report:
        item = self.picker.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item else next(iter(REPORTS))
        return REPORTS[str(name)]

    def choose(self, name: str) -> None:
        self.picker.setCurrentRow(list(REPORTS).index(name))

    def _build_filters(self) -> None:
        while self.form.count():
            taken = self.form.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.deleteLater()
        self.inputs = {}
        self.form_labels = []
        # Three filters a line: the table keeps most of the height.
        for index, chosen in enumerate(self.report.filters):
            widget = self._input(chosen)
            widget.setObjectName(f"filter_{chosen.name}")
            self.inputs[chosen.name] = widget
            line, place = divmod(index, FILTERS_A_LINE)
            label = QLabel(tr(CONTEXT, chosen.label))
            self.form_labels.append((label, chosen))
            self.form.addWidget(label, line, 2 * place)
            self.form.addWidget(widget, line, 2 * place + 1)
        for place in range(FILTERS_A_LINE):
            self.form.setColumnStretch(2 * place + 1, 1)
        self.title.setText(f"{tr(CONTEXT, self.report.title)}  ({self.report.section})")
        self.shown = None
        self._show_result()

    def _input(self, chosen: Filter) -> QWidget:
        if chosen.kind is FilterKind.CHOICE:
            box = QComboBox()
            box.addItem(tr(CONTEXT, ALL), None)
            for value in chosen.choices:
                box.addItem(value, value)
            if chosen.default is not None:
                box.setCurrentIndex(box.findData(chosen.default))
            return box
        if chosen.kind is FilterKind.FLAG:
            check = QCheckBox()
            check.setChecked(bool(chosen.default))
            return check
        edit = QLineEdit()
        edit.setClearButtonEnabled(True)
        if chosen.kind is FilterKind.DATE:
            edit.setPlaceholderText(tr(UI, "YYYY-MM-DD (empty: no limit)"))
        if chosen.default is not None:
            edit.setText(str(chosen.default))
        edit.returnPressed.connect(self.run_report)
        return edit

    def choice(self) -> dict[str, Any]:
        """The filters as typed; a translated error for a date or number that is not one."""
        values: dict[str, Any] = {}
        for chosen in self.report.filters:
            widget = self.inputs[chosen.name]
            if isinstance(widget, QComboBox):
                values[chosen.name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                values[chosen.name] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                text = widget.text()
                if chosen.kind is FilterKind.DATE:
                    values[chosen.name] = parse_day(text)
                elif chosen.kind is FilterKind.DAYS:
                    values[chosen.name] = parse_days(text)
                else:
                    values[chosen.name] = text.strip() or None
        return values

    # -- running, showing, printing, exporting -------------------------------------------
    def run_report(self) -> None:
        try:
            choice = self.choice()
        except Exception as error:  # a typed refusal: shown, nothing run
            self.funnel.show_failure(error, self)
            return
        self.status.setText(tr(UI, "Running…"))
        self.run_button.setEnabled(False)
        self.workers.database.submit(
            self.service.run, self.report.name, choice,
            on_done=self._ran, on_failed=self._failed,
        )  # fmt: skip

    def _ran(self, result: ReportResult) -> None:
        self.run_button.setEnabled(True)
        if result.report.name == self.report.name:
            self.shown = result
            self._show_result()

    def _failed(self, failure: JobFailure) -> None:
        self.run_button.setEnabled(True)
        self.status.setText("")
        self.funnel.show_failure(failure, self)

    def _show_result(self) -> None:
        report = self.report
        self.model = report_model(report)
        self.proxy = sorted_view(self.model)
        self.table.setModel(self.proxy)
        result = self.shown
        has_rows = result is not None
        for button in (self.preview_button, self.csv_button, self.pdf_button):
            button.setEnabled(has_rows)
        self.tabs.setTabEnabled(1, report.chart is not None)
        if result is None:
            self.totals.setColumnCount(0)
            self.status.setText(tr(UI, "Choose the filters and press Run (Enter)."))
            for chart in self.charts:
                chart.set_series("", [])
            return
        self.model.set_records(result.rows)
        self.table.resizeColumnsToContents()
        self.totals.show_totals(report, result.totals)
        if result.truncated:
            self.status.setText(
                tr(UI, "The first {shown} of {count} rows are shown; the totals, charts and "
                   "exports cover them all.").format(shown=len(result.rows),
                                                     count=result.totals.count)
            )  # fmt: skip
        else:
            self.status.setText(tr(UI, "{count} rows.").format(count=result.totals.count))
        series = result.series
        if series is not None:
            for chart, (title, items) in zip(
                self.charts,
                (
                    (tr(UI, "Sales per day"), series.days()),
                    (tr(UI, "Sales per hour"), series.hours()),
                    (tr(UI, "Payment mix"), series.payments()),
                    (tr(UI, "Sales per operator"), series.operators()),
                ),
                strict=True,
            ):
                chart.set_series(title, items)

    def print_preview(self) -> None:
        if self.shown is None:
            return
        result = self.shown
        # Kept on the window: the dialog only points at the printer (a local one would be
        # freed under it, and the preview's next repaint would crash).
        self.printer = printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(printer.pageLayout().orientation().Landscape)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("reportPreview")
        dialog.paintRequested.connect(lambda target: report_document(result).print_(target))
        self.preview_dialog = dialog
        dialog.open()

    def export(self, kind: str) -> None:
        if self.shown is None:
            return
        suffix = f".{kind}"
        name, _ = QFileDialog.getSaveFileName(
            self, tr(UI, "Export the report"), f"{self.report.name}{suffix}",
            "CSV (*.csv)" if kind == "csv" else "PDF (*.pdf)",
        )  # fmt: skip
        if name:
            self.export_to(Path(name).with_suffix(suffix))

    def export_to(self, path: Path) -> None:
        assert self.shown is not None
        self.status.setText(tr(UI, "Exporting…"))
        self.workers.database.submit(
            self.service.export, self.report.name, self.shown.choice, path,
            on_done=lambda count: self.status.setText(
                tr(UI, "{count} rows written to {path}.").format(count=count, path=path)
            ),
            on_failed=self._failed,
        )  # fmt: skip

    def filters_text(self) -> str:
        return filter_summary(self.report, self.shown.choice if self.shown else {})

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr(UI, "Reports"))
        for index in range(self.picker.count()):
            item = self.picker.item(index)
            report = REPORTS[str(item.data(Qt.ItemDataRole.UserRole))]
            item.setText(f"{report.section}  {tr(CONTEXT, report.title)}")
        self.run_button.setText(tr(UI, "Run"))
        self.preview_button.setText(tr(UI, "Print preview…"))
        self.csv_button.setText(tr(UI, "Export CSV…"))
        self.pdf_button.setText(tr(UI, "Export PDF…"))
        self.tabs.setTabText(0, tr(UI, "Table"))
        self.tabs.setTabText(1, tr(UI, "Charts"))
        # What was typed stays; only the words change.
        for widget in self.inputs.values():
            if isinstance(widget, QComboBox):
                widget.setItemText(0, tr(CONTEXT, ALL))
        for label, chosen in self.form_labels:
            label.setText(tr(CONTEXT, chosen.label))
        if self.form_labels:
            self.title.setText(f"{tr(CONTEXT, self.report.title)}  ({self.report.section})")
        model = getattr(self, "model", None)
        if model is not None:
            model.retranslate()
        if self.shown is not None:
            self.totals.show_totals(self.report, self.shown.totals)
