"""Meter data from cards: type a meter number, see the readings its cards brought back
(newest first); or tick "Flagged only (all meters)" (Alt+F) for every reading the
supervisor should look at. Read on the database worker; needs ``view_reports``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from starpos.counter.card_desk_views import MeterReading
from starpos.ui.cards.desk_dialog import DeskContext
from starpos.ui.models.meter_readings import METER_COLUMN, meter_readings_model
from starpos.ui.signals import emit
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr
from starpos.ui.widgets.meter_field import MeterNumberField


class MeterReadingsDialog(QDialog):
    #: the table shows a new answer (the list of readings)
    readings_shown = Signal(object)

    def __init__(
        self,
        desk: DeskContext,
        parent: QWidget | None = None,
        parse_meter_number: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meterReadingsDialog")
        self.desk = desk
        self._serial = 0
        self.shown_meter = ""  # the meter of the rows shown ("" with flagged only)
        self.meter_title = QLabel()
        self.meter_field = MeterNumberField(parse_meter_number)
        self.meter_title.setBuddy(self.meter_field.edit)
        self.flagged_only = QCheckBox()
        self.flagged_only.setObjectName("flaggedOnly")
        self.model = meter_readings_model()
        self.table = QTableView()
        self.table.setObjectName("readingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("readingsSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.meter_title)
        layout.addWidget(self.meter_field)
        layout.addWidget(self.flagged_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.meter_field.confirmed.connect(lambda _digits: self.refresh())
        self.meter_field.cleared.connect(self.refresh)
        self.flagged_only.toggled.connect(self._flagged_toggled)
        self.resize(1200, 560)
        self.retranslate_ui()
        self.meter_field.edit.setFocus()

    def refresh(self) -> None:
        """Ask the database worker for the rows the dialog's input asks for."""
        self._serial += 1
        serial = self._serial
        if self.flagged_only.isChecked():
            self.desk.workers.database.submit(
                self.desk.cards.flagged_readings,
                self.desk.session,
                on_done=lambda rows: self._show(serial, "", rows),
                on_failed=lambda failure: self._failed(serial, failure),
            )
        elif self.meter_field.is_confirmed:
            number = self.meter_field.digits
            self.desk.workers.database.submit(
                self.desk.cards.meter_readings,
                number,
                self.desk.session,
                on_done=lambda rows: self._show(serial, number, rows),
                on_failed=lambda failure: self._failed(serial, failure),
            )
        else:
            self._show(serial, "", [])

    def done(self, result: int) -> None:
        self._serial += 1  # an answer still on its way finds the dialog closed: dropped
        super().done(result)

    def _flagged_toggled(self, flagged: bool) -> None:
        self.meter_field.setEnabled(not flagged)
        self.refresh()

    def _show(self, serial: int, meter: str, readings: list[MeterReading]) -> None:
        if serial != self._serial:
            return  # the operator typed on meanwhile
        self.shown_meter = meter
        self.model.set_records(readings)
        # One meter's rows all name it: its column only helps in the all-meters view.
        self.table.setColumnHidden(METER_COLUMN, bool(meter))
        self._summarise()
        emit(self.readings_shown, readings)

    def _failed(self, serial: int, failure: JobFailure) -> None:
        if serial != self._serial:
            return
        self.model.set_records([])
        self._summarise()
        self.desk.funnel.show_failure(failure, self)

    def _summarise(self) -> None:
        count = self.model.rowCount()
        flagged = sum(1 for row in range(count) if self.model.record_at(row).flagged)
        if self.flagged_only.isChecked():
            text = tr("carddesk", "{count} flagged readings, all meters, newest first.").format(
                count=count
            )
        elif not self.meter_field.is_confirmed:
            text = tr("carddesk", "Type a meter number to see what its cards brought back.")
        elif count == 0:
            text = tr("carddesk", "No card has brought back data from meter {meter} yet.").format(
                meter=self.meter_field.digits
            )
        else:
            text = tr(
                "carddesk", "{count} readings of meter {meter}, newest first; {flagged} flagged."
            ).format(count=count, meter=self.meter_field.digits, flagged=flagged)
        self.summary.setText(text)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("carddesk", "Meter data from cards"))
        self.meter_title.setText(tr("carddesk", "&Meter number"))
        self.flagged_only.setText(tr("carddesk", "&Flagged only (all meters)"))
        self.meter_field.retranslate_ui()
        self.model.retranslate()
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
