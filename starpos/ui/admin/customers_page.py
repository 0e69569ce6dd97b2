"""Customers (manual 4.1 "Customer Information Enquiry"): the store answers each search, so
the list opens on its first rows at once however many customers there are; fuzzy (a code,
name, ID number or meter number contains the text) or exact (is the text).

F7 registers a new customer with their first meter (manual 3.3). On the selected customer:
F2 (or Enter on the list) changes the customer (manual 4.1), F4 one of their meters (4.2),
Ins adds a meter contract (4.3); Ctrl+F goes to the search. The boxes' store calls run on
the window's database worker (``bind``); every change needs ``register_customer`` (the core
refuses without).

A registration's bill (manual 3.3 C) is printed on the counter's printer as soon as it is
saved, on the printer worker; F8 prints the last one again, marked REPRINT. Where this
computer has no printer, the bill is shown instead, to be saved as PDF (decision BO-27).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.masterdata.customer_changes import CustomerCard
from starpos.masterdata.customers import CustomerSummary
from starpos.masterdata.meter_changes import MeterCard
from starpos.masterdata.registration_charges import RegistrationResult
from starpos.ui.admin.bill_preview import BillPreviewDialog
from starpos.ui.admin.customer_editors import (
    AddMeterDialog,
    CustomerEditor,
    MeterEditor,
    RegisterDialog,
)
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.signals import emit
from starpos.ui.translator import tr

Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]

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
#: Each column as wide as a sample of what it holds (a code, a 13-digit meter number, so
#: many letters of a name): set from the font, not measured from the rows at each answer
#: (decision BO-33); longer text is elided and a column can be widened by hand.
WIDTHS = ("C00000000", "n" * 16, "0" * 14, "n" * 10, "n" * 7, "n" * 16, "0" * 9)
#: room for the cell's margins, in pixels
MARGIN = 16
#: the statuses as the list shows them
STATUS = (tr_noop("admin", "active"), tr_noop("admin", "blacklisted"))
#: the bill's print, under the receipt (decision BO-27)
PRINTED = tr_noop("admin", "Bill {bill} printed (print {count}).")
#: what the registration bill says once saved (decision BO-21)
RECEIPT = tr_noop(
    "admin", "Customer {code}, bill {bill}: register charge {charge}, paid {paid}, change {change}."
)


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
        # Rows of one height and columns of set widths: nothing is measured when an answer
        # comes, so the rows are on screen as soon as the store has read them (BO-33).
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.hide()
        self.count = QLabel()
        self.service: Any = None
        self.run: Run | None = None
        self.changed: Callable[[], None] = lambda: None
        #: the box open now (tests and screenshots)
        self.editor: QDialog | None = None
        self.change_button, self.meter_button, self.add_meter_button = (
            QPushButton(), QPushButton(), QPushButton()
        )  # fmt: skip
        self.register_button = QPushButton()
        self.register_button.setObjectName("registerCustomer")
        self.bill_button = QPushButton()
        self.bill_button.setObjectName("printBill")
        self.bill_button.setEnabled(False)
        #: runs the bill's print on the printer worker (None: no printer worker)
        self.print_run: Run | None = None
        #: what was said of the last bill's paper (printed, and how many times)
        self.paper = ""
        #: the bill shown on screen, where no printer is (tests and screenshots)
        self.bill_preview: BillPreviewDialog | None = None
        self.change_button.setObjectName("changeCustomer")
        self.meter_button.setObjectName("changeMeter")
        self.add_meter_button.setObjectName("addMeter")
        buttons = QHBoxLayout()
        for button in (
            self.register_button,
            self.change_button,
            self.meter_button,
            self.add_meter_button,
            self.bill_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.count)
        # The last registration bill: its charge, what was paid and the change to hand back.
        self.receipt = QLabel()
        self.receipt.setObjectName("registrationReceipt")
        self.receipt.setWordWrap(True)
        self.last_bill: RegistrationResult | None = None
        searching = QHBoxLayout()
        searching.addWidget(self.search_label)
        searching.addWidget(self.search, 1)
        searching.addWidget(self.exact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(searching)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.receipt)
        # Typing asks the store once the typist pauses, not at every key.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(250)
        self._pause.timeout.connect(self._ask)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._ask)
        self.exact.toggled.connect(lambda _on: self._ask())
        self.register_button.clicked.connect(self.register)
        self.change_button.clicked.connect(self.change_customer)
        self.meter_button.clicked.connect(self.change_meter)
        self.add_meter_button.clicked.connect(self.add_meter)
        self.bill_button.clicked.connect(self.print_bill)
        self.table.activated.connect(lambda _index: self.change_customer())
        self.table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._enable())
        for key, action in (
            (QKeySequence(Qt.Key.Key_F7), self.register),
            (QKeySequence(Qt.Key.Key_F2), self.change_customer),
            (QKeySequence(Qt.Key.Key_F4), self.change_meter),
            (QKeySequence(Qt.Key.Key_Insert), self.add_meter),
            (QKeySequence(Qt.Key.Key_F8), self.print_bill),
            (QKeySequence.StandardKey.Find, self.search.setFocus),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.retranslate_ui()
        self._enable()

    def bind(
        self, service: Any, run: Run, changed: Callable[[], None], print_run: Run | None = None
    ) -> None:
        """Talk to the store through ``service`` on the worker ``run`` gives; ``changed`` is
        called once a change is saved (the window asks the list again); ``print_run`` runs
        the bills' prints on the printer worker."""
        self.service, self.run, self.changed = service, run, changed
        self.print_run = print_run

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Customers')}</h2>")
        self._show_receipt()
        self.search_label.setText(tr("admin", "&Search:"))
        self.search.setPlaceholderText(tr("admin", "Code, name, ID number or meter number"))
        self.exact.setText(tr("admin", "E&xact"))
        self.register_button.setText(tr("admin", "&New customer… (F7)"))
        self.change_button.setText(tr("admin", "&Change… (F2)"))
        self.meter_button.setText(tr("admin", "Change &meter… (F4)"))
        self.add_meter_button.setText(tr("admin", "&Add meter… (Ins)"))
        printing = self.service is not None and self.service.prints_bills()
        self.bill_button.setText(
            tr("admin", "&Print bill again (F8)") if printing else tr("admin", "Show &bill… (F8)")
        )
        self.model.retranslate()
        self._fit_columns()
        self._show_count()

    def _fit_columns(self) -> None:
        """Each column as wide as its sample or its title, in this font."""
        cells, titles = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(cells.height() + MARGIN // 2)
        for number, (column, sample) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
            title = titles.horizontalAdvance(tr("admin", column.title))
            self.table.setColumnWidth(number, max(cells.horizontalAdvance(sample), title) + MARGIN)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()
        super().changeEvent(event)

    def _show_count(self) -> None:
        self.count.setText(
            tr("admin", "{count} shown (the first {page} by code)").format(
                count=self.model.rowCount(), page=PAGE
            )
        )

    def _ask(self) -> None:
        self._pause.stop()
        emit(self.search_changed, self.search.text(), self.exact.isChecked())

    def show_customers(self, customers: list[CustomerSummary]) -> None:
        # The customer just changed stays selected when the list comes back.
        chosen = self.selected()
        self.model.set_records(customers)
        self._show_count()
        codes = [customer.code for customer in customers]
        if codes:
            self.table.selectRow(codes.index(chosen.code) if chosen and chosen.code in codes else 0)
        self._enable()

    def _enable(self) -> None:
        """The buttons of what the selected customer allows (F4: only with a meter)."""
        customer = self.selected()
        self.change_button.setEnabled(customer is not None)
        self.add_meter_button.setEnabled(customer is not None)
        self.meter_button.setEnabled(customer is not None and bool(customer.meters))

    def selected(self) -> CustomerSummary | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        customer: CustomerSummary = self.model.data(index, RecordTableModel.RecordRole)
        return customer

    # --- the boxes ---------------------------------------------------------------------------

    def register(self) -> None:
        if self.run is None:
            return
        self.run(self.service.register_choices, lambda choices: self._open_register(*choices))

    def _open_register(
        self, types: list[str], tariffs: list[str], charges: dict[str, Decimal]
    ) -> None:
        editor = RegisterDialog(types, tariffs, self, charges)
        self._open(editor, lambda: self.service.register_customer(editor.values), self._paid)

    def _paid(self, bill: RegistrationResult) -> None:
        """What the registration bill says, under the list, until the next one; then its
        paper: printed where there is a printer, else shown."""
        self.last_bill, self.paper = bill, ""
        self.bill_button.setEnabled(self.service.prints_bills() or self.service.shows_bills())
        self._show_receipt()
        self.print_bill()

    def print_bill(self) -> None:
        """Print the last registration's bill (again: marked REPRINT), or show it."""
        bill, service = self.last_bill, self.service
        if bill is None or self.run is None:
            return
        number = bill.bill_number
        if service.prints_bills() and self.print_run is not None:
            self.print_run(
                lambda: service.print_registration(number),
                lambda count: self._printed(number, count),
            )
        elif service.shows_bills():
            self.run(
                lambda: service.registration_paper(number),
                lambda paper: self._show_bill(number, *paper),
            )

    def _printed(self, number: str, count: int) -> None:
        self.paper = tr("admin", PRINTED).format(bill=number, count=count)
        self._show_receipt()

    def _show_bill(self, number: str, png: bytes, pdf: bytes) -> None:
        dialog = BillPreviewDialog(number, png, pdf, self)
        self.bill_preview = dialog
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()

    def _show_receipt(self) -> None:
        bill = self.last_bill
        if bill is None:
            return
        self.receipt.setText(
            tr("admin", RECEIPT).format(
                code=bill.customer, bill=bill.bill_number, charge=bill.charges, paid=bill.paid,
                change=bill.change,
            ) + (f" {self.paper}" if self.paper else "")
        )  # fmt: skip

    def change_customer(self) -> None:
        customer = self.selected()
        if self.run is None or customer is None:
            return
        code = customer.code
        self.run(lambda: self.service.customer_card(code), self._open_customer)

    def _open_customer(self, card: CustomerCard) -> None:
        editor = CustomerEditor(card, self)
        self._open(editor, lambda: self.service.change_customer(card.code, editor.values))

    def change_meter(self) -> None:
        customer = self.selected()
        if self.run is None or customer is None or not customer.meters:
            return
        numbers, code = list(customer.meters), customer.code
        self.run(
            lambda: self.service.meter_cards(numbers),
            lambda cards: self._open_meter(code, cards),
        )

    def _open_meter(self, code: str, cards: list[MeterCard]) -> None:
        editor = MeterEditor(cards, self)
        self._open(editor, lambda: self.service.change_meter(editor.number, code, editor.values))

    def add_meter(self) -> None:
        customer = self.selected()
        if self.run is None or customer is None:
            return
        code = customer.code
        self.run(
            lambda: (self.service.tariffs(), self.service.meter_charge(code)),
            lambda found: self._open_add_meter(code, [str(t["code"]) for t in found[0]], found[1]),
        )

    def _open_add_meter(self, code: str, tariffs: list[str], charge: Decimal) -> None:
        editor = AddMeterDialog(code, tariffs, self, charge)
        self._open(
            editor,
            lambda: self.service.add_meter(
                code,
                editor.values["number"],
                editor.values["tariff"],
                editor.values["install_date"],
                editor.values["paid"],
            ),
            self._paid,
        )

    def _open(
        self, editor: QDialog, save: Callable[[], Any], saved: Callable[[Any], None] | None = None
    ) -> None:
        assert self.run is not None
        run = self.run
        self.editor = editor

        def answered(answer: Any) -> None:
            if saved is not None:
                saved(answer)
            self.changed()

        editor.accepted.connect(lambda: run(save, answered))
        editor.finished.connect(lambda _result: self.table.setFocus())
        editor.open()
