"""The boxes of the meter stock screen (manual 3.1-3.2): stock in one meter or a range (the
first meter and how many), stock out, back from another branch, a meter's status, a
meter's history, and the bad rows of a refused CSV file. Each form is read top to bottom
with Tab; Enter saves, Escape cancels. What the store checks (a meter not in stock, a Scrap
meter for installation) it refuses after Enter, through the window's error funnel; the box
only makes sure it is filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import MeterCondition
from starpos.i18n import render_error, tr_noop, translate
from starpos.masterdata.csv_rows import CsvRefusedError
from starpos.masterdata.meter_stock import NewMeter
from starpos.masterdata.stock_list import KIND_TERMS, HistoryEntry
from starpos.ui.admin.list_table import list_table
from starpos.ui.admin.stock_table import condition_text
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.translator import tr

_DIGITS = QRegularExpression(r"[0-9 ]*")


def _line(name: str, digits: bool = False) -> QLineEdit:
    line = QLineEdit()
    line.setObjectName(name)
    if digits:
        line.setValidator(QRegularExpressionValidator(_DIGITS, line))
    return line


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


class _Form(QDialog):
    """A titled form with Save and Cancel, and a line for what is missing."""

    def __init__(self, name: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b71c1c;")
        self.problem.setWordWrap(True)

    def _finish(self) -> None:
        """Save and Cancel under the form the subclass filled: made last, they come last
        when Tab goes round, and the first field has the focus when the box opens."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        first = self.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        field = first.widget() if first is not None else None
        if field is not None:
            field.setFocus()

    def _check(self) -> None:
        missing = self.missing()
        self.problem.setText(missing)
        if not missing:
            self.accept()

    def missing(self) -> str:
        """What must still be filled in, translated; empty when the form may be saved."""
        return ""


def numbers_of(text: str) -> list[str]:
    return text.replace(",", " ").split()


class StockInDialog(_Form):
    """New meters into stock: one (``ranged`` False) or ``count`` from the first number."""

    def __init__(
        self, models: list[str], branches: list[str], ranged: bool, parent: QWidget | None
    ) -> None:
        title = tr("admin", "Stock in a range") if ranged else tr("admin", "Stock in one meter")
        super().__init__("stockIn", title, parent)
        self.number = _line("firstMeter", digits=True)
        self.count = QSpinBox()
        self.count.setObjectName("meterCount")
        self.count.setRange(1, 100_000)
        self.count.setValue(10 if ranged else 1)
        self.model = _combo("model", [(code, code) for code in models])
        self.branch = _combo("branch", [(code, code) for code in branches])
        self.sgc = _line("sgc", digits=True)
        self.sgc.setMaxLength(6)
        self.ti, self.krn = QSpinBox(), QSpinBox()
        self.ti.setObjectName("ti")
        self.ti.setRange(0, 99)
        self.ti.setValue(1)
        self.krn.setObjectName("krn")
        self.krn.setRange(1, 9)
        self.base_date = _combo("baseDate", [(str(y), y) for y in (1993, 2014, 2035)])
        self.key_register = _line("keyRegister")
        label = tr("admin", "First meter number") if ranged else tr("admin", "Meter number")
        self.form.addRow(label, self.number)
        if ranged:
            self.form.addRow(tr("admin", "How many meters"), self.count)
        for text, widget in (
            (tr("admin", "Meter model"), self.model),
            (tr("admin", "Branch"), self.branch),
            (tr("admin", "Supply group code (SGC)"), self.sgc),
            (tr("admin", "Tariff index (TI)"), self.ti),
            (tr("admin", "Key revision number (KRN)"), self.krn),
            (tr("admin", "Base date"), self.base_date),
            (tr("admin", "Key register"), self.key_register),
        ):
            self.form.addRow(text, widget)
        self._finish()

    def missing(self) -> str:
        if not self.number.text().strip():
            return tr("admin", "Type the meter number.")
        if len(self.sgc.text().strip()) != 6:
            return tr("admin", "The supply group code has 6 digits.")
        if not self.model.currentText() or not self.branch.currentText():
            return tr("admin", "Set up a meter model and a branch first.")
        return ""

    def values(self) -> tuple[NewMeter, int, str, str]:
        """The first meter with its key data, how many, the model and the branch."""
        key = NewMeter(
            number="".join(self.number.text().split()),
            sgc=self.sgc.text().strip(),
            ti=self.ti.value(),
            krn=self.krn.value(),
            tid_base_year=int(self.base_date.currentData()),
            key_register=self.key_register.text().strip() or None,
        )
        return key, self.count.value(), self.model.currentText(), self.branch.currentText()


