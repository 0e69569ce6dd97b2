"""Shifts and the close of the day (issue 13; docs/shifts.md): a cashier's shift on a till
with its float, cash moving outside sales, the X report, the blind count, the supervisor's
close with its variance, the Z (numbered, chained, append-only), the day close, and the
vendor float limit the sale checks apply (:mod:`starpos.shifts.gate`).

This package reads the vend ledger's tables but imports nothing of ``vending`` (which asks
:mod:`.gate` on every sale), so the arrow points one way.
"""

from starpos.shifts.cash import Movement, record_movement
from starpos.shifts.close import CloseResult, CountLine, close_shift
from starpos.shifts.day_close import DayCloseResult, close_day, list_day_closes
from starpos.shifts.lifecycle import (
    ShiftInfo,
    current_shift,
    drawer_denominations,
    end_shift,
    list_shifts,
    open_shift,
)
from starpos.shifts.totals import ShiftTotals, x_report
from starpos.shifts.zreport import ZInfo, correct_z, list_z, read_z, record_z_print, verify_z

__all__ = [
    "CloseResult",
    "CountLine",
    "DayCloseResult",
    "Movement",
    "ShiftInfo",
    "ShiftTotals",
    "ZInfo",
    "close_day",
    "close_shift",
    "correct_z",
    "current_shift",
    "drawer_denominations",
    "end_shift",
    "list_day_closes",
    "list_shifts",
    "list_z",
    "open_shift",
    "read_z",
    "record_movement",
    "record_z_print",
    "verify_z",
    "x_report",
]
