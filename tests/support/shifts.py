"""Shifts for tests that sell: the one helper that opens one, through the shift core as a
cashier would (decision SHF-1: the rule stays on; a test opens its seller's shift)."""

from __future__ import annotations

from decimal import Decimal

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.operators.login import acting_as
from starpos.shifts import ShiftInfo, current_shift, open_shift


def open_shift_for(
    database: Database,
    operator: str,
    sales_point: str | None = None,
    terminal: str | None = None,
    float_total: Decimal = Decimal(0),
) -> ShiftInfo:
    """``operator``'s open shift on the till (opened now with ``float_total`` unless one is
    already open there)."""
    session = acting_as(database, Actor(operator, sales_point, terminal))
    return current_shift(database, session) or open_shift(
        database, session, float_total=float_total
    )