class StockOutDialog(_Form):
    """Meters out of stock: for installation, or to another branch."""

    def __init__(self, branches: list[str], numbers: str, parent: QWidget | None) -> None:
        super().__init__("stockOut", tr("admin", "Stock out"), parent)
        self.numbers = _line("meterNumbers", digits=True)
        self.numbers.setText(numbers)
        self.kind = _combo(
            "outType",
            [(tr("admin", "For installation"), False), (tr("admin", "To another branch"), True)],
        )
        self.branch = _combo("toBranch", [(code, code) for code in branches])
        self.branch.setEnabled(False)
        self.drawer = _line("drawer")
        self.kind.currentIndexChanged.connect(
            lambda _row: self.branch.setEnabled(bool(self.kind.currentData()))
        )
        for text, widget in (
            (tr("admin", "Meter numbers"), self.numbers),
            (tr("admin", "Out type"), self.kind),
            (tr("admin", "To branch"), self.branch),
            (tr("admin", "Drawer (who takes them)"), self.drawer),
        ):
            self.form.addRow(text, widget)
        self._finish()

    def missing(self) -> str:
        return "" if numbers_of(self.numbers.text()) else tr("admin", "Type the meter numbers.")

    def values(self) -> tuple[list[str], str | None, str]:
        """The meters, the branch they go to (None: for installation), the drawer."""
        to_branch = self.branch.currentText() if self.kind.currentData() else None
        return numbers_of(self.numbers.text()), to_branch, self.drawer.text().strip()


class FromBranchDialog(_Form):
    """Meters another branch sent back into stock here."""

    def __init__(self, numbers: str, parent: QWidget | None) -> None:
        super().__init__("fromBranch", tr("admin", "Back from another branch"), parent)
        self.numbers = _line("meterNumbers", digits=True)
        self.numbers.setText(numbers)
        self.origin = _line("originBill")
        self.origin.setPlaceholderText(tr("admin", "found from the meters when empty"))
        self.form.addRow(tr("admin", "Meter numbers"), self.numbers)
        self.form.addRow(tr("admin", "Their stock-out bill"), self.origin)
        self._finish()

    def missing(self) -> str:
        return "" if numbers_of(self.numbers.text()) else tr("admin", "Type the meter numbers.")

    def values(self) -> tuple[list[str], str | None]:
        return numbers_of(self.numbers.text()), self.origin.text().strip() or None


class StatusDialog(_Form):
    """A meter's status (Good, Maintenance, Scrap), with the reason."""

    def __init__(self, number: str, current: str, parent: QWidget | None) -> None:
        super().__init__("meterStatus", tr("admin", "Meter status"), parent)
        self.number = number
        self.status = _combo("status", [(condition_text(c.value), c) for c in MeterCondition])
        self.status.setCurrentIndex(max(0, self.status.findData(MeterCondition(current))))
        self.reason = _line("reason")
        self.reason.setMaxLength(200)
        self.form.addRow(tr("admin", "Status"), self.status)
        self.form.addRow(tr("admin", "Reason"), self.reason)
        self.form.addRow(tr("admin", "Meter number"), QLabel(number))
        self._finish()

    def missing(self) -> str:
        return "" if self.reason.text().strip() else tr("admin", "Say why the status changes.")

    def values(self) -> tuple[MeterCondition, str]:
        return MeterCondition(self.status.currentData()), self.reason.text().strip()


def _where(entry: HistoryEntry) -> str:
    return " → ".join(filter(None, (entry.branch, entry.other_branch)))


HISTORY_COLUMNS: list[Column[HistoryEntry]] = [
    # in the utility's time zone already (masterdata.stock_list), never this computer's
    Column(tr_noop("admin", "When"), lambda e: f"{e.at:%Y-%m-%d %H:%M}"),
    Column(tr_noop("admin", "What"), lambda e: translate("terms", KIND_TERMS.get(e.kind, e.kind))),
    Column(tr_noop("admin", "Bill"), lambda e: e.bill),
    Column(
        tr_noop("admin", "Branch"), lambda e: " → ".join(filter(None, (e.branch, e.other_branch)))
    ),
    # A bill's check has no status of the meter (manual 3.1).
    Column(tr_noop("admin", "Status"), lambda e: condition_text(e.status) if e.status else ""),
    Column(tr_noop("admin", "Operator"), lambda e: e.operator),
    Column(tr_noop("admin", "Drawer or reason"), lambda e: e.drawer or e.reason),
]


class HistoryDialog(QDialog):
    """Where a meter has been: its stock movements and status changes (Escape closes)."""

    def __init__(self, number: str, entries: list[HistoryEntry], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("meterHistory")
        self.setWindowTitle(tr("admin", "History of meter {number}").format(number=number))
        self.model: RecordTableModel[HistoryEntry] = RecordTableModel("admin", HISTORY_COLUMNS)
        self.model.set_records(entries)
        self.table: QTableView = list_table(self.model)
        self.table.setSortingEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 360)


class FileRefusedDialog(QDialog):
    """A CSV file refused whole: what happened, then every bad row (line, column, why)."""

    def __init__(self, refusal: CsvRefusedError, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("fileRefused")
        self.setWindowTitle(tr("admin", "The file was not imported"))
        summary = QLabel(render_error(refusal))
        summary.setWordWrap(True)
        self.rows = QListWidget()
        self.rows.setObjectName("badRows")
        # A refusal's sentence is long: wrapped, every word of it shows.
        self.rows.setWordWrap(True)
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for problem in refusal.problems:
            self.rows.addItem(
                tr("admin", "line {line}, column {column}: {why}").format(
                    line=problem.line, column=problem.column, why=render_error(problem.why)
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.rows, 1)
        layout.addWidget(buttons)
        self.rows.setFocus()
        self.resize(860, 340)
