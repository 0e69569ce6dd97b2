"""The steps of a step tariff (manual 2.12 f, "Multistep Electricity Price"): one row per
step, its start (the end of the step before, not editable, as the manual's green figures),
its end in kWh and its price. The last step may have no end: energy beyond it costs its
price. Alt+N adds a step, Alt+R removes the last; Tab walks the fields.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos import pricing
from starpos.ui.admin.tariff_inputs import InputProblem, kwh, price
from starpos.ui.signals import emit
from starpos.ui.translator import tr

#: enough for every step tariff the manual or a utility describes
MOST_STEPS = 10
#: the manual's example as greyed hints (placeholders), never saved unless typed
EXAMPLE = (("200", "0.60"), ("500", "0.75"), ("", "1.00"))


class StepEditor(QWidget):
    #: a field changed (the preview follows)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepEditor")
        self.grid = QGridLayout()
        self.headers = [QLabel(), QLabel(), QLabel(), QLabel()]
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        self.rows: list[tuple[QLabel, QLabel, QLineEdit, QLineEdit]] = []
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStep")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeStep")
        self.help = QLabel()
        self.help.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        layout.addWidget(self.help)
        layout.addStretch()
        self.add_button.clicked.connect(self.add_step)
        self.remove_button.clicked.connect(self.remove_step)
        for _ in EXAMPLE:
            self.add_step()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for header, text in zip(
            self.headers,
            (tr("admin", "Step"), tr("admin", "Start (kWh)"), tr("admin", "End (kWh)"),
             tr("admin", "Price per kWh")),
            strict=True,
        ):  # fmt: skip
            header.setText(f"<b>{text}</b>")
        self.add_button.setText(tr("admin", "Add &step"))
        self.remove_button.setText(tr("admin", "&Remove last step"))
        self.help.setText(
            tr(
                "admin",
                "Steps count the energy a meter buys in a calendar month. Leave the last end "
                "empty: energy beyond it costs the last price. The manual's example: 200 at "
                "0.60, 500 at 0.75, then 1.00; 600 kWh cost 445.",
            )
        )
        for number, (_n, _start, end, _price) in enumerate(self.rows):
            if number == len(self.rows) - 1:
                end.setPlaceholderText(tr("admin", "no end"))
            else:
                end.setPlaceholderText(EXAMPLE[number][0] if number < len(EXAMPLE) else "")
        self._show_starts()

    def add_step(self) -> None:
        if len(self.rows) >= MOST_STEPS:
            return
        number = len(self.rows)
        row = (QLabel(str(number + 1)), QLabel(), QLineEdit(), QLineEdit())
        row[2].setObjectName(f"stepEnd{number + 1}")
        row[3].setObjectName(f"stepPrice{number + 1}")
        if number < len(EXAMPLE):
            row[3].setPlaceholderText(EXAMPLE[number][1])
        for column, widget in enumerate(row):
            self.grid.addWidget(widget, number + 1, column)
        row[2].textChanged.connect(self._edited)
        row[3].textChanged.connect(self._edited)
        if self.rows:  # Tab goes from the last price to the new row's end
            QWidget.setTabOrder(self.rows[-1][3], row[2])
        QWidget.setTabOrder(row[2], row[3])
        QWidget.setTabOrder(row[3], self.add_button)  # the buttons after the rows
        QWidget.setTabOrder(self.add_button, self.remove_button)
        self.rows.append(row)
        self.retranslate_ui()
        row[2].setFocus()
        emit(self.changed)

    def remove_step(self) -> None:
        if len(self.rows) <= 1:
            return
        for widget in self.rows.pop():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.retranslate_ui()
        self.rows[-1][2].setFocus()
        emit(self.changed)

    def show_rate(self, rate: pricing.StepRate) -> None:
        """Fill the rows from a saved rate (a new version starts from the one in force)."""
        while len(self.rows) > 1:
            self.remove_step()
        while len(self.rows) < len(rate.steps):
            self.add_step()
        for (_n, _s, end, price_line), step in zip(self.rows, rate.steps, strict=True):
            end.setText("" if step.end_kwh is None else str(step.end_kwh))
            price_line.setText(str(step.price))

    def rate(self) -> pricing.StepRate:
        """The steps typed, checked: prices positive, ends rising on the 0.1 kWh grid, only
        the last open. Raises :class:`InputProblem` for the first row that is not."""
        steps = []
        start = Decimal(0)
        last = len(self.rows) - 1
        for number, (_n, _start, end_line, price_line) in enumerate(self.rows):
            what = tr("admin", "Step {number}").format(number=number + 1)
            end_text = end_line.text().strip()
            end = None if not end_text else kwh(end_text, what, end_line)
            if end is None and number != last:
                raise InputProblem(
                    tr("admin", "{what} has no end: only the last step may be open.").format(
                        what=what
                    ),
                    end_line,
                )
            if end is not None and end <= start:
                raise InputProblem(
                    tr(
                        "admin",
                        "{what} ends at {end} kWh, not after its start at {start} kWh: each "
                        "step must end above the one before.",
                    ).format(what=what, end=end, start=start),
                    end_line,
                )
            steps.append(pricing.Step(end, price(price_line.text(), what, price_line)))
            if end is not None:
                start = end
        return pricing.StepRate(tuple(steps))

    def _edited(self) -> None:
        self._show_starts()
        emit(self.changed)

    def _show_starts(self) -> None:
        start = "0"
        for _n, start_label, end, _price in self.rows:
            start_label.setText(start)
            start = end.text().strip() or "…"
