"""The vendor float limits (decision SHF-19): this sales point's and each operator's, with
what the sales since the last close have used of each and what is left. Keyboard first: the
arrows choose a row, Enter (or Alt+L) goes to the new limit, Enter there sets it (empty: no
limit). Only an operator who may edit master data sets a limit; others see the list. A limit
set to what it already is changes nothing, and the window says so (decision SHF-23)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from starpos.shifts.limits import FloatStanding
from starpos.ui.money import format_money, parse_amount
from starpos.ui.signals import emit
from starpos.ui.supervisor.list_dialog import ListDialog
from starpos.ui.translator import tr


class FloatLimitDialog(ListDialog):
    #: set the limit of this row (a FloatStanding) to what the field says (see limit())
    set_chosen = Signal(object)

    def __init__(self, decimals: int, *, may_set: bool, parent: QWidget | None = None) -> None:
        super().__init__("floatLimitDialog", "floatLimits", 5, parent)
        self.decimals, self.may_set = decimals, may_set
        self.rows: list[FloatStanding] = []
        self.table.activated.connect(lambda _index: self._to_field())
        self.table.currentCellChanged.connect(lambda *_cells: self._row_changed())
        self.limit_field = QLineEdit()
        self.limit_field.setObjectName("floatLimitField")
        # After the key's own handling: the dialog passes Enter on to the default button of
        # any visible child, and a refusal's box opened during it would be closed at once.
        self.limit_field.returnPressed.connect(lambda: QTimer.singleShot(0, self._set))
        self.limit_label = QLabel()
        self.limit_label.setBuddy(self.limit_field)
        self.note = QLabel()
        self.note.setObjectName("floatLimitNote")
        self.note.setWordWrap(True)
        #: the row whose limit was set to what it was already (said in the note), if any
        self.unchanged: tuple[str, str] | None = None
        self.set_button = self.action_button("floatLimitSet", self._set)
        for widget in (self.limit_field, self.set_button):
            widget.setEnabled(may_set)
        form = QFormLayout()
        form.addRow(self.limit_label, self.limit_field)
        self.lay_out(form, self.note)
        self.resize(860, 520)
        self.retranslate_ui()
        self.table.setFocus()

    def selected(self) -> FloatStanding | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_rows(self, rows: list[FloatStanding]) -> None:
        """Fill the table; the selection stays on the row it was on (else the first)."""
        keep = self.selected()
        self.rows = list(rows)
        keys = [(r.kind, r.code) for r in self.rows]
        wanted = (keep.kind, keep.code) if keep else None
        current = keys.index(wanted) if wanted in keys else 0
        self.fill([self._cells(standing) for standing in self.rows], (2, 3, 4), current)
        self._row_changed()
        self.table.setFocus()

    def _money(self, value: Decimal | None) -> str:
        return tr("shifts", "no limit") if value is None else format_money(value, self.decimals)

    def _cells(self, standing: FloatStanding) -> tuple[str, ...]:
        if standing.kind == "sales_point":
            who = tr("shifts", "Sales point {code}").format(code=standing.code)
        else:
            who = tr("shifts", "Operator {code}").format(code=standing.code)
        left = "" if standing.left is None else format_money(standing.left, self.decimals)
        return (
            who,
            standing.name,
            self._money(standing.limit),
            format_money(standing.taken, self.decimals),
            left,
        )

    def say_unchanged(self, standing: FloatStanding) -> None:
        """The limit set was the row's already: nothing was written (decision SHF-23)."""
        self.unchanged = (standing.kind, standing.code)
        self.retranslate_ui()

    def _row_changed(self) -> None:
        standing = self.selected()
        if standing is None or (standing.kind, standing.code) != self.unchanged:
            self.unchanged = None
        limit = standing.limit if standing else None
        self.limit_field.setText("" if limit is None else format_money(limit, self.decimals))
        self.retranslate_ui()

    def _to_field(self) -> None:
        if self.may_set:
            self.limit_field.setFocus()
            self.limit_field.selectAll()

    def limit(self) -> Decimal | None:
        """The limit typed (empty: none; a typed refusal for one that is not an amount)."""
        text = self.limit_field.text()
        return parse_amount(text, self.decimals) if text.strip() else None

    def _set(self) -> None:
        standing = self.selected()
        if standing is not None and self.may_set:
            emit(self.set_chosen, standing)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "Float limits"))
        self.intro.setText(
            tr(
                "shifts",
                "Sales since the last close count against the limit of the sales point and "
                "of the operator; at the limit, selling stops until a close hands the cash "
                "over. Arrows choose a row, Enter goes to its new limit.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                tr("shifts", "Limit of"),
                tr("shifts", "Name"),
                tr("shifts", "Limit"),
                tr("shifts", "Used since the last close"),
                tr("shifts", "Left"),
            ]
        )
        standing = self.selected()
        shown = self._cells(standing)[0] if standing else ""
        self.limit_label.setText(tr("shifts", "New &limit for {who}").format(who=shown))
        self.limit_field.setPlaceholderText(tr("shifts", "empty: no limit"))
        self.set_button.setText(tr("shifts", "&Set the limit"))
        self.note.setText(self._note(standing, shown))

    def _note(self, standing: FloatStanding | None, who: str) -> str:
        if not self.may_set:
            return tr("shifts", "Only an administrator (edit base data) sets the limits.")
        if standing is None or (standing.kind, standing.code) != self.unchanged:
            return ""
        if standing.limit is None:
            return tr("shifts", "{who} has no limit already: nothing was changed.").format(who=who)
        return tr("shifts", "The limit of {who} is {limit} already: nothing was changed.").format(
            who=who, limit=format_money(standing.limit, self.decimals)
        )
