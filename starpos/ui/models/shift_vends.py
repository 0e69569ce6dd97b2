"""This shift's vends as a table: newest first, searchable by any column.

With :class:`~starpos.ui.models.text_search.TextSearchFilter` a cashier finds a sale by
meter number, bill number, customer name or token.
"""

from __future__ import annotations

from collections.abc import Sequence

from starpos.counter.views import ShiftVend
from starpos.i18n import tr_noop
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.money import format_kwh, format_money, group_token
from starpos.ui.translator import tr

#: Vend states as the ledger names them, shown translated.
STATES = (
    tr_noop("shift", "PENDING"),
    tr_noop("shift", "ISSUED"),
    tr_noop("shift", "PRINTED"),
    tr_noop("shift", "FAILED"),
    tr_noop("shift", "CANCELLED"),
)


def shift_vend_columns(decimals: int) -> tuple[Column[ShiftVend], ...]:
    """The columns, with money shown to the configured ``decimals``."""
    return (
        Column(
            tr_noop("shift", "Time"),
            lambda vend: vend.issued_at.strftime("%H:%M:%S"),
            sort_key=lambda vend: vend.issued_at.isoformat(),
        ),
        Column(tr_noop("shift", "Bill"), lambda vend: vend.bill_number),
        Column(tr_noop("shift", "Meter"), lambda vend: vend.meter_number),
        Column(tr_noop("shift", "Customer"), lambda vend: vend.customer_name),
        Column(
            tr_noop("shift", "Net amount"),
            lambda vend: format_money(vend.net, decimals),
            numeric=True,
            sort_key=lambda vend: int(vend.net.scaleb(decimals)),
        ),
        Column(
            tr_noop("shift", "Energy (kWh)"),
            lambda vend: format_kwh(vend.energy_kwh),
            numeric=True,
            sort_key=lambda vend: int(vend.energy_kwh.scaleb(1)),
        ),
        Column(tr_noop("shift", "Token"), lambda vend: group_token(vend.token)),
        Column(tr_noop("shift", "State"), lambda vend: tr("shift", vend.state)),
    )


def newest_first(vends: Sequence[ShiftVend]) -> list[ShiftVend]:
    return sorted(vends, key=lambda vend: vend.issued_at, reverse=True)


def shift_vends_model(decimals: int = 2) -> RecordTableModel[ShiftVend]:
    return RecordTableModel("shift", shift_vend_columns(decimals), newest_first)
