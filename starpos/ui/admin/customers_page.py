"""Customers (manual 4.1 "Customer Information Enquiry"): the store answers each search, so
the list opens on its first rows at once however many customers there are; fuzzy (a code,
name, ID number or meter number contains the text) or exact (is the text)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.masterdata.customers import CustomerSummary
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.signals import emit
from starpos.ui.translator import tr

#: Rows asked of the store at a time: two screenfuls.
PAGE = 50

COLUMNS: list[Column[CustomerSummary]] = [
    Column(tr_noop("admin", "Code"), lambda c: c.code),
    Column(tr_noop("admin", "Name"), lambda c: c.name),
    Column(tr_noop("admin", "Meters"), lambda c: ", ".join(c.meters)),
    Column(tr_noop("admin", "Customer type"), lambda c: c.customer_type),
    Column(tr_noop("admin", "Status"), lambda c: tr("admin", c.status)),
    Column(tr_noop("admin", "Address"), lambda c: c.address),
    Column(tr_noop("admin", "Debt"), lambda c: str(c.outstanding_debt), numeric=True),
]
#: the statuses as the list shows them
STATUS = (tr_noop("admin", "active"), tr_noop("admin", "blacklisted"))


class CustomersPage(QWidget):
    #: the operator changed the search: (text, exact); the window asks the store
    search_changed = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customers")
        self.title = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.exact = QCheckBox()
        self.exact.setObjectName("exactSearch")
        self.model: RecordTableModel[CustomerSummary] = RecordTableModel("admin", COLUMNS)
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Column widths from the first rows only: measuring every cell of every page costs
        # more than reading the page from the store.
        header.setResizeContentsPrecision(20)
        self.table.verticalHeader().hide()
        self.count = QLabel()
        searching = QHBoxLayout()
        searching.addWidget(self.search_label)
        searching.addWidget(self.search, 1)
        searching.addWidget(self.exact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(searching)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        # Typing asks the store once the typist pauses, not at every key.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(250)
        self._pause.timeout.connect(self._ask)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._ask)
        self.exact.toggled.connect(lambda _on: self._ask())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Customers')}</h2>")
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "Code, name, ID number or meter number"))
        self.exact.setText(tr("admin", "E&xact"))
        self.model.retranslate()

    def _ask(self) -> None:
        self._pause.stop()
        emit(self.search_changed, self.search.text(), self.exact.isChecked())

    def show_customers(self, customers: list[CustomerSummary]) -> None:
        self.model.set_records(customers)
        self.table.resizeColumnsToContents()
        self.count.setText(
            tr("admin", "{count} shown (the first {page} by code)").format(
                count=len(customers), page=PAGE
            )
        )
        if customers:
            self.table.selectRow(0)
