"""The meter data table model (card desk), without any view: order, cells, flags, language."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from starpos.counter.card_desk_views import MeterReading
from starpos.ui.models.meter_readings import COLUMNS, FLAGGED_COLUMN, meter_readings_model
from starpos.ui.models.record_table import RecordTableModel
from starpos.ui.translator import switch_language


@pytest.fixture(autouse=True)
def application(qapp: QCoreApplication) -> QCoreApplication:
    return qapp


QUIET = MeterReading(
    reading_id=1,
    read_at=datetime(2026, 11, 20, 9, 15),
    meter_number="04123456784",
    card_serial="SUN0001",
    meter_clock=datetime(2026, 11, 20, 8, 59),
    remaining_kwh=Decimal("12.34"),
    cumulative_kwh=Decimal("100.0"),
    tamper_count=0,
    new_tampers=0,
    tamper_kinds=(),
    overload_count=0,
    new_overloads=0,
    power_cut_count=2,
    warning_level=0,
    rolled_back=False,
    flagged=False,
)
TAMPERED = replace(
    QUIET,
    reading_id=2,
    read_at=datetime(2026, 11, 27, 10, 0),
    tamper_count=2,
    new_tampers=1,
    tamper_kinds=("cover-open", "magnetic-field"),
    overload_count=1,
    new_overloads=1,
    warning_level=1,
    flagged=True,
)
ROLLED_BACK = replace(
    QUIET, reading_id=3, read_at=datetime(2026, 11, 28, 7, 0), rolled_back=True, flagged=True
)


def cells(model: RecordTableModel[MeterReading], row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(len(COLUMNS))]


def test_rows_are_newest_first_with_energy_at_kwh_resolution() -> None:
    model = meter_readings_model()
    model.set_records([QUIET, ROLLED_BACK, TAMPERED])
    assert [model.record_at(row).reading_id for row in range(3)] == [3, 2, 1]
    assert cells(model, 2) == [
        "2026-11-20 09:15",
        "04123456784",
        "SUN0001",
        "2026-11-20 08:59",
        "12.3",
        "100.0",
        "0",
        "0",
        "2",
        "none",
        "",
    ]
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) == right


def test_flagged_rows_say_why_and_are_tinted() -> None:
    model = meter_readings_model()
    model.set_records([TAMPERED, ROLLED_BACK, QUIET])
    tampered = cells(model, 1)
    assert tampered[6] == "2 (1 new): cover opened, magnetic field"
    assert tampered[7] == "1 (1 new)"
    assert tampered[9] == "low credit"
    assert tampered[FLAGGED_COLUMN] == "tamper, overload"
    assert cells(model, 0)[FLAGGED_COLUMN] == "older data than before"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, 0), RecordTableModel.RecordRole) == ROLLED_BACK


def test_headers_and_cells_follow_the_language() -> None:
    model = meter_readings_model()
    model.set_records([TAMPERED])
    try:
        switch_language("fr")
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Lu le"
        assert cells(model, 0)[FLAGGED_COLUMN] == "fraude, surcharge"
        switch_language("zh_CN")
        assert model.headerData(6, Qt.Orientation.Horizontal) == "窃电事件"
    finally:
        switch_language("en")
