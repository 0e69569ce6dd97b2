"""Reprint any past voucher: type a bill number, a 20-digit token or a meter number, pick
the sale, reprint it. The print itself is the counter's (marked REPRINT, counted, audited,
permission-checked again in the core); this dialog only finds the sale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.reports.shape import cell_text
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.services import ReportService
from starpos.ui.threading.workers import JobFailure, Workers
from starpos.ui.translator import tr

UI = "reprint"


class ReprintDialog(QDialog):
    def __init__(
        self, service: ReportService, workers: Workers, funnel: ErrorFunnel,
        reprint_bill: Callable[[str], None], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("reprintDialog")
        self.service, self.workers, self.funnel = service, workers, funnel
        self.reprint_bill = reprint_bill
        self.prompt = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("reprintSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_sales)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.find_sales)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.find_button)
        self.matches = QListWidget()
        self.matches.setObjectName("reprintMatches")
        self.matches.itemActivated.connect(lambda _item: self.reprint())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reprint_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setEnabled(False)
        self.buttons.accepted.connect(self.reprint)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.matches)
        layout.addWidget(self.buttons)
        self.resize(640, 360)
        self.retranslate_ui()

    def find_sales(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        self.workers.database.submit(
            self.service.find_vouchers, text, on_done=self.show_matches, on_failed=self._failed
        )

    def _failed(self, failure: JobFailure) -> None:
        self.matches.clear()
        self.reprint_button.setEnabled(False)
        self.funnel.show_failure(failure, self)

    def show_matches(self, sales: list[dict[str, Any]]) -> None:
        self.matches.clear()
        for sale in sales:
            token = sale["tokens"][0] if sale["tokens"] else ""
            grouped = " ".join(token[i : i + 4] for i in range(0, len(token), 4))
            text = (f"{sale['bill_number']}   {cell_text(sale['local_time'])}   "
                    f"{sale['meter']}   {sale['net']}   {grouped}")  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sale["bill_number"])
            self.matches.addItem(item)
        self.matches.setCurrentRow(0)
        self.reprint_button.setEnabled(bool(sales))
        self.matches.setFocus()

    def reprint(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            return
        self.reprint_bill(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr(UI, "Reprint a voucher"))
        self.prompt.setText(tr(UI, "Bill number, 20-digit token or meter number:"))
        self.find_button.setText(tr(UI, "Find"))
        self.reprint_button.setText(tr(UI, "Reprint"))
