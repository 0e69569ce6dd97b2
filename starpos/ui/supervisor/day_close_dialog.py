"""The sales point's business day (decisions SHF-16, SHF-18): the supervisor picks the day
(today at first; the date field has the focus), sees it as it stands — its shifts (those not
closed named), the totals per till and per operator, the module's credit used against the
energy sold — or, for a day closed already, as its close recorded it; closes it (offered
only when every shift of that day is closed), prints it and saves it as PDF. Once the close
is printed, Print says that the next paper is a DUPLICATE (decision SHF-21), and every press
of it prints (SHF-23)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal, SignalInstance
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.shifts import DayOnScreen
from starpos.i18n import translate_count
from starpos.ui.signals import emit
from starpos.ui.supervisor.report_dialog import COLUMNS
from starpos.ui.translator import tr
from starpos.ui.widgets.press_button import PressButton


class DayField(QDateEdit):
    """The business day: Up and Down step a whole day (Page Up/Down ten) whichever part of
    the date the cursor is in; typing edits the part under the cursor."""

    def stepBy(self, steps: int) -> None:
        self.setDate(self.date().addDays(steps))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.date() > self.minimumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class DayCloseDialog(QDialog):
    #: the supervisor chose another day (a ``date``): show it
    day_chosen = Signal(object)
    #: the supervisor closes the day shown (a ``date``)
    close_chosen = Signal(object)
    #: print / save as PDF the day shown (a ``date``)
    print_chosen = Signal(object)
    pdf_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayCloseDialog")
        self.found: DayOnScreen | None = None
        self.date_field = DayField()
        self.date_field.setObjectName("dayCloseDate")
        self.date_field.setCalendarPopup(True)
        self.date_field.setDisplayFormat("yyyy-MM-dd")
        self.date_field.setEnabled(False)  # until the first day (today's) is known
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date_field)
        self.intro = QLabel()
        self.intro.setObjectName("dayCloseIntro")
        self.intro.setWordWrap(True)
        self.view = QPlainTextEdit()
        self.view.setObjectName("dayCloseText")
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self._button("dayCloseButton", lambda: self._close())
        self.print_button = self._button("dayPrint", lambda: self._on_shown(self.print_chosen))
        self.pdf_button = self._button("dayPdf", lambda: self._on_shown(self.pdf_chosen))
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                # Enter never closes the window: it closes the day, when that is offered.
                button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.date_label, self.date_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.resize(580, 760)
        self._offer()
        self.retranslate_ui()
        self.date_field.dateChanged.connect(self._day_changed)

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = PressButton(name)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def _on_shown(self, signal: SignalInstance) -> None:
        if self._shown():
            emit(signal, self.chosen_day())

    def chosen_day(self) -> date:
        picked = self.date_field.date()
        return date(picked.year(), picked.month(), picked.day())

    def show_day(self, found: DayOnScreen) -> None:
        """Show ``found`` if it is still the day chosen (an answer for a day the supervisor
        has already left is dropped)."""
        first = self.found is None
        if first:
            # The day close's "today" is the utility's: no later day can be chosen.
            today = QDate(found.day.year, found.day.month, found.day.day)
            self.date_field.blockSignals(True)
            self.date_field.setMaximumDate(today)
            self.date_field.setDate(today)
            self.date_field.blockSignals(False)
            self.date_field.setEnabled(True)
            self.date_field.setFocus()
        elif found.day != self.chosen_day():
            return
        self.found = found
        self.view.setPlainText(found.slip.text(COLUMNS))
        self._offer()
        self.retranslate_ui()

    def _day_changed(self) -> None:
        # Nothing acts on the day left behind while the chosen one is read (see _shown).
        self.view.setPlainText("")
        self._offer()
        self.retranslate_ui()
        emit(self.day_chosen, self.chosen_day())

    def _shown(self) -> bool:
        return self.found is not None and self.found.day == self.chosen_day()

    def _offer(self) -> None:
        found = self.found if self._shown() else None
        closable = found is not None and found.all_closed and not found.closed
        self.close_button.setEnabled(closable)
        # Enter closes the day only when the day shown can be closed.
        self.close_button.setDefault(closable)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(found is not None)

    def _close(self) -> None:
        if self._shown() and self.close_button.isEnabled():
            self.close_button.setEnabled(False)  # one close per press
            emit(self.close_chosen, self.chosen_day())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("shifts", "Day close"))
        self.date_label.setText(tr("shifts", "Business d&ay"))
        found = self.found if self._shown() else None
        if found is None:
            intro = tr("shifts", "Reading the day…")
        elif found.closed:
            intro = tr(
                "shifts", "This day is closed already: below is its close as it was recorded."
            )
            if found.print_count:
                intro += " " + translate_count(
                    "shifts",
                    "Its close was printed once: a new print says DUPLICATE.",
                    "Its close was printed {count} times: a new print says DUPLICATE.",
                    found.print_count,
                ).format(count=found.print_count)
        elif not found.all_closed:
            intro = tr(
                "shifts",
                "The day cannot be closed while a shift of it is not closed: the shifts "
                "below must be counted and closed first.",
            )
        else:
            intro = tr("shifts", "Every shift of the day is closed. Close the day and print it?")
        self.intro.setText(intro)
        self.close_button.setText(tr("shifts", "Close the &day"))
        # The same Alt+P either way: the label says what the paper will be.
        copy = found is not None and found.closed and found.print_count > 0
        self.print_button.setText(
            tr("shifts", "&Print a copy (DUPLICATE)") if copy else tr("shifts", "&Print")
        )
        self.pdf_button.setText(tr("shifts", "Save as PD&F…"))
