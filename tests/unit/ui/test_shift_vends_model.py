"""The shift table model and its search, without any view."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from starpos.counter.views import ShiftVend
from starpos.ui.models.shift_vends import shift_vend_columns, shift_vends_model
from starpos.ui.models.text_search import TextSearchFilter


@pytest.fixture(autouse=True)
def application(qapp: QCoreApplication) -> QCoreApplication:
    """Translation needs an application object; no window is ever made here."""
    return qapp


def vend(minute: int, bill: str, meter: str, name: str, net: str, token: str) -> ShiftVend:
    return ShiftVend(
        datetime(2026, 11, 22, 9, minute, 5),
        bill,
        meter,
        name,
        Decimal(net),
        Decimal("12.3"),
        token,
        "PRINTED",
    )


VENDS = [
    vend(1, "B000001", "04123456784", "Thandi Mokoena", "50.00", "12345678901234567890"),
    vend(7, "B000002", "01234567897", "Pieter van Wyk", "1250.5", "99990000111122223333"),
    vend(3, "B000003", "04123456784", "Thandi Mokoena", "20", "55556666777788889999"),
]


def test_rows_are_newest_first_with_formatted_cells() -> None:
    model = shift_vends_model(decimals=2)
    model.set_records(VENDS)
    assert model.rowCount() == 3
    assert model.columnCount() == len(shift_vend_columns(2))
    cells = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert cells == [
        "09:07:05",
        "B000002",
        "01234567897",
        "Pieter van Wyk",
        "1250.50",
        "12.3",
        "9999 0000 1111 2222 3333",
        "PRINTED",
    ]
    assert model.data(model.index(2, 1)) == "B000001"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Net amount"
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.data(model.index(5, 0)) is None


def test_search_matches_any_column_ignoring_spaces() -> None:
    model = shift_vends_model()
    model.set_records(VENDS)
    proxy = TextSearchFilter()
    proxy.setSourceModel(model)
    proxy.set_search("thandi")
    assert proxy.rowCount() == 2
    proxy.set_search("5555 6666")  # a token read out in groups
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, 1)) == "B000003"
    proxy.set_search("B000002")
    assert proxy.rowCount() == 1
    proxy.set_search("nobody")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert proxy.rowCount() == 3


def test_sorting_through_the_proxy() -> None:
    model = shift_vends_model()
    model.set_records(VENDS)
    proxy = TextSearchFilter()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, 1)) for r in range(3)] == ["B000001", "B000002", "B000003"]
