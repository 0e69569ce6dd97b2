"""The editor of one record, made from its kind's fields: a line for text and numbers, a
box to tick for yes/no, a list for a choice or a reference. Enter saves, Escape cancels.

Numbers are read as Decimal (never float); a number that is not one is said so in the
dialog, and the store's own checks (a code taken, a reference to nothing) come back as the
core's translated refusals.
"""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.db.base import stored_value
from starpos.masterdata.record_kinds import Field, FieldType, RecordKind
from starpos.ui.translator import tr

_NUMBERS = (FieldType.MONEY, FieldType.PERCENT, FieldType.ENERGY)


class RecordEditor(QDialog):
    def __init__(
        self,
        kind: RecordKind,
        references: dict[str, list[str]],
        row: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``row``: the record to edit (None: a new one); ``references``: the codes each
        reference field may take."""
        super().__init__(parent)
        self.setObjectName(f"editor_{kind.key}")
        self.kind, self.row = kind, row
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout()
        for field in kind.fields:
            widget = self._input(field, references.get(field.name, []))
            widget.setObjectName(f"field_{field.name}")
            self.inputs[field.name] = widget
            label = QLabel(tr("admin", field.label) + (" *" if field.required else ""))
            label.setBuddy(widget)
            form.addRow(label, widget)
        if row is not None:
            self._fill(row)
            self.inputs["code"].setEnabled(False)
        self.problem = QLabel()
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        title = tr("admin", kind.title)
        if row is None:
            title = tr("admin", "New record: {kind}").format(kind=title)
        self.setWindowTitle(title)
        self.values: dict[str, Any] = {}

    def _input(self, field: Field, codes: list[str]) -> QWidget:
        if field.field_type is FieldType.FLAG:
            box = QCheckBox()
            box.setChecked(bool(field.default))
            return box
        if field.field_type is FieldType.WHOLE:
            spin = QSpinBox()
            spin.setRange(0, 1_000_000)
            spin.setValue(int(field.default or 0))
            return spin
        if field.field_type in (FieldType.CHOICE, FieldType.REFERENCE):
            combo = QComboBox()
            if field.field_type is FieldType.CHOICE and field.choices is not None:
                for member in field.choices:
                    combo.addItem(stored_value(member), stored_value(member))
                if isinstance(field.default, enum.Enum):
                    combo.setCurrentIndex(combo.findData(stored_value(field.default)))
            else:
                for code in codes:
                    combo.addItem(code, code)
            return combo
        line = QLineEdit()
        if field.field_type in _NUMBERS:
            line.setPlaceholderText("0.00")
        return line

    def _fill(self, row: dict[str, Any]) -> None:
        for name, widget in self.inputs.items():
            value = row.get(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    def _value(self, field: Field) -> Any:
        widget = self.inputs[field.name]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        text = widget.text().strip()
        if field.field_type in _NUMBERS:
            if not text:
                return None
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise ValueError(field.label) from None
            if not number.is_finite() or number < 0:
                raise ValueError(field.label)
            return number
        return text or None

    def _check(self) -> None:
        values: dict[str, Any] = {}
        for field in self.kind.fields:
            if self.row is not None and field.name == "code":
                continue
            try:
                values[field.name] = self._value(field)
            except ValueError:
                self.problem.setText(
                    tr(
                        "admin", "{field} is not a number: type digits with at most one '.'."
                    ).format(field=tr("admin", field.label))
                )
                self.inputs[field.name].setFocus()
                return
        self.values = values
        self.accept()
