"""The editor of one record, made from its kind's fields: a line for text and numbers, a
box to tick for yes/no, a list for a choice or a reference. Enter saves, Escape cancels.

Numbers are read as Decimal (never float); a number that is not one is said so in the
dialog, and the store's own checks (a code taken, a reference to nothing) come back as the
core's translated refusals.

A charge item's or customer type's priced terms are dated (decision BO-23): editing one
shows its versions and asks from which day the change is priced; today means from now, so
today's earlier sales keep the terms they were made with.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.db.base import stored_value
from starpos.masterdata.choice_labels import CONTEXT, LABELS, label_of
from starpos.masterdata.dated_terms import BEGINNING
from starpos.masterdata.record_kinds import Field, FieldType, RecordKind
from starpos.ui.translator import tr

_NUMBERS = (FieldType.MONEY, FieldType.PERCENT, FieldType.ENERGY)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return tr("admin", "yes") if value else tr("admin", "no")
    return "-" if value is None else str(value)


class RecordEditor(QDialog):
    def __init__(
        self,
        kind: RecordKind,
        references: dict[str, list[str]],
        row: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        history: list[dict[str, Any]] | None = None,
    ) -> None:
        """``row``: the record to edit (None: a new one); ``references``: the codes each
        reference field may take; ``history``: the dated versions of its priced terms (None:
        a kind without them, or a new record)."""
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
        self.since: QDateEdit | None = None
        self.versions: QListWidget | None = None
        if history is not None:
            self._dated(form, history)
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

    def _dated(self, form: QFormLayout, history: list[dict[str, Any]]) -> None:
        today = date.today()
        self.since = QDateEdit(QDate(today.year, today.month, today.day))
        self.since.setObjectName("effectiveFrom")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        label = QLabel(tr("admin", "Prices from"))
        label.setBuddy(self.since)
        form.addRow(label, self.since)
        self.versions = QListWidget()
        self.versions.setObjectName("versions")
        self.versions.setMinimumWidth(680)
        self.versions.setMaximumHeight(110)
        current = tr("admin", "in force")
        for version in history:
            terms = ", ".join(
                f"{tr('admin', self.kind.field(name).label)} {self._shown_term(name, value)}"
                for name, value in version.items()
                if name not in ("effective_from", "in_force") and value is not None
            )
            start = version["effective_from"]
            when = (
                tr("admin", "from the start") if start == BEGINNING else f"{start:%Y-%m-%d %H:%M}"
            )
            mark = f" ({current})" if version["in_force"] else ""
            self.versions.addItem(f"{when}{mark}: {terms}")
        form.addRow(QLabel(tr("admin", "Versions")))
        form.addRow(self.versions)

    def _shown_term(self, name: str, value: Any) -> str:
        choices = self.kind.field(name).choices
        if choices is not None and value is not None:
            return tr(CONTEXT, label_of(choices, value))
        return _shown(value)

    def effective_from(self) -> datetime | None:
        """The start of the day the priced terms change from; None: today, meaning now."""
        if self.since is None:
            return None
        day = self.since.date().toPython()
        assert isinstance(day, date)
        if day == date.today():
            return None
        return datetime.combine(day, datetime.min.time())

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
                    combo.addItem(tr(CONTEXT, LABELS[member]), stored_value(member))
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
