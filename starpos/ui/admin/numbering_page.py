"""Numbering rules (manual 2.13 "Auto-Generate No. Setting"): one row per bill type with its
fields, serial digits, when the serial restarts, and a sample number; Enter or F2 edits the
selected rule. Every bill type has its rule from the starting kit, so there is nothing to
add or delete. The screen runs its own store calls through the window's database worker
(``bind``); saving needs ``admin_master_data`` (the core refuses without)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import NumberFieldKind
from starpos.i18n import tr_noop
from starpos.masterdata.numbering_rules import (
    BILL_TYPE_NAMES,
    NumberingFacts,
    Rule,
    sample_number,
)
from starpos.ui.admin.numbering_editor import FIELD_NAMES, RESET_NAMES, NumberingEditor
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.translator import tr

Run = Callable[[Callable[[], Any], Callable[[Any], None]], None]
#: a rule with the sample number it gives in this store
Shown = tuple[Rule, str]


def _fields(rule: Rule) -> str:
    parts = []
    for field in rule.fields:
        if field.kind is NumberFieldKind.FIXED:
            parts.append(f"“{field.fixed_text}”")
        else:
            name = tr("admin", FIELD_NAMES[field.kind.value])
            parts.append(name if field.length is None else f"{name} ({field.length})")
    return " + ".join(parts)


COLUMNS: list[Column[Shown]] = [
    Column(
        tr_noop("admin", "Bill type"),
        lambda s: tr("terms", BILL_TYPE_NAMES.get(s[0].bill_type, s[0].bill_type)),
    ),
    Column(tr_noop("admin", "Sample number"), lambda s: s[1]),
    Column(
        tr_noop("admin", "Serial digits"),
        lambda s: str(s[0].serial_digits),
        numeric=True,
        sort_key=lambda s: s[0].serial_digits,
    ),
    Column(tr_noop("admin", "Restarts"), lambda s: tr("admin", RESET_NAMES[s[0].reset.value])),
    Column(
        tr_noop("admin", "In use"),
        lambda s: tr("admin", "yes") if s[0].enabled else tr("admin", "no"),
    ),
    Column(tr_noop("admin", "Fields"), lambda s: _fields(s[0])),
]


class NumberingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbering")
        self.service: Any = None
        self.run: Run | None = None
        self.shown: Callable[[], None] = lambda: None
        self.editor: NumberingEditor | None = None
        self.title = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model: RecordTableModel[Shown] = RecordTableModel("admin", COLUMNS)
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.edit_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self.edit_rule)
        self.table.activated.connect(lambda _index: self.edit_rule())
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.edit_rule)
        self.retranslate_ui()

    def bind(self, service: Any, run: Run, shown: Callable[[], None]) -> None:
        self.service, self.run, self.shown = service, run, shown

    def retranslate_ui(self) -> None:
        self.title.setText(f"<h2>{tr('admin', 'Numbering rules')}</h2>")
        self.note.setText(
            tr(
                "admin",
                "A bill number is its fields followed by the serial. A changed rule never "
                "renumbers a bill: a new prefix starts its own serial.",
            )
        )
        self.edit_button.setText(tr("admin", "&Edit (F2)"))
        self.model.retranslate()
        if self.editor is not None:
            self.editor.retranslate_ui()

    def refresh(self) -> None:
        assert self.run is not None
        self.run(self.service.numbering, self.show_rules)

    def show_rules(self, answer: tuple[list[Rule], NumberingFacts]) -> None:
        rules, facts = answer
        chosen = self.selected()
        self.model.set_records([(rule, sample_number(rule, facts)) for rule in rules])
        types = [rule.bill_type for rule in rules]
        if types:
            here = chosen.bill_type if chosen is not None else ""
            self.table.selectRow(types.index(here) if here in types else 0)
        self.shown()

    def selected(self) -> Rule | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(index.row())[0]

    def edit_rule(self) -> None:
        rule = self.selected()
        if self.run is None or rule is None:
            return
        self.run(self.service.numbering, lambda answer: self._open(rule, answer[1]))

    def _open(self, rule: Rule, facts: NumberingFacts) -> None:
        editor = NumberingEditor(rule, facts, parent=self)
        self.editor = editor  # for tests and screenshots
        editor.accepted.connect(lambda: self._save(editor))
        editor.finished.connect(lambda _result: self.table.setFocus())
        editor.open()

    def _save(self, editor: NumberingEditor) -> None:
        assert self.run is not None and editor.values is not None
        rule = editor.values
        self.run(lambda: self.service.save_numbering(rule), lambda _none: self.refresh())
