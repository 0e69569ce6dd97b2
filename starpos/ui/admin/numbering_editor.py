"""The editor of one bill type's numbering rule (manual 2.13 "Auto-Generate No. Setting").

Up to six prefix fields in order, each a kind (fixed text, year, year in two digits, month,
day, sales point, branch, terminal) and its text (a fixed text) or length (a code field; empty
takes the whole code), then the serial digits, the start number, when the serial restarts,
and whether the rule is in use. The sample number and the first problem (the core's own
check, :func:`starpos.masterdata.numbering_rules.rule_problem`, against the store's facts
read when the editor opened) follow every key; Save (Enter) with a problem puts the cursor
back on it and writes nothing. Escape leaves."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.i18n import render_error, tr_noop
from starpos.masterdata.bill_numbers import PrefixField
from starpos.masterdata.numbering_rules import (
    BILL_TYPE_NAMES,
    MAX_SERIAL_DIGITS,
    NumberingFacts,
    Rule,
    rule_problem,
    sample_number,
)
from starpos.ui.translator import tr

FIELD_ROWS = 6
F = NumberFieldKind
FIELD_NAMES: dict[str, str] = {
    "": tr_noop("admin", "(none)"),
    F.FIXED.value: tr_noop("admin", "fixed text"),
    F.YEAR.value: tr_noop("admin", "year (2026)"),
    F.YEAR2.value: tr_noop("admin", "year (26)"),
    F.MONTH.value: tr_noop("admin", "month"),
    F.DAY.value: tr_noop("admin", "day"),
    F.SALES_POINT.value: tr_noop("admin", "sales point"),
    F.BRANCH.value: tr_noop("admin", "branch"),
    F.TERMINAL.value: tr_noop("admin", "terminal"),
}
RESET_NAMES: dict[str, str] = {
    NumberReset.MONTHLY.value: tr_noop("admin", "every month"),
    NumberReset.YEARLY.value: tr_noop("admin", "every year"),
    NumberReset.NEVER.value: tr_noop("admin", "never"),
}
_CODES = (F.SALES_POINT, F.BRANCH, F.TERMINAL)


class NumberingEditor(QDialog):
    def __init__(self, rule: Rule, facts: NumberingFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberingEditor")
        self.rule, self.facts = rule, facts
        self.kinds: list[QComboBox] = []
        self.texts: list[QLineEdit] = []
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.heads = [QLabel(), QLabel(), QLabel()]
        for column, head in enumerate(self.heads):
            grid.addWidget(head, 0, column)
        for row in range(FIELD_ROWS):
            kind, text = QComboBox(), QLineEdit()
            kind.setObjectName(f"fieldKind{row + 1}")
            kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            text.setObjectName(f"fieldText{row + 1}")
            for value in FIELD_NAMES:
                kind.addItem("", value)
            if row < len(rule.fields):
                field = rule.fields[row]
                kind.setCurrentIndex(kind.findData(field.kind.value))
                shown = field.fixed_text if field.kind is F.FIXED else field.length
                text.setText("" if shown is None else str(shown))
            grid.addWidget(QLabel(str(row + 1)), row + 1, 0)
            grid.addWidget(kind, row + 1, 1)
            grid.addWidget(text, row + 1, 2)
            self.kinds.append(kind)
            self.texts.append(text)
        self.digits = QSpinBox()
        self.digits.setObjectName("serialDigits")
        self.digits.setRange(1, MAX_SERIAL_DIGITS)
        self.digits.setValue(rule.serial_digits)
        self.start = QSpinBox()
        self.start.setObjectName("startNumber")
        self.start.setRange(0, 999_999_999)
        self.start.setValue(rule.start_number)
        self.reset = QComboBox()
        self.reset.setObjectName("serialReset")
        for value in RESET_NAMES:
            self.reset.addItem("", value)
        self.reset.setCurrentIndex(self.reset.findData(rule.reset.value))
        self.enabled = QCheckBox()
        self.enabled.setObjectName("ruleEnabled")
        self.enabled.setChecked(rule.enabled)
        self.form_labels = {w: QLabel() for w in (self.digits, self.start, self.reset)}
        form = QFormLayout()
        for widget, label in self.form_labels.items():
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.enabled)
        self.sample = QLabel()
        self.sample.setObjectName("sampleNumber")
        self.problem = QLabel()
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.sample)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.values: Rule | None = None
        for kind in self.kinds:
            kind.currentIndexChanged.connect(self._follow)
        for text in self.texts:
            text.textChanged.connect(self._follow)
        self.digits.valueChanged.connect(self._follow)
        self.start.valueChanged.connect(self._follow)
        self.reset.currentIndexChanged.connect(self._follow)
        self.enabled.toggled.connect(self._follow)
        self.setMinimumWidth(560)
        self.retranslate_ui()
        self.kinds[0].setFocus()

    def retranslate_ui(self) -> None:
        bill = tr("terms", BILL_TYPE_NAMES.get(self.rule.bill_type, self.rule.bill_type))
        self.setWindowTitle(tr("admin", "Numbering of {bill} bills").format(bill=bill))
        for head, text in zip(
            self.heads,
            ("#", tr("admin", "Field"), tr("admin", "Text, or length of a code (empty: all)")),
            strict=True,
        ):
            head.setText(text)
        for kind in self.kinds:
            for row, name in enumerate(FIELD_NAMES.values()):
                kind.setItemText(row, tr("admin", name))
        for row, name in enumerate(RESET_NAMES.values()):
            self.reset.setItemText(row, tr("admin", name))
        for widget, text in (
            (self.digits, tr("admin", "Serial &digits")),
            (self.start, tr("admin", "S&tart number")),
            (self.reset, tr("admin", "Serial &restarts")),
        ):
            self.form_labels[widget].setText(text)
        self.enabled.setText(tr("admin", "In &use"))
        self._follow()

    def edited(self) -> tuple[Rule, int | None, str]:
        """The rule as edited, and the row and text of a length that is not a number."""
        fields: list[PrefixField] = []
        for row, (kind_box, text_line) in enumerate(zip(self.kinds, self.texts, strict=True)):
            value = kind_box.currentData()
            text_line.setEnabled(value in (F.FIXED.value, *(k.value for k in _CODES)))
            if not value:
                continue
            kind, text = F(value), text_line.text().strip()
            if kind is F.FIXED:
                fields.append(PrefixField(len(fields) + 1, kind, None, text))
            elif kind in _CODES and text:
                if not text.isdigit():
                    return self.rule, row, text
                fields.append(PrefixField(len(fields) + 1, kind, int(text)))
            else:
                fields.append(PrefixField(len(fields) + 1, kind))
        rule = Rule(
            self.rule.bill_type,
            tuple(fields),
            self.digits.value(),
            self.start.value(),
            NumberReset(self.reset.currentData()),
            self.enabled.isChecked(),
        )
        return rule, None, ""

    def _follow(self) -> str:
        """Show the sample and the first problem; answer the problem ('' when none)."""
        rule, bad_row, bad_text = self.edited()
        if bad_row is not None:
            text = tr("admin", "The length of field {row} is not a whole number: {text}").format(
                row=bad_row + 1, text=bad_text
            )
        else:
            problem = rule_problem(rule, self.facts)
            text = "" if problem is None else render_error(problem)
        sample = "" if bad_row is not None else sample_number(rule, self.facts)
        self.sample.setText(tr("admin", "Sample number: {number}").format(number=sample))
        self.problem.setText(text)
        return text

    def _check(self) -> None:
        if self._follow():
            _rule, bad_row, _text = self.edited()
            (self.texts[bad_row] if bad_row is not None else self.kinds[0]).setFocus()
            return
        self.values = self.edited()[0]
        self.accept()
