"""The administration window: the screens on the left (Alt+1 the checklist; arrows and Enter
to move between them), one page at a time on the right; Ctrl+Shift+Q logs out, as at the
counter. Every store call runs on the database worker; what it answers comes back on the
GUI thread, refusals through the one error funnel."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import SIGNAL, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.masterdata import setup_checklist as checklist
from starpos.masterdata.record_kinds import KINDS
from starpos.masterdata.records import DATED
from starpos.ui.admin.admin_service import AdminService
from starpos.ui.admin.amounts_page import AmountsPage
from starpos.ui.admin.checklist_page import ChecklistPage
from starpos.ui.admin.customers_page import PAGE as CUSTOMERS_PAGE
from starpos.ui.admin.customers_page import CustomersPage
from starpos.ui.admin.numbering_page import NumberingPage
from starpos.ui.admin.operators_page import OperatorsPage
from starpos.ui.admin.reason_charges import ReasonChargesDialog, ReasonListPage
from starpos.ui.admin.record_editor import RecordEditor
from starpos.ui.admin.record_list_page import RecordListPage
from starpos.ui.admin.regions_page import RegionsPage
from starpos.ui.admin.roles_page import RolesPage
from starpos.ui.admin.stock_page import StockPage
from starpos.ui.admin.system_page import SystemPage
from starpos.ui.admin.tariffs_page import TariffsPage
from starpos.ui.admin.type_charges import TypeChargesDialog
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr

CHECKLIST = "checklist"
SYSTEM = "system"
CUSTOMERS = "customers"
AMOUNTS = "default_amounts"
OPERATORS = "operators"
TARIFFS = "tariffs"
REASONS = "replacement_reason"
TYPES = "customer_type"
ROLES = "roles"
NUMBERING = "numbering"
STOCK = "stock"
REGIONS = "regions"
#: why the screens only show on a counter enrolled with a head office (decision BO-28)
OWNED = tr_noop(
    "admin",
    "This counter belongs to the head office at {server}, which owns the master data: these "
    "screens only show it. Make changes in the head office's back office; they reach this "
    "counter at the next sync.",
)
#: the buttons that only show something, left on a read-only screen
VIEWING = frozenset({"history"})
#: the screens whose row, activated, only shows something (the stock's: the meter's history)
VIEWING_ROWS = frozenset({"stock"})
#: the screen that does each checklist item
SCREEN_OF_ITEM = {
    checklist.COMPANY: SYSTEM,
    checklist.SALES_POINT: "sales_point",
    checklist.TERMINAL: "terminal",
    checklist.METER_MODEL: "meter_model",
    checklist.TARIFF: TARIFFS,
    checklist.CUSTOMER_TYPE: "customer_type",
    checklist.DEFAULT_AMOUNTS: AMOUNTS,
    checklist.CASHIER: OPERATORS,
    checklist.TERMINAL_NUMBERING: NUMBERING,
}


class AdminWindow(QMainWindow):
    #: a store call finished and the page shows its answer (tests wait on it)
    refreshed = Signal(str)
    #: the operator closed the window (the app logs them out)
    closed = Signal()

    def __init__(
        self,
        service: AdminService,
        database: Worker,
        funnel: ErrorFunnel,
        parent: QWidget | None = None,
        printer: Worker | None = None,
    ) -> None:
        """``printer``: the printer's worker, where the registration bills are printed."""
        super().__init__(parent)
        self.setObjectName("adminWindow")
        self.service, self.database, self.funnel = service, database, funnel
        self.navigation = QListWidget()
        self.navigation.setObjectName("adminNavigation")
        self.pages = QStackedWidget()
        self.checklist = ChecklistPage()
        self.system = SystemPage()
        self.customers = CustomersPage()
        self.printer = printer
        self.customers.bind(
            service, self._run, self.refresh, self._print if printer is not None else None
        )
        self.amounts = AmountsPage()
        self.operators = OperatorsPage()
        self.tariffs = TariffsPage()
        self.tariffs.bind(service, self._run, lambda: emit(self.refreshed, TARIFFS))
        self.roles = RolesPage()
        self.roles.bind(service, self._run, lambda: emit(self.refreshed, ROLES))
        self.numbering = NumberingPage()
        self.numbering.bind(service, self._run, lambda: emit(self.refreshed, NUMBERING))
        self.stock = StockPage()
        self.stock.bind(service.stock(), self._run, lambda: emit(self.refreshed, STOCK))
        self.regions = RegionsPage()
        self.regions.bind(service.regions(), self._run, lambda: emit(self.refreshed, REGIONS))
        #: the screens that run their own store calls (``bind``): the window only shows them
        self.bound: dict[str, TariffsPage | RolesPage | NumberingPage | StockPage | RegionsPage] = {
            TARIFFS: self.tariffs, ROLES: self.roles, NUMBERING: self.numbering,
            STOCK: self.stock, REGIONS: self.regions,
        }  # fmt: skip
        self.lists = {
            # reasons and customer types: each row with its charges, F3 to change them
            key: ReasonListPage(kind) if key in (REASONS, TYPES) else RecordListPage(kind)
            for key, kind in KINDS.items()
        }
        self._screens: list[str] = [
            CHECKLIST, SYSTEM, AMOUNTS, REGIONS, *self.lists, TARIFFS, ROLES, OPERATORS, NUMBERING,
            STOCK, CUSTOMERS,
        ]  # fmt: skip
        for key in self._screens:
            self.pages.addWidget(self._page(key))
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
        #: the head office that owns the master data here (None: this store's own)
        self.head_office: str | None = None
        self.owned_notice = QLabel()
        self.owned_notice.setObjectName("ownedNotice")
        self.owned_notice.setWordWrap(True)
        self.owned_notice.hide()
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.addWidget(self.owned_notice)
        layout = QHBoxLayout()
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(body)

        self.navigation.currentRowChanged.connect(self._show_screen)
        self.navigation.itemActivated.connect(lambda _item: self._focus_page())
        self.checklist.item_chosen.connect(self._open_item)
        self.system.save_requested.connect(self._save_system)
        self.customers.search_changed.connect(self._search_customers)
        self.amounts.save_requested.connect(self._save_amounts)
        self.operators.add_requested.connect(self._add_operator)
        self.operators.forbid_requested.connect(
            lambda code, forbid: self._change(lambda: self.service.forbid_login(code, forbid))
        )
        self.operators.unlock_requested.connect(
            lambda code: self._change(lambda: self.service.unlock(code))
        )
        reasons = self.lists[REASONS]
        assert isinstance(reasons, ReasonListPage)
        reasons.charges_requested.connect(self._reason_charges)
        types = self.lists[TYPES]
        assert isinstance(types, ReasonListPage)
        types.charges_requested.connect(self._type_charges)
        for key, page in self.lists.items():
            page.edit_requested.connect(lambda new, key=key: self._edit(key, new))
            page.delete_requested.connect(lambda code, key=key: self._delete(key, code))
        home = QShortcut(QKeySequence("Alt+1"), self)
        home.activated.connect(lambda: self.open_screen(CHECKLIST))
        menu = QShortcut(QKeySequence("Alt+0"), self)
        menu.activated.connect(self.navigation.setFocus)
        # Closing logs the operator out; without a window manager's Alt+F4 the keyboard
        # still has a way out.
        log_out = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        log_out.activated.connect(self.close)
        self.resize(1200, 700)
        self.retranslate_ui()
        self.navigation.setCurrentRow(0)
        self._run(service.head_office, self._owned_by)

    def _page(self, key: str) -> QWidget:
        if key == CHECKLIST:
            return self.checklist
        if key == SYSTEM:
            return self.system
        if key == CUSTOMERS:
            return self.customers
        if key == AMOUNTS:
            return self.amounts
        if key == OPERATORS:
            return self.operators
        if key in self.bound:
            return self.bound[key]
        return self.lists[key]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("admin", "StarPOS administration"))
        if self.head_office is not None:
            self.owned_notice.setText(tr("admin", OWNED).format(server=self.head_office))
        titles = {
            CHECKLIST: tr("admin", "Set-up checklist"),
            SYSTEM: tr("admin", "System parameters"),
            CUSTOMERS: tr("admin", "Customers"),
            AMOUNTS: tr("admin", "Default amounts"),
            OPERATORS: tr("admin", "Operators"),
            TARIFFS: tr("admin", "Tariff schemes"),
            ROLES: tr("admin", "Operator roles"),
            NUMBERING: tr("admin", "Numbering rules"),
            STOCK: tr("admin", "Meter stock"),
            REGIONS: tr("admin", "Regions"),
        }
        for row, key in enumerate(self._screens):
            item = self.navigation.item(row)
            item.setText(titles.get(key) or tr("admin", KINDS[key].title))
        # As wide as the longest screen name in this language, never scrolled sideways.
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 24)
        self.checklist.retranslate_ui()
        self.system.retranslate_ui()
        self.customers.retranslate_ui()
        self.amounts.retranslate_ui()
        self.operators.retranslate_ui()
        for bound in self.bound.values():
            bound.retranslate_ui()
        for page in self.lists.values():
            page.retranslate_ui()

    def _owned_by(self, server: str | None) -> None:
        """On a counter enrolled with a head office the screens only show the master data
        (its guard refuses every change anyway, docs/sync.md): the buttons and keys that
        change it go, and one line at the top says why and where to make the change."""
        self.head_office = server
        if server is None:
            return
        self.owned_notice.setText(tr("admin", OWNED).format(server=server))
        self.owned_notice.show()
        for key in self._screens:
            page = self._page(key)
            for button in page.findChildren(QPushButton):
                if button.objectName() not in VIEWING:
                    button.hide()
            for shortcut in page.findChildren(QShortcut):
                if shortcut.key() != QKeySequence(QKeySequence.StandardKey.Find):
                    shortcut.setEnabled(False)
            for field in page.findChildren(QLineEdit):
                if field.objectName().startswith("field_"):
                    field.setReadOnly(True)
            table = getattr(page, "table", None)
            activated = SIGNAL("activated(QModelIndex)")
            if (
                isinstance(table, QAbstractItemView)
                and key not in VIEWING_ROWS
                and table.receivers(activated)
            ):
                # A row's double-click or Enter opens its editor: nothing opens (BO-28).
                table.activated.disconnect()
        emit(self.refreshed, "owned")

    def closeEvent(self, event: QCloseEvent) -> None:
        emit(self.closed)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- moving between screens --------------------------------------------------------------

    def open_screen(self, key: str) -> None:
        self.navigation.setCurrentRow(self._screens.index(key))
        self._focus_page()

    def current_screen(self) -> str:
        return self._screens[self.pages.currentIndex()]

    def _open_item(self, item_key: str) -> None:
        screen = SCREEN_OF_ITEM.get(item_key)
        if screen is not None:
            self.open_screen(screen)

    def _focus_page(self) -> None:
        key = self.current_screen()
        if key == CHECKLIST:
            self.checklist.items.setFocus()
        elif key == SYSTEM:
            self.system.inputs["company_name"].setFocus()
        elif key == CUSTOMERS:
            self.customers.search.setFocus()
        elif key == AMOUNTS:
            self.amounts.amounts.setFocus()
        elif key == OPERATORS:
            self.operators.table.setFocus()
        elif key in self.bound:
            self.bound[key].table.setFocus()
        else:
            self.lists[key].table.setFocus()

    def _show_screen(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        self.refresh()

    # --- talking to the store -------------------------------------------------------------

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.database.submit(job, on_done=done, on_failed=self._failed)

    def _print(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        assert self.printer is not None
        self.printer.submit(job, on_done=done, on_failed=self._failed)

    def _failed(self, failure: JobFailure) -> None:
        self.funnel.show_failure(failure, self)

    def refresh(self) -> None:
        key = self.current_screen()
        if key == CHECKLIST:
            self._run(
                self.service.checklist,
                lambda items: self._shown(key, self.checklist.show_items, items),
            )
        elif key == SYSTEM:
            self._run(
                self.service.system,
                lambda values: self._shown(key, self.system.show_values, values),
            )
        elif key == AMOUNTS:
            self._run(
                self.service.amounts,
                lambda amounts: self._shown(key, self.amounts.show_amounts, amounts),
            )
        elif key == OPERATORS:
            self._run(
                self.service.operators,
                lambda answer: self._shown(key, self.operators.show_operators, answer),
            )
        elif key == CUSTOMERS:
            self._search_customers(self.customers.search.text(), self.customers.exact.isChecked())
        elif key in self.bound:
            self.bound[key].refresh()
        else:
            page = self.lists[key]
            self._run(
                lambda: self.service.records(key),
                lambda rows: self._shown(key, page.set_rows, rows),
            )

    def _search_customers(self, text: str, exact: bool) -> None:
        self._run(
            lambda: self.service.customers(text, exact, CUSTOMERS_PAGE),
            lambda found: self._shown(CUSTOMERS, self.customers.show_customers, found),
        )

    def _shown(self, key: str, show: Callable[[Any], None], answer: Any) -> None:
        show(answer)
        emit(self.refreshed, key)

    def _change(self, job: Callable[[], Any]) -> None:
        self._run(job, lambda _none: self.refresh())

    def _add_operator(self, code: str, name: str, point: str, role: str, password: str) -> None:
        self._change(lambda: self.service.add_operator(code, name, point, role, password))

    def _save_amounts(self, amounts: list[Decimal]) -> None:
        self._run(lambda: self.service.save_amounts(amounts), lambda _none: self.refresh())

    def _save_system(self, values: dict[str, Any]) -> None:
        self._run(lambda: self.service.save_system(values), lambda _none: self.refresh())

    def _edit(self, key: str, new: bool) -> None:
        row = None if new else self.lists[key].selected()
        dated = row is not None and key in DATED  # its priced terms have versions (BO-23)

        def read() -> tuple[dict[str, list[str]], list[dict[str, Any]] | None]:
            history = None
            if dated and row is not None:
                history = self.service.dated_history(key, str(row["code"]))
            return self.service.references(key), history

        self._run(read, lambda found: self._open_editor(key, found[0], row, found[1]))

    def _open_editor(
        self,
        key: str,
        references: dict[str, list[str]],
        row: dict[str, Any] | None,
        history: list[dict[str, Any]] | None = None,
    ) -> None:
        editor = RecordEditor(KINDS[key], references, row, self, history)
        self.editor = editor  # for tests and screenshots
        editor.accepted.connect(lambda: self._save(key, editor, row))
        editor.open()

    def _save(self, key: str, editor: RecordEditor, row: dict[str, Any] | None) -> None:
        values = editor.values
        if row is None:
            self._run(lambda: self.service.add(key, values), lambda _code: self.refresh())
        else:
            code, since = str(row["code"]), editor.effective_from()
            self._run(
                lambda: self.service.update(key, code, values, since), lambda _n: self.refresh()
            )

    def _reason_charges(self, code: str) -> None:
        self._run(
            lambda: self.service.reason_charges(code),
            lambda answer: self._open_reason_charges(code, *answer),
        )

    def _open_reason_charges(
        self, code: str, items: list[tuple[str, str, Decimal]], chosen: list[str]
    ) -> None:
        dialog = ReasonChargesDialog(code, items, chosen, self)
        self.editor_of_charges = dialog  # for tests and screenshots
        dialog.accepted.connect(
            lambda: self._change(lambda: self.service.set_reason_charges(code, dialog.chosen))
        )
        dialog.open()

    def _type_charges(self, code: str) -> None:
        self._run(
            lambda: self.service.type_charges(code),
            lambda answer: self._open_type_charges(code, *answer),
        )

    def _open_type_charges(
        self, code: str, items: list[tuple[str, str, str]], chosen: dict[str, list[str]]
    ) -> None:
        dialog = TypeChargesDialog(code, items, chosen, self)
        self.editor_of_type_charges = dialog  # for tests and screenshots
        dialog.accepted.connect(lambda: self._save_type_charges(code, dialog.changes()))
        dialog.open()

    def _save_type_charges(self, code: str, changes: dict[str, list[str]]) -> None:
        def save() -> None:
            for occasion, items in changes.items():
                self.service.set_type_charges(code, occasion, items)

        self._change(save)

    def _delete(self, key: str, code: str) -> None:
        answer = QMessageBox.question(
            self,
            tr("admin", "Delete"),
            tr("admin", "Delete {kind} {code}?").format(
                kind=tr("admin", KINDS[key].title), code=code
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.service.delete(key, code), lambda _none: self.refresh())
