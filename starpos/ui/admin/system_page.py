"""The system parameters (manual 1.1): company, currency and its decimals, the warn amount,
the utility's time zone. Saving needs ``admin_master_data`` and is audited."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.ui.signals import emit
from starpos.ui.translator import tr

#: field -> label (context "admin")
_TEXTS = {
    "company_name": tr_noop("admin", "Company name"),
    "company_address": tr_noop("admin", "Address"),
    "telephone": tr_noop("admin", "Telephone"),
    "tax_reference": tr_noop("admin", "Tax reference"),
    "currency": tr_noop("admin", "Currency (ISO 4217)"),
    "time_zone": tr_noop("admin", "Time zone"),
    "warn_amount": tr_noop("admin", "Warn amount"),
}


class SystemPage(QWidget):
    #: the operator saved: the values to store
    save_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("system")
        self.title = QLabel()
        self.inputs: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in _TEXTS:
            line = QLineEdit()
            line.setObjectName(f"field_{name}")
            self.inputs[name] = line
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(line)
            form.addRow(self.labels[name], line)
        self.decimals = QSpinBox()
        self.decimals.setObjectName("field_amount_decimals")
        self.decimals.setRange(0, 2)
        self.decimals.setValue(2)
        self.decimals_label = QLabel()
        self.decimals_label.setBuddy(self.decimals)
        form.addRow(self.decimals_label, self.decimals)
        self.problem = QLabel()
        self.problem.setObjectName("systemProblem")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveSystem")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.save_button)
        layout.addStretch()
        for line in self.inputs.values():
            line.returnPressed.connect(self._save)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'System parameters')}</h2>")
        for name, label in _TEXTS.items():
            self.labels[name].setText(tr("admin", label))
        self.decimals_label.setText(tr("admin", "Amount decimals"))
        self.save_button.setText(tr("admin", "&Save"))
        self.inputs["time_zone"].setPlaceholderText("Africa/Lagos")

    def show_values(self, values: dict[str, Any] | None) -> None:
        for name, line in self.inputs.items():
            value = (values or {}).get(name)
            line.setText("" if value is None else str(value))
        self.decimals.setValue(int((values or {}).get("amount_decimals", 2)))

    def _save(self) -> None:
        values: dict[str, Any] = {
            name: line.text().strip() for name, line in self.inputs.items() if name != "warn_amount"
        }
        warn = self.inputs["warn_amount"].text().strip()
        try:
            values["warn_amount"] = Decimal(warn) if warn else None
        except InvalidOperation:
            self.problem.setText(
                tr("admin", "{field} is not a number: type digits with at most one '.'.").format(
                    field=tr("admin", "Warn amount")
                )
            )
            return
        values["amount_decimals"] = self.decimals.value()
        self.problem.clear()
        emit(self.save_requested, values)
