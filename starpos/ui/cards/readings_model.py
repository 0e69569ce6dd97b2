"""Meter data from cards as a Qt table model: one row per reading, newest first.

Plain data in, cells out (tested without a view). Flagged readings (new tamper events, new
overloads, data older than a previous reading) are tinted and say why in the last column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from starpos.counter.card_desk_views import MeterReading
from starpos.i18n import tr_noop
from starpos.ui.money import format_kwh
from starpos.ui.records_model import RecordsTableModel
from starpos.ui.translator import tr

COLUMNS = (
    tr_noop("carddesk", "Read at"),
    tr_noop("carddesk", "Meter"),
    tr_noop("carddesk", "Card"),
    tr_noop("carddesk", "Meter clock"),
    tr_noop("carddesk", "Remaining (kWh)"),
    tr_noop("carddesk", "Cumulative (kWh)"),
    tr_noop("carddesk", "Tamper"),
    tr_noop("carddesk", "Overloads"),
    tr_noop("carddesk", "Power cuts"),
    tr_noop("carddesk", "Warning"),
    tr_noop("carddesk", "Flagged"),
)
NUMERIC_COLUMNS = (4, 5, 8)
METER_COLUMN = 1
FLAGGED_COLUMN = len(COLUMNS) - 1
WARNINGS = (
    tr_noop("carddesk", "none"),
    tr_noop("carddesk", "low credit"),
    tr_noop("carddesk", "very low credit"),
)
TAMPER_KINDS = {
    "cover-open": tr_noop("carddesk", "cover opened"),
    "magnetic-field": tr_noop("carddesk", "magnetic field"),
    "reverse-current": tr_noop("carddesk", "reverse current"),
}
FLAG_TINT = QColor("#fde7e9")
FLAG_TEXT = QColor("#b00020")


class MeterReadingsModel(RecordsTableModel):
    CONTEXT = "carddesk"
    COLUMNS = COLUMNS
    NUMERIC_COLUMNS = NUMERIC_COLUMNS
    #: the row's MeterReading, for views that want more than the cells
    ReadingRole = RecordsTableModel.RecordRole

    def set_readings(self, readings: Sequence[MeterReading]) -> None:
        self.set_records(readings)

    def reading_at(self, row: int) -> MeterReading:
        reading: MeterReading = self.record_at(row)
        return reading

    def ordered(self, records: Sequence[MeterReading]) -> list[MeterReading]:
        return sorted(records, key=lambda r: (r.read_at, r.reading_id), reverse=True)

    def styled(self, reading: MeterReading, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and reading.flagged:
            return QBrush(FLAG_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and reading.flagged and column in (6, 7, 10):
            return QBrush(FLAG_TEXT)
        return None

    def cell(self, reading: MeterReading, column: int) -> str:
        if column == 0:
            return reading.read_at.strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return reading.meter_number
        if column == 2:
            return reading.card_serial
        if column == 3:
            return reading.meter_clock.strftime("%Y-%m-%d %H:%M")
        if column == 4:
            return format_kwh(reading.remaining_kwh)
        if column == 5:
            return format_kwh(reading.cumulative_kwh)
        if column == 6:
            return self._tampers(reading)
        if column == 7:
            return _count(reading.overload_count, reading.new_overloads)
        if column == 8:
            return str(reading.power_cut_count)
        if column == 9:
            level = reading.warning_level
            return tr("carddesk", WARNINGS[level]) if 0 <= level < len(WARNINGS) else str(level)
        return self._flags(reading)

    @staticmethod
    def _tampers(reading: MeterReading) -> str:
        text = _count(reading.tamper_count, reading.new_tampers)
        kinds = sorted({tr("carddesk", TAMPER_KINDS.get(k, k)) for k in reading.tamper_kinds})
        return f"{text}: {', '.join(kinds)}" if kinds else text

    @staticmethod
    def _flags(reading: MeterReading) -> str:
        reasons = []
        if reading.new_tampers:
            reasons.append(tr("carddesk", "tamper"))
        if reading.new_overloads:
            reasons.append(tr("carddesk", "overload"))
        if reading.rolled_back:
            reasons.append(tr("carddesk", "older data than before"))
        return ", ".join(reasons)


def _count(total: int, new: int) -> str:
    if new:
        return tr("carddesk", "{total} ({new} new)").format(total=total, new=new)
    return str(total)
