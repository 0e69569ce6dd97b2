"""The module manager's tables: the key registry (with the standing of each key ahead of
its expiry) and the credit update history, as :class:`RecordTableModel` configurations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from starpos.devices.sm.records import CreditUpdateRecord
from starpos.i18n import tr_noop
from starpos.module_admin.key_standing import KeyStanding, Standing
from starpos.ui.models.record_table import Column, RecordTableModel
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr

CONTEXT = "modulemanager"
TENTH = Decimal("0.1")
STANDING_TEXT = {
    Standing.GOOD: tr_noop(CONTEXT, "good"),
    Standing.DUE: tr_noop(CONTEXT, "expires soon"),
    Standing.EXPIRED: tr_noop(CONTEXT, "expired"),
    Standing.NOT_YET: tr_noop(CONTEXT, "not active yet"),
}
USAGE_TEXT = {
    "credit": tr_noop(CONTEXT, "vending"),
    "key-change-only": tr_noop(CONTEXT, "key change only"),
}
STANDING_COLOURS = {Standing.DUE: "#fff3c4", Standing.EXPIRED: "#ffd6d6"}


def _kwh(tenths: int) -> str:
    return format_kwh(Decimal(tenths) * TENTH)  # as the language in use writes numbers


def _role(key: KeyStanding) -> str:
    if key.superseded_by is None:
        return tr(CONTEXT, "current")
    return tr(CONTEXT, "old (KRN {krn} is current)").format(krn=key.superseded_by)


KEY_COLUMNS: tuple[Column[KeyStanding], ...] = (
    Column(tr_noop(CONTEXT, "Register"), lambda k: f"{k.info.register:02d}", numeric=True),
    Column(tr_noop(CONTEXT, "SGC"), lambda k: k.info.sgc),
    Column(tr_noop(CONTEXT, "KRN"), lambda k: str(k.info.krn), numeric=True),
    Column(tr_noop(CONTEXT, "Current or old"), lambda k: _role(k)),
    Column(tr_noop(CONTEXT, "Key type"), lambda k: f"KT{k.info.key_type}"),
    Column(tr_noop(CONTEXT, "KEN"), lambda k: str(k.info.ken), numeric=True),
    Column(tr_noop(CONTEXT, "Base date"), lambda k: str(k.info.base_date)),
    Column(tr_noop(CONTEXT, "Algorithm"), lambda k: k.algorithm),
    Column(tr_noop(CONTEXT, "Use"), lambda k: tr(CONTEXT, USAGE_TEXT[k.info.usage])),
    Column(tr_noop(CONTEXT, "Activation"), lambda k: k.info.activation.isoformat()),
    Column(tr_noop(CONTEXT, "Issued until"), lambda k: k.info.issued_until.isoformat()),
    Column(tr_noop(CONTEXT, "Expires"), lambda k: k.expires_on.isoformat()),
    Column(tr_noop(CONTEXT, "Days left"), lambda k: str(k.days_left), numeric=True),
    Column(tr_noop(CONTEXT, "Standing"), lambda k: tr(CONTEXT, STANDING_TEXT[k.standing])),
    Column(
        tr_noop(CONTEXT, "Credit limit (kWh)"),
        lambda k: _kwh(k.info.credit_limit_tenths),
        numeric=True,
    ),
)

OPERATION_TEXT = {
    "replace": tr_noop(CONTEXT, "Replace"),
    "add": tr_noop(CONTEXT, "Add"),
    "decrease": tr_noop(CONTEXT, "Decrease"),
}

HISTORY_COLUMNS: tuple[Column[CreditUpdateRecord], ...] = (
    Column(tr_noop(CONTEXT, "Sequence"), lambda r: str(r.sequence), numeric=True),
    Column(
        tr_noop(CONTEXT, "Operation"),
        lambda r: tr(CONTEXT, OPERATION_TEXT.get(r.operation, r.operation)),
    ),
    Column(tr_noop(CONTEXT, "Amount (kWh)"), lambda r: _kwh(r.amount_tenths), numeric=True),
    Column(
        tr_noop(CONTEXT, "Balance before (kWh)"),
        lambda r: _kwh(r.balance_before_tenths),
        numeric=True,
    ),
    Column(
        tr_noop(CONTEXT, "Balance after (kWh)"),
        lambda r: _kwh(r.balance_after_tenths),
        numeric=True,
    ),
    Column(tr_noop(CONTEXT, "Block"), lambda r: r.block_digest),
)


def _key_style(record: KeyStanding, column: int, role: int) -> Any:
    colour = STANDING_COLOURS.get(record.standing)
    if role == Qt.ItemDataRole.BackgroundRole and colour is not None:
        return QBrush(QColor(colour))
    return None


def key_table() -> RecordTableModel[KeyStanding]:
    return RecordTableModel(CONTEXT, KEY_COLUMNS, style=_key_style)


def history_table() -> RecordTableModel[CreditUpdateRecord]:
    return RecordTableModel(
        CONTEXT, HISTORY_COLUMNS, lambda rows: sorted(rows, key=lambda r: -r.sequence)
    )
