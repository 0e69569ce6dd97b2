"""This shift's vends: a searchable table (model/view), refreshed from the database worker.

Newest first, with the header's arrow saying so (pointing down); each opening starts
without the last search; the dialog widens to show every column, the token whole.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.views import ShiftVend
from starpos.ui.models.shift_vends import shift_vends_model
from starpos.ui.models.text_search import TextSearchFilter
from starpos.ui.signals import emit
from starpos.ui.translator import tr
from starpos.ui.widgets.sort_arrow import ReadableSortArrows


class ShiftVendsDialog(QDialog):
    #: the operator chose to cancel the token of the selected sale (its bill number); the
    #: button is there only when the token screens offer it (:meth:`offer_cancel`)
    cancel_chosen = Signal(str)

    def __init__(self, decimals: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftVendsDialog")
        self.model = shift_vends_model(decimals)
        self.proxy = TextSearchFilter()
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("shiftSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table = QTableView()
        self.table.setObjectName("shiftTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        self.arrows = ReadableSortArrows()
        header.setStyle(self.arrows)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.summary = QLabel()
        self.summary.setObjectName("shiftSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("shiftCancelToken")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._cancel_selected)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setVisible(False)  # after addButton, which shows it
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.proxy.rowsInserted.connect(self._summarise)
        self.proxy.rowsRemoved.connect(self._summarise)
        self.proxy.modelReset.connect(self._summarise)
        self.proxy.layoutChanged.connect(self._summarise)
        self.resize(900, 480)
        self.retranslate_ui()

    def start_afresh(self) -> None:
        """As on a first opening: no search, newest first."""
        self.search.clear()
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def offer_cancel(self) -> None:
        """Show the button that cancels the selected sale's token (an operator who may)."""
        self.cancel_button.setVisible(True)

    def selected_bill(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record_at(self.proxy.mapToSource(rows[0]).row()).bill_number

    def _cancel_selected(self) -> None:
        bill = self.selected_bill()
        if bill is not None:
            self.accept()
            emit(self.cancel_chosen, bill)

    def set_vends(self, vends: list[ShiftVend]) -> None:
        self.model.set_records(vends)
        self._summarise()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """As wide as every column needs (the screen allows), so no token is cut off."""
        header = self.table.horizontalHeader()
        frame = self.table.frameWidth() * 2 + self.table.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
        wanted = header.length() + frame + margins.left() + margins.right()
        screen = self.screen()
        room = screen.availableGeometry().width() if screen is not None else wanted
        if wanted > self.width():
            self.resize(min(wanted, room), self.height())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shift", "This shift's vends"))
        self.search.setPlaceholderText(tr("shift", "Search by meter, bill, customer or token"))
        self.cancel_button.setText(tr("tokenui", "&Cancel the selected sale's token…"))
        self.model.retranslate()
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _summarise(self) -> None:
        self.summary.setText(
            tr("shift", "{shown} of {total} vends shown").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
