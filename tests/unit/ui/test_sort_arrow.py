"""The sort arrow points up for ascending, down for descending (Qt draws it the other way)."""

from __future__ import annotations

from PySide6.QtWidgets import QStyleOptionHeader

from starpos.ui.widgets.sort_arrow import _FLIPPED

Sort = QStyleOptionHeader.SortIndicator


def test_qt_s_arrows_are_turned_the_way_people_read_them() -> None:
    # Qt hands the style SortDown for Qt.AscendingOrder and SortUp for DescendingOrder.
    assert _FLIPPED[Sort.SortDown] is Sort.SortUp
    assert _FLIPPED[Sort.SortUp] is Sort.SortDown
    assert Sort.None_ not in _FLIPPED
