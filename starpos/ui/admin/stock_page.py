"""Meter stock (manual 3.1-3.2): every meter of the store, a page at a time, searchable by
number, filtered by where it is, its status, branch and model, sorted by any column (the
store sorts). Each movement is a box and, once saved, its bill number shows under the list:

    Insert    stock in one new meter          F3  stock out (installation or branch)
    F6        stock in a range (first, count) F4  back from another branch
    F7        stock in from a CSV file        F2  set the selected meter's status
    Enter     the selected meter's history    Ctrl+F  search

The screen runs its own store calls through the window's database worker (``bind``).
Moving meters needs ``manage_meters``: without it the list is shown and the buttons are
off, and the core refuses anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import MeterCondition, StockStatus
from starpos.i18n import tr_noop
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.stock_list import StockFilter, StockListPage, StockRow
from starpos.ui.admin.list_table import list_table
from starpos.ui.admin.stock_dialogs import (
    FileRefusedDialog,
    FromBranchDialog,
    HistoryDialog,
    StatusDialog,
    StockInDialog,
    StockOutDialog,
)
from starpos.ui.admin.stock_service import BillMade, StockService
from starpos.ui.admin.stock_table import (
    ORDER_OF_COLUMN,
    PAGE,
    PagedStockModel,
    StoreOrderProxy,
    condition_text,
    stock_text,
)
from starpos.ui.models.record_table import RecordTableModel
from starpos.ui.translator import tr

Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]
#: what the "Last bill" line says each movement was
MOVES = {
    "in": tr_noop("admin", "stock in"),
    "out": tr_noop("admin", "stock out"),
    "back": tr_noop("admin", "back from branch"),
}


class StockPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stock")
        self.service: StockService | None = None
        self.run: Run | None = None
        self.shown: Callable[[], None] = lambda: None
        self.dialog: Any = None  # the box open now (tests and screenshots)
        self.may_move = True
        self.order = ("number", False)
        #: answers to an older question (filters or order since changed) are dropped
        self._question = 0
        #: the last movement saved here and its bill, shown under the list
        self._last: tuple[str, BillMade] | None = None
        self.title = QLabel()
        self.search, self.search_label = QLineEdit(), QLabel()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.where, self.status = QComboBox(), QComboBox()
        self.branch, self.model_box = QComboBox(), QComboBox()
        self.filter_labels: list[QLabel] = []
        filters = QGridLayout()
        filters.addWidget(self.search_label, 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 3)
        for column, (name, box) in enumerate(
            (("where", self.where), ("status", self.status), ("branch", self.branch),
             ("model", self.model_box))
        ):  # fmt: skip
            box.setObjectName(f"{name}Filter")
            label = QLabel()
            label.setBuddy(box)
            self.filter_labels.append(label)
            filters.addWidget(label, 1 + column // 2, (column % 2) * 2)
            filters.addWidget(box, 1 + column // 2, (column % 2) * 2 + 1)
        self.model = PagedStockModel()
        self.proxy = StoreOrderProxy()
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        header = self.table.horizontalHeader()
        # Widths from the first rows only: measuring every row held costs more than reading.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(20)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name in ("stock_in", "range", "file", "stock_out", "back", "status", "history"):
            button = QPushButton()
            button.setObjectName(name)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch()
        self.count, self.last_bill, self.note = QLabel(), QLabel(), QLabel()
        self.last_bill.setObjectName("lastBill")
        self.note.setWordWrap(True)
        facts = QHBoxLayout()
        facts.addWidget(self.last_bill, 1)
        facts.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(facts)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self._fill_filters()

        # Typing asks the store once the typist pauses, not at every key.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(250)
        self._pause.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self.table.setFocus)
        for box in (self.where, self.status, self.branch, self.model_box):
            box.currentIndexChanged.connect(lambda _row: self.refresh())
        self.proxy.order_wanted.connect(self._order)
        self.model.more_wanted.connect(self._more)
        self.table.activated.connect(lambda _index: self.history())
        actions: dict[str, Callable[[], None]] = {
            "stock_in": lambda: self.stock_in(False),
            "range": lambda: self.stock_in(True),
            "file": self.stock_in_file,
            "stock_out": self.stock_out,
            "back": self.from_branch,
            "status": self.set_status,
            "history": self.history,
        }
        for name, action in actions.items():
            self.buttons[name].clicked.connect(action)
        for key, name in (
            (Qt.Key.Key_Insert, "stock_in"),
            (Qt.Key.Key_F6, "range"),
            (Qt.Key.Key_F7, "file"),
            (Qt.Key.Key_F3, "stock_out"),
            (Qt.Key.Key_F4, "back"),
            (Qt.Key.Key_F2, "status"),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(actions[name])
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self.retranslate_ui()

    def _fill_filters(self) -> None:
        for box, values in (
            (self.where, [(stock_text(s.value), s) for s in StockStatus]),
            (self.status, [(condition_text(c.value), c) for c in MeterCondition]),
        ):
            chosen = box.currentIndex()
            box.blockSignals(True)
            box.clear()
            box.addItem(tr("admin", "All"), None)
            for text, data in values:
                box.addItem(text, data)
            box.setCurrentIndex(max(chosen, 0))
            box.blockSignals(False)

    def bind(self, service: StockService, run: Run, shown: Callable[[], None]) -> None:
        """Talk to the store through ``service`` on the worker ``run`` gives; ``shown`` is
        called once the list shows the store's answer."""
        self.service, self.run, self.shown = service, run, shown
        self.may_move = service.may_move()
        for name, button in self.buttons.items():
            button.setEnabled(self.may_move or name == "history")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Meter stock')}</h2>")
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "A part of the meter number"))
        for label, text in zip(
            self.filter_labels,
            (tr("admin", "&Where:"), tr("admin", "Stat&us:"), tr("admin", "&Branch:"),
             tr("admin", "&Model:")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self._fill_filters()
        for box in (self.branch, self.model_box):
            if box.count():
                box.setItemText(0, tr("admin", "All"))
        texts = {
            "stock_in": tr("admin", "Stock &in (Ins)"),
            "range": tr("admin", "&Range (F6)"),
            "file": tr("admin", "From &file (F7)"),
            "stock_out": tr("admin", "Stock &out (F3)"),
            "back": tr("admin", "Back from bra&nch (F4)"),
            "status": tr("admin", "S&et status (F2)"),
            "history": tr("admin", "&History (Enter)"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.note.setText(
            ""
            if self.may_move
            else tr(
                "admin",
                "You may look at the stock; moving meters needs the permission “Stock meters "
                "in and out”.",
            )
        )
        self.model.retranslate()
        self.table.resizeColumnsToContents()
        self._show_count()
        self._show_last()

    # --- the list ---------------------------------------------------------------------------

    def chosen(self) -> StockFilter:
        return StockFilter(
            search="".join(self.search.text().split()),
            stock=self.where.currentData(),
            status=self.status.currentData(),
            branch=self.branch.currentData() or "",
            model=self.model_box.currentData() or "",
        )

    def refresh(self) -> None:
        """Ask the store for the first page (and the branch and model choices)."""
        if self.run is None or self.service is None:
            return
        self._pause.stop()
        self._question += 1
        question, service = self._question, self.service
        chosen, (order, descending) = self.chosen(), self.order
        self.run(
            lambda: (service.page(chosen, order, descending, PAGE, 0), service.choices()),
            lambda answer: self._first(question, *answer),
        )

    def _first(
        self, question: int, page: StockListPage, choices: tuple[list[str], list[str]]
    ) -> None:
        if question != self._question:
            return
        chosen = self.selected()
        for box, codes in zip((self.branch, self.model_box), choices, strict=True):
            self._offer(box, codes)
        self.model.show_first(page)
        self.table.resizeColumnsToContents()
        numbers = [r.number for r in page.rows]
        if numbers:
            self.table.selectRow(
                numbers.index(chosen.number) if chosen and chosen.number in numbers else 0
            )
        self._show_count()
        self.shown()

    def _offer(self, box: QComboBox, codes: list[str]) -> None:
        held = [box.itemData(n) for n in range(1, box.count())]
        if held == codes and box.count():
            return
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(tr("admin", "All"), None)
        for code in codes:
            box.addItem(code, code)
        box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
        box.blockSignals(False)

    def _more(self, offset: int) -> None:
        if self.run is None or self.service is None:
            return
        question, service = self._question, self.service
        chosen, (order, descending) = self.chosen(), self.order
        self.run(
            lambda: service.page(chosen, order, descending, PAGE, offset),
            lambda page: self._next(question, page),
        )

    def _next(self, question: int, page: StockListPage) -> None:
        if question == self._question:
            self.model.show_more(page)
            self._show_count()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        wanted = (ORDER_OF_COLUMN[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.refresh()

    def _show_count(self) -> None:
        self.count.setText(
            tr("admin", "{shown} of {total}").format(
                shown=self.model.rowCount(), total=self.model.total
            )
        )

    def selected(self) -> StockRow | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        row: StockRow = self.proxy.data(index, RecordTableModel.RecordRole)
        return row

    # --- movements --------------------------------------------------------------------------

    def _open(self, dialog: Any, save: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(save)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()

    def _made(self, move: str, made: BillMade) -> None:
        self._last = (move, made)
        self._show_last()
        self.refresh()

    def _show_last(self) -> None:
        if self._last is None:
            self.last_bill.clear()
            return
        move, made = self._last
        self.last_bill.setText(
            tr("admin", "Last bill: {bills} ({move}, meters: {count})").format(
                bills=", ".join(made.bills), move=tr("admin", MOVES[move]), count=made.count
            )
        )

    def _ready(self) -> StockService | None:
        return self.service if self.run is not None and self.may_move else None

    def stock_in(self, ranged: bool) -> None:
        service = self._ready()
        if service is None:
            return
        assert self.run is not None
        self.run(service.choices, lambda choices: self._stock_in(service, ranged, *choices))

    def _stock_in(
        self, service: StockService, ranged: bool, branches: list[str], models: list[str]
    ) -> None:
        dialog = StockInDialog(models, branches, ranged, self)

        def save() -> None:
            key, count, model, branch = dialog.values()
            assert self.run is not None
            self.run(
                lambda: service.stock_in(key, count, model, branch),
                lambda made: self._made("in", made),
            )

        self._open(dialog, save)

    def stock_in_file(self) -> None:
        service = self._ready()
        if service is None:
            return
        name, _kind = QFileDialog.getOpenFileName(
            self, tr("admin", "Meters from a CSV file"), "", tr("admin", "CSV files (*.csv)")
        )
        if name:
            self.import_file(service, Path(name))
        self.table.setFocus()

    def import_file(self, service: StockService, path: Path) -> None:
        assert self.run is not None
        self.run(lambda: service.stock_in_file(path), self._imported)

    def _imported(self, answer: BillMade | CsvRefusedError) -> None:
        if isinstance(answer, CsvRefusedError):
            self._open(FileRefusedDialog(answer, self), lambda: None)
        else:
            self._made("in", answer)

    def _selected_number(self) -> str:
        row = self.selected()
        return row.number if row else ""

    def stock_out(self) -> None:
        service = self._ready()
        if service is None:
            return
        assert self.run is not None
        number = self._selected_number()
        self.run(service.choices, lambda choices: self._stock_out(service, number, choices[0]))

    def _stock_out(self, service: StockService, number: str, branches: list[str]) -> None:
        dialog = StockOutDialog(branches, number, self)

        def save() -> None:
            numbers, to_branch, drawer = dialog.values()
            assert self.run is not None
            self.run(
                lambda: service.stock_out(numbers, to_branch, drawer),
                lambda made: self._made("out", made),
            )

        self._open(dialog, save)

    def from_branch(self) -> None:
        service = self._ready()
        if service is None:
            return
        dialog = FromBranchDialog(self._selected_number(), self)

        def save() -> None:
            numbers, origin = dialog.values()
            assert self.run is not None
            self.run(
                lambda: service.from_branch(numbers, origin), lambda made: self._made("back", made)
            )

        self._open(dialog, save)

    def set_status(self) -> None:
        service, row = self._ready(), self.selected()
        if service is None or row is None:
            return
        dialog = StatusDialog(row.number, row.status, self)

        def save() -> None:
            status, reason = dialog.values()
            assert self.run is not None
            self.run(
                lambda: service.set_status(row.number, status, reason),
                lambda _none: self.refresh(),
            )

        self._open(dialog, save)

    def history(self) -> None:
        row = self.selected()
        if self.run is None or self.service is None or row is None:
            return
        service = self.service
        self.run(
            lambda: service.history(row.number),
            lambda entries: self._open(HistoryDialog(row.number, entries, self), lambda: None),
        )
