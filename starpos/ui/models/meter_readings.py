"""Meter data from cards as a table: one row per reading, newest first.

Flagged readings (new tamper events, new overloads, data older than a previous reading)
are tinted and say why in the last column.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from starpos.counter.card_desk_views import MeterReading
from starpos.i18n import tr_noop
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr

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


def _count(total: int, new: int) -> str:
    if new:
        return tr("carddesk", "{total} ({new} new)").format(total=total, new=new)
    return str(total)


def _tampers(reading: MeterReading) -> str:
    text = _count(reading.tamper_count, reading.new_tampers)
    kinds = sorted({tr("carddesk", TAMPER_KINDS.get(k, k)) for k in reading.tamper_kinds})
    return f"{text}: {', '.join(kinds)}" if kinds else text


def _warning(reading: MeterReading) -> str:
    level = reading.warning_level
    return tr("carddesk", WARNINGS[level]) if 0 <= level < len(WARNINGS) else str(level)


def _flags(reading: MeterReading) -> str:
    reasons = []
    if reading.new_tampers:
        reasons.append(tr("carddesk", "tamper"))
    if reading.new_overloads:
        reasons.append(tr("carddesk", "overload"))
    if reading.rolled_back:
        reasons.append(tr("carddesk", "older data than before"))
    return ", ".join(reasons)


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


COLUMNS: tuple[Column[MeterReading], ...] = (
    Column(tr_noop("carddesk", "Read at"), lambda r: _minute(r.read_at)),
    Column(tr_noop("carddesk", "Meter"), lambda r: r.meter_number),
    Column(tr_noop("carddesk", "Card"), lambda r: r.card_serial),
    Column(tr_noop("carddesk", "Meter clock"), lambda r: _minute(r.meter_clock)),
    Column(
        tr_noop("carddesk", "Remaining (kWh)"), lambda r: format_kwh(r.remaining_kwh), numeric=True
    ),
    Column(
        tr_noop("carddesk", "Cumulative (kWh)"),
        lambda r: format_kwh(r.cumulative_kwh),
        numeric=True,
    ),
    Column(tr_noop("carddesk", "Tamper"), _tampers),
    Column(tr_noop("carddesk", "Overloads"), lambda r: _count(r.overload_count, r.new_overloads)),
    Column(tr_noop("carddesk", "Power cuts"), lambda r: str(r.power_cut_count), numeric=True),
    Column(tr_noop("carddesk", "Warning"), _warning),
    Column(tr_noop("carddesk", "Flagged"), _flags),
)
METER_COLUMN = 1
FLAGGED_COLUMN = len(COLUMNS) - 1
#: the columns whose text turns red on a flagged row (what made it flagged)
FLAG_COLUMNS = (6, 7, FLAGGED_COLUMN)


def newest_first(readings: Sequence[MeterReading]) -> list[MeterReading]:
    return sorted(readings, key=lambda r: (r.read_at, r.reading_id), reverse=True)


def flagged_style(reading: MeterReading, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.BackgroundRole and reading.flagged:
        return QBrush(FLAG_TINT)
    if role == Qt.ItemDataRole.ForegroundRole and reading.flagged and column in FLAG_COLUMNS:
        return QBrush(FLAG_TEXT)
    return None


def meter_readings_model() -> RecordTableModel[MeterReading]:
    return RecordTableModel("carddesk", COLUMNS, newest_first, flagged_style)
